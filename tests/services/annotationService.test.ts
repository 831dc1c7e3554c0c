import { describe, expect, it } from 'vitest';
import type { MqmCategory, MqmSeverity } from '../../core/mqm/categories';
import { mqmWordCount } from '../../core/mqm/score';
import { FIXED_TIME, openTestServices, SAMPLE } from '../electron/support';
import { thrown } from '../support/thrown';

const TENSE = 'The situation in Kazakhstan remains tense.';

function setup() {
  const ctx = openTestServices();
  const doc = ctx.services.openSample(SAMPLE);
  const [first, second] = ctx.services.segments.page(doc.id, 0, 2).items;
  return { ...ctx, doc, first: first!, second: second! };
}

describe('annotations: adding and removing', () => {
  it('tags a span of the MT or of the correction and keeps the quoted words', () => {
    const { services, first } = setup();
    expect(first.mtText).toBe(`date 2022-01-06 ${TENSE}`);
    services.segments.update(first.id, TENSE);

    const leaked = services.annotations.add(first.id, 'mt', 0, 15, 'accuracy.addition', 'major', '  Leaked date prefix. ');
    expect(leaked).toMatchObject({
      segmentId: first.id,
      side: 'mt',
      start: 0,
      end: 15,
      quote: 'date 2022-01-06',
      category: 'accuracy.addition',
      severity: 'major',
      comment: 'Leaked date prefix.',
      createdAt: FIXED_TIME,
    });
    const start = TENSE.indexOf('tense');
    const style = services.annotations.add(first.id, 'target', start, start + 5, 'style', 'minor');
    expect(style).toMatchObject({ side: 'target', quote: 'tense', comment: '' });

    expect(services.annotations.ofSegment(first.id).map((a) => a.id)).toEqual([leaked.id, style.id]);
    services.annotations.remove(leaked.id);
    expect(services.annotations.ofSegment(first.id)).toEqual([style]);
    expect(thrown(() => services.annotations.remove(leaked.id)).code).toBe('not_found');

    // Put back (the window's Undo of a removal) only on its own words: after an edit moved them, it is refused.
    services.annotations.remove(style.id);
    services.segments.update(first.id, `Now ${TENSE}`);
    expect(thrown(() => services.annotations.add(first.id, 'target', start, start + 5, 'style', 'minor', '', 'tense')).message).toBe(
      'The words “tense” are no longer there in the correction of sentence 1; select them and tag them again.',
    );
    expect(services.annotations.add(first.id, 'target', start + 4, start + 9, 'style', 'minor', '', 'tense')).toMatchObject({ quote: 'tense' });
  });

  it('checks the span against the text as it is now, and refuses bad input clearly', () => {
    const { services, first } = setup();
    services.segments.update(first.id, TENSE);
    const add = (start: number, end: number, side: 'mt' | 'target' = 'target') =>
      thrown(() => services.annotations.add(first.id, side, start, end, 'style', 'minor'));

    // the MT is 58 characters, the correction 42: a span valid on one side is out of range on the other
    expect(() => services.annotations.add(first.id, 'mt', 50, 58, 'style', 'minor')).not.toThrow();
    expect(add(50, 58).message).toMatch(/outside the correction of sentence 1 \(42 characters\)/);
    expect(add(-1, 3).code).toBe('bad_input');
    expect(add(3, 3).message).toMatch(/at least one character/);
    expect(add(5, 2).message).toMatch(/at least one character/);
    expect(add(1.5, 3).message).toMatch(/whole numbers/);
    expect(add(Number.NaN, 3).message).toMatch(/whole numbers/);
    expect(add(3, 4).message).toMatch(/only spaces/); // 'The| |situation'
    expect(thrown(() => services.annotations.add(first.id, 'note' as 'mt', 0, 3, 'style', 'minor')).message).toMatch(/source.*MT.*correction/);
    expect(thrown(() => services.annotations.add(first.id, 'source', 0, 3, 'style', 'minor')).message).toMatch(/has no source text/);
    expect(thrown(() => services.annotations.add(first.id, 'mt', 0, 3, 'clarity' as MqmCategory, 'minor')).message).toMatch(
      /Unknown MQM category: clarity/,
    );
    expect(thrown(() => services.annotations.add(first.id, 'mt', 0, 3, 'style', 'fatal' as MqmSeverity)).message).toMatch(
      /Unknown MQM severity: fatal/,
    );
    expect(thrown(() => services.annotations.add(first.id, 'mt', 0, 3, 'style', 'minor', 'x'.repeat(2001))).message).toMatch(
      /longer than 2000/,
    );
    expect(thrown(() => services.annotations.add(9999, 'mt', 0, 3, 'style', 'minor')).code).toBe('not_found');
    expect(thrown(() => services.annotations.ofSegment(9999)).code).toBe('not_found');
    expect(services.annotations.ofSegment(first.id)).toHaveLength(1); // only the valid one was stored
  });

  it('does not cut a character in two', () => {
    const { services, first } = setup();
    services.segments.update(first.id, 'Flags 🇰🇿 everywhere.');
    const at = 'Flags '.length;
    expect(thrown(() => services.annotations.add(first.id, 'target', at, at + 1, 'style', 'minor')).message).toMatch(/character in two/);
    expect(services.annotations.add(first.id, 'target', at, at + 4, 'style', 'minor').quote).toBe('🇰🇿');
  });
});

