import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedSegments } from '../../../core/align/alignedSegments';
import { joinSegments } from '../../../core/segmentation/joinSegments';
import { segmentText, type SegmentedText } from '../../../core/segmentation/segmentText';
import { beadCountsFor } from './alignArbitraries';

describe('aligned segments', () => {
  it('joins the MT sentences of a 1–2 bead within a paragraph', () => {
    const mt = segmentText('A cat sat. It was black. Then it left.');
    expect(alignedSegments(mt, ['Eine schwarze Katze saß.', 'Dann ging sie.'], [[1, 2], [1, 1]])).toEqual([
      { paragraph: 1, text: 'A cat sat. It was black.', trailing: ' ', source: 'Eine schwarze Katze saß.' },
      { paragraph: 1, text: 'Then it left.', trailing: '', source: 'Dann ging sie.' },
    ]);
  });

  it('keeps a 1–2 bead across a paragraph break as two segments, the source on the first', () => {
    const mt = segmentText('Protests\r\n\r\nThey began on Sunday.\n');
    expect(alignedSegments(mt, ['Proteste begannen am Sonntag.'], [[1, 2]])).toEqual([
      { paragraph: 1, text: 'Protests', trailing: '\r\n\r\n', source: 'Proteste begannen am Sonntag.' },
      { paragraph: 2, text: 'They began on Sunday.', trailing: '\n', source: null },
    ]);
  });

  it('joins only across a single space: a line break or odd spacing keeps the sentences apart', () => {
    const mt = segmentText('The minister said on Monday\r\nthat talks resume. They failed.  Again.');
    expect(mt.segments.map((s) => s.text)).toEqual(['The minister said on Monday', 'that talks resume.', 'They failed.', 'Again.']);
    expect(alignedSegments(mt, ['Der Minister sagte am Montag, die Gespräche gingen weiter.', 'Sie scheiterten erneut.'], [[1, 2], [1, 2]])).toEqual([
      { paragraph: 1, text: 'The minister said on Monday', trailing: '\r\n', source: 'Der Minister sagte am Montag, die Gespräche gingen weiter.' },
      // No blank line in the text: each line is a paragraph (segmentText).
      { paragraph: 2, text: 'that talks resume.', trailing: ' ', source: null },
      { paragraph: 2, text: 'They failed.', trailing: '  ', source: 'Sie scheiterten erneut.' },
      { paragraph: 2, text: 'Again.', trailing: '', source: null },
    ]);
  });

  it('gives source the MT omitted a row of its own, with an empty MT, and still lays out the MT file exactly', () => {
    const mt = segmentText('First.\nThird.');
    const sources = ['Erstens.', 'Zweitens.', 'Drittens.'];
    const middle = alignedSegments(mt, sources, [[1, 1], [1, 0], [1, 1]]);
    expect(middle).toEqual([
      { paragraph: 1, text: 'First.', trailing: '\n', source: 'Erstens.' },
      { paragraph: 1, text: '', trailing: '\n', source: 'Zweitens.' },
      { paragraph: 2, text: 'Third.', trailing: '', source: 'Drittens.' },
    ]);
    const before = alignedSegments(mt, sources, [[1, 0], [1, 1], [1, 1]]);
    expect(before.map((s) => [s.text, s.source])).toEqual([['', 'Erstens.'], ['First.', 'Zweitens.'], ['Third.', 'Drittens.']]);
    const after = alignedSegments(mt, sources, [[1, 1], [1, 1], [1, 0]]);
    expect(after.map((s) => [s.text, s.source])).toEqual([['First.', 'Erstens.'], ['Third.', 'Zweitens.'], ['', 'Drittens.']]);
    for (const layout of [middle, before, after]) expect(joinSegments({ leading: mt.leading, segments: layout })).toBe('First.\nThird.');
  });

  it('lays a translation typed into an omission row after the sentence before, parted by the same gap', () => {
    const mt = segmentText('  One. Three.');
    const aligned = alignedSegments(mt, ['Null.', 'Eins.', 'Zwei.', 'Drei.'], [[1, 0], [1, 1], [1, 0], [1, 1]]);
    expect(joinSegments({ leading: mt.leading, segments: aligned })).toBe('  One. Three.');
    const typed = aligned.map((s, i) => (i === 2 ? { ...s, text: 'Two.' } : s));
    expect(joinSegments({ leading: mt.leading, segments: typed })).toBe('  One. Two. Three.');
  });

  it('gives null where there is no source, and to MT the source did not have (0–1)', () => {
    const mt = segmentText('One. Two.');
    expect(alignedSegments(mt, ['', 'Zwei.'], [[1, 1], [0, 1], [1, 0]]).map((s) => s.source)).toEqual([null, null, 'Zwei.']);
  });

  it('does not join a sentence the editor emptied', () => {
    const edited: SegmentedText = { leading: '', segments: segmentText('One. Two. Three.').segments.map((s) => (s.index === 2 ? { ...s, text: '' } : s)) };
    const aligned = alignedSegments(edited, ['Eins zwei drei.'], [[1, 3]]);
    expect(aligned.map((s) => s.text)).toEqual(['One.', '', 'Three.']);
    expect(joinSegments({ leading: '', segments: aligned })).toBe(joinSegments(edited));
  });

  it('refuses counts that do not cover both texts', () => {
    const mt = segmentText('One. Two.');
    expect(() => alignedSegments(mt, ['Eins.'], [[1, 1]])).toThrow(new RangeError('The alignment covers 1 of 2 target sentences.'));
    expect(() => alignedSegments(mt, ['Eins.'], [[1, 1], [0, 0], [0, 1]])).toThrow(RangeError);
  });
});

