import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentText, segmentTextSteps, type SegmentedText } from '../../../core/segmentation';
import { LONG_RUN } from '../../../core/segmentation/segmentText';
import { readKazakhstanFixture } from '../kazakhstanFixture';
import { anyText } from './textArbitraries';

const sentences = (text: string): string[] => segmentText(text).segments.map((s) => s.text);
const lineBreaks = (s: string): number => s.match(/\r\n|\n|\r/g)?.length ?? 0;

/** Everything segmentText promises about any input; throws (so fast-check shrinks) on the first broken promise. */
function expectWellFormed(text: string, { leading, segments }: SegmentedText): void {
  expect(leading).toMatch(/^\s*$/u);
  segments.forEach((segment, i) => {
    expect(segment.text.length).toBeGreaterThan(0);
    expect(segment.text).not.toMatch(/^\s|\s$/u);
    expect(segment.text).not.toMatch(/[\r\n]/);
    expect(segment.trailing).toMatch(/^\s*$/u);

    const previous = segments[i - 1];
    if (!previous) {
      expect([segment.paragraph, segment.index]).toEqual([1, 1]);
      return;
    }
    // A blank line (two or more line breaks in the gap) starts a new paragraph; nothing else does — unless the
    // text has no blank line anywhere, when each line break does (the texts here are far shorter than LONG_RUN
    // lines, beyond which a run of lines is a paragraph each: tested on its own above).
    const blankLines = segments.some((x) => lineBreaks(x.trailing) >= 2);
    if (lineBreaks(previous.trailing) >= (blankLines ? 2 : 1)) {
      expect([segment.paragraph, segment.index]).toEqual([previous.paragraph + 1, 1]);
    } else {
      expect([segment.paragraph, segment.index]).toEqual([previous.paragraph, previous.index + 1]);
    }
  });
  // Only whitespace lies outside the sentences, so no character of the input is lost or invented.
  expect(
    segments
      .map((s) => s.text)
      .join('')
      .replace(/\s/gu, ''),
  ).toBe(text.replace(/\s/gu, ''));
}

describe('segmentText on the Kazakhstan MT article', () => {
  const fixture = readKazakhstanFixture();
  const { leading, segments } = segmentText(fixture);

  it('finds 91 sentences in 31 paragraphs', () => {
    expect(segments).toHaveLength(91);
    expect(segments.at(-1)?.paragraph).toBe(31);
    expect(new Set(segments.map((s) => s.paragraph)).size).toBe(31);
  });

  it('keeps the stray leading space apart from the first sentence', () => {
    expect(leading).toBe(' ');
    expect(segments[0]).toEqual({
      paragraph: 1,
      index: 1,
      text: 'date 2022-01-06 The situation in Kazakhstan remains tense.',
      trailing: ' ',
    });
  });

  it('starts a sentence at "13 security officials" after "officers."', () => {
    expect(segments.slice(1, 3).map((s) => s.text)).toEqual([
      'After the arson of the administrative buildings, protesters began to shoot at law enforcement officers.',
      '13 security officials were killed, two of them were beheaded, more than 350 were wounded.',
    ]);
  });

  it('keeps dash attributions with the quote they close', () => {
    const texts = segments.map((s) => s.text);
    expect(texts).toContain(
      'The looters are well organized and clearly act according to plan – this is an attempted coup … – wrote in ' +
        'Facebook Kazakh political scientist Marat Shibutov.',
    );
    expect(texts).toContain(
      '– As the head of state and from today, the chairman of the Security Council intends to act as tough as ' +
        'possible. , – said Tokayev.',
    );
    expect(texts.some((t) => /^[–—-]\s*\p{Ll}/u.test(t))).toBe(false);
  });

  it('makes a one-line heading its own paragraph', () => {
    expect(segments.filter((s) => s.paragraph === 2)).toEqual([
      { paragraph: 2, index: 1, text: 'What’s happening in Kazakhstan', trailing: '\n\n' },
    ]);
  });

  it('gives the last sentence the file’s (absent) final newline as trailing', () => {
    expect(segments.at(-1)).toMatchObject({ paragraph: 31, index: 12, trailing: '' });
  });

  it('finds the same sentences whatever the line endings or a BOM', () => {
    const lf = segments.map(({ paragraph, index, text }) => ({ paragraph, index, text }));
    for (const variant of [fixture.replace(/\n/g, '\r\n'), fixture.replace(/\n/g, '\r'), `\ufeff${fixture}`]) {
      expect(segmentText(variant).segments.map(({ paragraph, index, text }) => ({ paragraph, index, text }))).toEqual(
        lf,
      );
    }
  });

  it('is well formed', () => {
    expectWellFormed(fixture, { leading, segments });
  });
});

