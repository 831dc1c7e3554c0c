import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinSegments, segmentText } from '../../../core/segmentation';
import { readKazakhstanFixture } from '../kazakhstanFixture';
import { anyText, proseText } from './textArbitraries';

const roundTrip = (text: string): string => joinSegments(segmentText(text));

/** Segments `text`, empties the sentences at `emptied` (0-based), and lays it out again. */
function withEmptied(text: string, emptied: ReadonlySet<number>): string {
  const { leading, segments } = segmentText(text);
  return joinSegments({ leading, segments: segments.map((s, i) => (emptied.has(i) ? { ...s, text: '' } : s)) });
}

const SPACE_AT_LINE_END = /[^\S\r\n]+(?:\r|\n|$)/u;

describe('joinSegments round trip', () => {
  const fixture = readKazakhstanFixture();

  it.each([
    ['the fixture as shipped (LF, no BOM)', fixture],
    ['the fixture with CRLF line endings', fixture.replace(/\n/g, '\r\n')],
    ['the fixture with CR line endings', fixture.replace(/\n/g, '\r')],
    ['the fixture with a BOM', `\ufeff${fixture}`],
    ['the fixture with CRLF and a trailing newline', `${fixture.replace(/\n/g, '\r\n')}\r\n`],
  ])('gives back %s byte for byte', (_variant, text) => {
    expect(roundTrip(text)).toBe(text);
    expect(Buffer.from(roundTrip(text), 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('gives back any string unchanged', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(roundTrip(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('joinSegments with sentences the editor emptied', () => {
  it('drops the spacing of a sentence emptied mid-line', () => {
    expect(withEmptied('One. Two. Three.', new Set([1]))).toBe('One. Three.');
    expect(withEmptied('One.  Two.\tThree.', new Set([0]))).toBe('Two.\tThree.');
  });

  it('keeps the paragraph break after an emptied last sentence without a space before it', () => {
    expect(withEmptied('One. Two.\n\nThree.', new Set([1]))).toBe('One.\n\nThree.');
    expect(withEmptied('One. Two.\r\n\r\nThree.', new Set([1]))).toBe('One.\r\n\r\nThree.');
    expect(withEmptied('One. Two.\nThree.', new Set([1]))).toBe('One.\nThree.');
  });

  it('drops a paragraph emptied entirely, keeping one paragraph break', () => {
    expect(withEmptied('One.\n\nTwo. Three.\n\nFour.', new Set([1, 2]))).toBe('One.\n\nFour.');
  });

  it('leaves no space at the end of the text when its last sentence is emptied', () => {
    expect(withEmptied('One. Two.', new Set([1]))).toBe('One.');
    expect(withEmptied('One. Two. Three.', new Set([1, 2]))).toBe('One.');
    expect(withEmptied('One.\n  Two.', new Set([1]))).toBe('One.\n');
  });

  it('drops an emptied sentence of the fixture and only its spacing', () => {
    const fixture = readKazakhstanFixture();
    const { segments } = segmentText(fixture);
    const killed = segments.findIndex((s) => s.text.startsWith('13 security officials'));
    expect(withEmptied(fixture, new Set([killed]))).toBe(fixture.replace(`${segments[killed]?.text} `, ''));

    // The article ends without a newline: emptying its last sentence must not leave "out. " behind.
    const last = withEmptied(fixture, new Set([segments.length - 1]));
    expect(last.endsWith('Therefore, the Taliban are squeezing them out.')).toBe(true);
  });

  it('keeps the remaining sentences in order, the strongest break between them, and no spaces at line ends', () => {
    // Texts without spaces at line ends, so any found afterwards were left by joinSegments.
    const cleanText = proseText.map((t) => t.replace(/[^\S\r\n]+(?=\r|\n|$)/gu, ''));
    const scenario = cleanText.chain((text) => {
      const count = segmentText(text).segments.length;
      return fc.tuple(fc.constant(text), fc.uniqueArray(fc.nat({ max: Math.max(count - 1, 0) }), { maxLength: count }));
    });
    const lineBreaks = (s: string): number => s.match(/\r\n|\r|\n/g)?.length ?? 0;
    fc.assert(
      fc.property(scenario, ([text, emptiedList]) => {
        const emptied = new Set(emptiedList);
        const { segments } = segmentText(text);
        const out = withEmptied(text, emptied);
        expect(out).not.toMatch(SPACE_AT_LINE_END);

        // Walk the kept sentences in order; the gap between two of them has as many line breaks as the
        // strongest gap they spanned in the original (a paragraph break survives, an emptied paragraph goes).
        let cursor = 0;
        let spanned = -1;
        segments.forEach((s, i) => {
          if (emptied.has(i)) {
            spanned = Math.max(spanned, lineBreaks(s.trailing));
            return;
          }
          const gap = /^\s*/u.exec(out.slice(cursor))?.[0] ?? '';
          if (cursor > 0) expect(lineBreaks(gap)).toBe(spanned);
          cursor += gap.length;
          expect(out.startsWith(s.text, cursor)).toBe(true);
          cursor += s.text.length;
          spanned = lineBreaks(s.trailing);
        });
        expect(out.slice(cursor)).toMatch(/^\s*$/u);
      }),
      { numRuns: 1000 },
    );
  });
});
