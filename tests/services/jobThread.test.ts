import { describe, expect, it, vi } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { jobFailed } from '../../services/jobThread';
import { UNFORESEEN_FAILURE } from '../../services/unforeseenFailure';

const STORE = '/home/ed/.config/Redline/redline.sqlite';

describe('jobFailed', () => {
  it('passes a RedlineError on as it is, unlogged', () => {
    const log = vi.fn();
    expect(jobFailed(new RedlineError('bad_input', 'The file is not XLIFF.'), STORE, log)).toEqual({
      kind: 'failed',
      code: 'bad_input',
      message: 'The file is not XLIFF.',
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('tells a storage failure in words', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const failed = jobFailed(busy, STORE, vi.fn());
    expect(failed.code).not.toBe('internal');
    expect(failed.message).not.toMatch(/database is locked/);
  });

  it.each([
    new TypeError("Cannot read properties of undefined (reading 'text')"),
    Object.assign(new Error('no such column: s.current_text'), { code: 'SQLITE_ERROR' }),
    Object.assign(new Error("EACCES: permission denied, open '/home/ed/.config/Redline/x'"), { code: 'EACCES' }),
  ])('logs an unforeseen failure and tells it in general words: %s', (error) => {
    const log = vi.fn();
    const failed = jobFailed(error, STORE, log);
    expect(failed).toEqual({ kind: 'failed', code: 'internal', message: UNFORESEEN_FAILURE });
    expect(log).toHaveBeenCalledWith(error);
  });
});
