import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awaitingCheck, MAX_AWAITING, STALE, withWritesAwaiting } from '../../services/writesAwaitingCheck';

describe('writes awaiting their check, kept in the check state', () => {
  it('remembers the digest the flags were computed with and every sentence written since, once each', () => {
    const once = withWritesAwaiting('digest-1', [3, 5]);
    expect(awaitingCheck(once)).toEqual({ digest: 'digest-1', segmentIds: [3, 5] });
    expect(awaitingCheck(withWritesAwaiting(once, [5, 8]))).toEqual({ digest: 'digest-1', segmentIds: [3, 5, 8] });
  });

  it('turns stale past the cap, stays stale, and never reads a plain digest or damage as awaiting', () => {
    const many = Array.from({ length: MAX_AWAITING + 1 }, (_, i) => i + 1);
    expect(withWritesAwaiting('digest-1', many)).toBe(STALE);
    expect(withWritesAwaiting(STALE, [1])).toBe(STALE);
    expect(awaitingCheck('digest-1')).toBeNull();
    expect(awaitingCheck(STALE)).toBeNull();
    for (const damaged of ['awaiting:', 'awaiting:{', 'awaiting:{"digest":1,"segmentIds":[]}', 'awaiting:{"digest":"d","segmentIds":["1"]}']) {
      expect(awaitingCheck(damaged)).toBeNull();
      expect(withWritesAwaiting(damaged, [1])).toBe(STALE);
    }
  });

  it('round-trips any digest and ids (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.array(fc.integer({ min: 1, max: 2 ** 40 }), { maxLength: 20 }), { minLength: 1, maxLength: 5 }), (digest, writes) => {
        fc.pre(digest !== STALE && !digest.startsWith('awaiting:'));
        const marked = writes.reduce((state, ids) => withWritesAwaiting(state, ids), digest);
        expect(awaitingCheck(marked)).toEqual({ digest, segmentIds: [...new Set(writes.flat())] });
      }),
    );
  });
});