// Texts with several sentences a line, single line breaks within paragraphs and blank lines between them.
const sentence = fc
  .tuple(fc.constantFrom('The', 'Mr', 'It', 'Then', '13', 'Police'), fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,3}$/), fc.constantFrom('.', '!', '?', '…', '."', ''))
  .map(([first, rest, stop]) => `${first} ${rest}${stop}`);
const line = fc.array(sentence, { minLength: 1, maxLength: 4 }).chain((s) => fc.constantFrom(' ', '  ', '\t').map((gap) => s.join(gap)));
const paragraph = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', ' \n')), { minLength: 1, maxLength: 3 }).map((lines) => lines.map(([l, br]) => l + br).join(''));
const text = fc
  .tuple(fc.constantFrom('', ' ', '\n'), fc.array(fc.tuple(paragraph, fc.constantFrom('\n', '\r\n', '\n \n', '\n\n\n', '\t\r\n')), { maxLength: 5 }))
  .map(([leading, paragraphs]) => leading + paragraphs.map(([p, blank]) => p + blank).join(''));

/** A segmented MT text, some sentences perhaps emptied by the editor, with any valid alignment to some source. */
const aligned = (emptied: boolean) =>
  text.chain((t) => {
    const mt = segmentText(t);
    const edits = emptied ? fc.array(fc.boolean(), { minLength: mt.segments.length, maxLength: mt.segments.length }) : fc.constant([]);
    return fc.tuple(fc.constant(t), edits, beadCountsFor(mt.segments.length)).chain(([t, empty, counts]) => {
      const sourceCount = counts.reduce((sum, [a]) => sum + a, 0);
      const sources = fc.array(fc.oneof(sentence, fc.constant('')), { minLength: sourceCount, maxLength: sourceCount });
      const edited = { ...mt, segments: mt.segments.map((s, k) => (empty[k] ? { ...s, text: '' } : s)) };
      return sources.map((src) => ({ text: t, mt: edited, sources: src, counts }));
    });
  });

describe('aligned segment properties', () => {
  it('lays out exactly the MT text', () => {
    fc.assert(
      fc.property(aligned(false), ({ text, mt, sources, counts }) => {
        expect(joinSegments({ leading: mt.leading, segments: alignedSegments(mt, sources, counts) })).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('lays out an edited MT text as joinSegments does', () => {
    fc.assert(
      fc.property(aligned(true), ({ mt, sources, counts }) => {
        expect(joinSegments({ leading: mt.leading, segments: alignedSegments(mt, sources, counts) })).toBe(joinSegments(mt));
      }),
      { numRuns: 300 },
    );
  });

  it('joins sentences only where a single space parted them (no line break or odd spacing inside a sentence)', () => {
    fc.assert(
      fc.property(aligned(false), ({ mt, sources, counts }) => {
        let next = 0;
        for (const segment of alignedSegments(mt, sources, counts)) {
          if (segment.text === '') continue; // an omission row: source only
          let joined = mt.segments[next++]!;
          let text = joined.text;
          while (text !== segment.text) {
            expect(joined.trailing).toBe(' ');
            joined = mt.segments[next++]!;
            text += ` ${joined.text}`;
          }
        }
        expect(next).toBe(mt.segments.length);
      }),
      { numRuns: 300 },
    );
  });

  it('loses no source text, in order, and never gives an empty source', () => {
    fc.assert(
      fc.property(aligned(false), ({ mt, sources, counts }) => {
        const segments = alignedSegments(mt, sources, counts);
        expect(segments.every((s) => s.source !== '')).toBe(true);
        if (mt.segments.length > 0) {
          expect(segments.flatMap((s) => (s.source === null ? [] : [s.source])).join(' ')).toBe(sources.filter((s) => s.length > 0).join(' '));
        }
      }),
      { numRuns: 300 },
    );
  });
});
