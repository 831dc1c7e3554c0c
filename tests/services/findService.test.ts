import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH } from '../../core/segmentation/sentenceSpans';
import { RedlineError } from '../../core/model/errors';
import { openTestServices } from '../electron/support';
import { thrown } from '../support/thrown';

const plain = { regex: false, caseSensitive: false, wholeWord: false };

describe('find in a document and the row filter', () => {
  function setup() {
    const { services } = openTestServices();
    const { id } = services.documents.importText({ fileName: 'f.txt', text: 'Alma-Ata is big. Tea in Alma-Ata.\n\nNo city here. Then alma again.' });
    return { services, documentId: id };
  }

  it('lists matches in document order: sentence, then MT before the correction, then offset', () => {
    const { services, documentId } = setup();
    services.segments.update(1, 'Almaty is big, Alma-Ata was its name.');
    const { matches, truncated } = services.find.matches(documentId, { ...plain, find: 'alma' }, ['mt', 'target']);
    expect(truncated).toBe(false);
    expect(matches).toEqual([
      { position: 1, column: 'mt', start: 0, end: 4 },
      { position: 1, column: 'target', start: 0, end: 4 },
      { position: 1, column: 'target', start: 15, end: 19 },
      { position: 2, column: 'mt', start: 7, end: 11 },
      { position: 2, column: 'target', start: 7, end: 11 },
      { position: 4, column: 'mt', start: 5, end: 9 },
      { position: 4, column: 'target', start: 5, end: 9 },
    ]);
    // Only the columns asked for; case when asked; a limit marks the list as cut short.
    expect(services.find.matches(documentId, { ...plain, find: 'alma', caseSensitive: true }, ['mt']).matches.map((m) => m.position)).toEqual([4]);
    expect(services.find.matches(documentId, { ...plain, find: 'alma' }, ['mt'], 2)).toMatchObject({ truncated: true, matches: [{ position: 1 }, { position: 2 }] });
  });

  it('filters rows by text or regex over MT and correction, and refuses a bad regex in words', () => {
    const { services, documentId } = setup();
    services.segments.update(3, 'No city here, only Almaty.');
    expect(services.find.positions(documentId, { ...plain, find: 'almaty' })).toEqual([3]);
    expect(services.find.positions(documentId, { ...plain, find: '^(Tea|No)\\b', regex: true, caseSensitive: true })).toEqual([2, 3]);
    const error = thrown(() => services.find.positions(documentId, { ...plain, find: '(unclosed', regex: true }));
    expect(error).toBeInstanceOf(RedlineError);
    expect((error as RedlineError).message).toMatch(/regular expression is not valid/);
    expect(thrown(() => services.find.positions(999, { ...plain, find: 'x' }))).toMatchObject({ code: 'not_found' });
  });

  it('runs a user regex in linear time: a pattern that never ends with backtracking answers on a long line', () => {
    const { services } = openTestServices();
    // One sentence as long as Redline splits them (MAX_SENTENCE_LENGTH): longer, it would be cut into several.
    const line = `${'a'.repeat(MAX_SENTENCE_LENGTH - 1)}!`;
    const { id } = services.documents.importText({ fileName: 'long.txt', text: `Short one.\n\n${line}` });
    // (a+)+$ against 3,999 letters and a mismatch takes ~2^3999 steps with a backtracking engine.
    expect(services.find.positions(id, { ...plain, find: '(a+)+$', regex: true })).toEqual([]);
    expect(services.find.matches(id, { ...plain, find: '(a|aa)+!', regex: true }, ['mt']).matches).toHaveLength(1);
    expect(thrown(() => services.find.positions(id, { ...plain, find: '(a)\\1', regex: true }))).toMatchObject({ code: 'bad_input', message: expect.stringMatching(/^Backreferences/) });
  });
});