describe('segmentText sentence boundaries', () => {
  it.each([
    ['a title abbreviation', 'Mr. Smith arrived in Almaty. He left.', ['Mr. Smith arrived in Almaty.', 'He left.']],
    ['initials', 'J. K. Rowling wrote it. Then she rested.', ['J. K. Rowling wrote it.', 'Then she rested.']],
    ['a decimal number', 'Prices rose 3.5 per cent. Then they fell.', ['Prices rose 3.5 per cent.', 'Then they fell.']],
    ['an ISO date', 'date 2022-01-06 It began. Then it ended.', ['date 2022-01-06 It began.', 'Then it ended.']],
    [
      'a lower-case word after a quoted question',
      '“Why?” she asked. Nobody knew.',
      ['“Why?” she asked.', 'Nobody knew.'],
    ],
    [
      'a dash attribution',
      '“We will act firmly!” – said Tokayev. He left.',
      ['“We will act firmly!” – said Tokayev.', 'He left.'],
    ],
    ['an ellipsis and dash attribution', 'This is a coup … – said Tokayev.', ['This is a coup … – said Tokayev.']],
    [
      'a dash attribution after a full stop',
      'Order will be restored. – said Tokayev.',
      ['Order will be restored. – said Tokayev.'],
    ],
    ['a page reference', 'See p. 13 for details. Next.', ['See p. 13 for details.', 'Next.']],
  ])('keeps %s inside its sentence', (_case, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('splits before a number that follows a full stop after a lower-case word', () => {
    expect(sentences('Shots hit the officers. 13 security officials were killed.')).toEqual([
      'Shots hit the officers.',
      '13 security officials were killed.',
    ]);
  });

  it('splits plain sentences, question and exclamation marks', () => {
    expect(sentences('He left. She stayed? They ran! Done.')).toEqual([
      'He left.',
      'She stayed?',
      'They ran!',
      'Done.',
    ]);
  });

  it('ends a sentence at a single line break but keeps the paragraph', () => {
    const { segments } = segmentText('First line without a stop\nSecond line.\n\nThird.');
    expect(segments.map(({ paragraph, index, text, trailing }) => [paragraph, index, text, trailing])).toEqual([
      [1, 1, 'First line without a stop', '\n'],
      [1, 2, 'Second line.', '\n\n'],
      [2, 1, 'Third.', ''],
    ]);
  });

  it('makes each line a paragraph in a text without a blank line (an MT file of a sentence a line)', () => {
    const { segments } = segmentText('First line. Still the first.\nSecond line\r\nThird line.\n');
    expect(segments.map(({ paragraph, index, text }) => [paragraph, index, text])).toEqual([
      [1, 1, 'First line.'],
      [1, 2, 'Still the first.'],
      [2, 1, 'Second line'],
      [3, 1, 'Third line.'],
    ]);
  });

  it('makes each line a paragraph in a run of more than LONG_RUN lines between blank lines (a title, then a sentence a line)', () => {
    const lines = Array.from({ length: LONG_RUN + 1 }, (_, i) => `Sentence ${i + 1}.`);
    const { segments } = segmentText(`Title\n\n${lines.join('\n')}\n\nLast. Words.`);
    expect(segments.map((s) => s.paragraph)).toEqual([1, ...lines.map((_, i) => i + 2), LONG_RUN + 3, LONG_RUN + 3]);
    // A run of LONG_RUN lines, such as a paragraph hard-wrapped at a line width, stays one paragraph.
    const wrapped = segmentText(`Title\n\n${lines.slice(1).join('\n')}\n`).segments;
    expect(new Set(wrapped.slice(1).map((s) => s.paragraph))).toEqual(new Set([2]));
  });

  it('starts a paragraph at a blank line, even one holding spaces, and restarts the index', () => {
    const { segments } = segmentText('One. Two.\n\nThree.\r\n  \r\nFour.\n\n\n\nFive.');
    expect(segments.map(({ paragraph, index, text }) => [paragraph, index, text])).toEqual([
      [1, 1, 'One.'],
      [1, 2, 'Two.'],
      [2, 1, 'Three.'],
      [3, 1, 'Four.'],
      [4, 1, 'Five.'],
    ]);
    expect(segments[2]?.trailing).toBe('\r\n  \r\n');
  });

  it('gives whitespace-only text no sentences and keeps it all as leading', () => {
    expect(segmentText('')).toEqual({ leading: '', segments: [] });
    expect(segmentText(' \r\n\t\n ')).toEqual({ leading: ' \r\n\t\n ', segments: [] });
  });

  it('keeps leading blank lines out of the paragraph count', () => {
    const { leading, segments } = segmentText('\n\n\n  Only.\n');
    expect(leading).toBe('\n\n\n  ');
    expect(segments).toEqual([{ paragraph: 1, index: 1, text: 'Only.', trailing: '\n' }]);
  });
});

describe('segmentText on any input', () => {
  it('only ever produces trimmed one-line sentences with whitespace between them and consistent numbering', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWellFormed(text, segmentText(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('segmentTextSteps', () => {
  it('gives the same sentences as segmentText, reporting the characters done between steps', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 4 }), (text, linesPerStep) => {
        const steps = segmentTextSteps(text, linesPerStep);
        const done: number[] = [];
        let next = steps.next();
        while (!next.done) {
          expect(next.value.total).toBe(text.length);
          done.push(next.value.done);
          next = steps.next();
        }
        expect(next.value).toEqual(segmentText(text));
        expect(done).toEqual([...done].sort((a, b) => a - b));
        expect(done.every((d) => d >= 0 && d <= text.length)).toBe(true);
      }),
    );
  });
});