describe('annotations: the MQM summary of a document', () => {
  it('weighs the errors over the words of the current text, against the threshold', () => {
    const { services, doc, first, second } = setup();
    const sampleWords = services.segments
      .page(doc.id, 0, doc.segmentCount)
      .items.reduce((n, s) => n + mqmWordCount(s.currentText), 0);
    expect(sampleWords).toBe(1590);
    expect(services.annotations.summary(doc.id)).toMatchObject({ errors: 0, penalty: 0, wordCount: 1590, score: 100, threshold: 99, pass: true });

    services.segments.update(first.id, TENSE); // 8 words become 6
    services.annotations.add(first.id, 'mt', 0, 15, 'accuracy.addition', 'major');
    services.annotations.add(first.id, 'target', 36, 41, 'style', 'minor'); // 'tense'
    let summary = services.annotations.summary(doc.id);
    expect(summary).toMatchObject({ errors: 2, penalty: 6, wordCount: 1588, threshold: 99, pass: true });
    expect(summary.score).toBeCloseTo((100 * 1582) / 1588, 10); // 99.62
    expect(summary.counts['accuracy.addition']).toEqual({ minor: 0, major: 1, critical: 0 });
    expect(summary.counts.style).toEqual({ minor: 1, major: 0, critical: 0 });

    const { id } = services.annotations.add(second.id, 'mt', 10, 15, 'accuracy.mistranslation', 'critical', 'arson ≠ burning');
    summary = services.annotations.summary(doc.id);
    expect(summary).toMatchObject({ penalty: 31, bySeverity: { minor: 1, major: 1, critical: 1 }, pass: false });
    expect(summary.score).toBeCloseTo((100 * 1557) / 1588, 10); // 98.05

    expect(services.annotations.setThreshold(doc.id, 98)).toMatchObject({ threshold: 98, pass: true, penalty: 31 });
    expect(services.annotations.threshold(doc.id)).toBe(98);
    expect(services.annotations.summary(doc.id).threshold).toBe(98);

    services.annotations.remove(id);
    expect(services.annotations.summary(doc.id)).toMatchObject({ penalty: 6, pass: true });
    expect(services.annotations.ofDocument(doc.id)).toHaveLength(2);
  });

  it('keeps each document its own threshold and refuses one outside 0 … 100', () => {
    const { services, doc } = setup();
    const other = services.openSample(SAMPLE);
    services.annotations.setThreshold(doc.id, 0);
    expect(services.annotations.threshold(doc.id)).toBe(0);
    services.annotations.setThreshold(doc.id, 100);
    services.annotations.setThreshold(doc.id, 97.5);
    expect(services.annotations.threshold(doc.id)).toBe(97.5);
    expect(services.annotations.threshold(other.id)).toBe(99);

    for (const bad of [-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY, '95' as unknown as number]) {
      const error = thrown(() => services.annotations.setThreshold(doc.id, bad));
      expect(error.code).toBe('bad_input');
      expect(error.message).toMatch(/from 0 to 100/);
    }
    expect(services.annotations.threshold(doc.id)).toBe(97.5);
    expect(thrown(() => services.annotations.setThreshold(4242, 90)).code).toBe('not_found');
    expect(thrown(() => services.annotations.summary(4242)).code).toBe('not_found');
    expect(thrown(() => services.annotations.ofDocument(4242)).code).toBe('not_found');
  });
});
