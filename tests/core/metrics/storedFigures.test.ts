import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HTER_BINS, REWRITE_THRESHOLD, segmentMetrics } from '../../../core/metrics';
import { hterBand, mtWordCount, storedFigures } from '../../../core/metrics/storedFigures';

const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u200b'];
const text = fc.array(fc.oneof(fc.constantFrom(...SPACES), fc.constantFrom('a', 'Ü', '.', ',', '😀', 'Z'), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('stored figures of a sentence', () => {
  it('count MT words exactly as split(/\\s+/u) does', () => {
    fc.assert(fc.property(text, (t) => {
      expect(mtWordCount(t)).toBe(t.split(/\s+/u).filter(Boolean).length);
    }), { numRuns: 2000 });
  });

  it('are segmentMetrics of the MT against the text, with the band and rewrite mark documentMetrics gives', () => {
    const words = fc.array(fc.constantFrom('the', 'The', 'city', 'Almaty', ',', '.', 'of', 'Alma-Ata', '“', 'is'), { maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, words, (mt, edited) => {
        for (const current of [mt, edited]) {
          const f = storedFigures(mt, current);
          const m = segmentMetrics(mt, current);
          expect({ edits: f.edits, refWords: f.refWords, ins: f.insertions, del: f.deletions, sub: f.substitutions, shifts: f.shifts })
            .toEqual({ edits: m.edits, refWords: m.refWords, ins: m.insertions, del: m.deletions, sub: m.substitutions, shifts: m.shifts });
          expect(f.charLength === 0 ? 0 : (100 * f.charEdits) / f.charLength).toBe(m.charEditRate);
          // A unit without MT is translated, not post-edited: no band, never rewritten.
          const postEdited = mt !== current && mt !== '';
          expect(f.band).toBe(postEdited ? HTER_BINS.findIndex(([from, to]) => m.ter >= from && (to === null || m.ter < to)) : null);
          expect(f.rewritten).toBe(postEdited && m.ter > REWRITE_THRESHOLD);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('puts each HTER in its bin, bounds included', () => {
    expect([0, 9.99, 10, 49.9, 50, 75, 99.9, 100, 250].map(hterBand)).toEqual([0, 0, 1, 4, 5, 6, 6, 7, 7]);
  });
});
