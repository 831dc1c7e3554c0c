import { describe, expect, it } from 'vitest';
import type { SentenceInput } from '../../../core/checks/context';
import { checkLeakedText } from '../../../core/checks/leakedText';
import { words } from '../../../core/checks/text';
import { MAX_SENTENCE_LENGTH } from '../../../core/segmentation/sentenceSpans';
import { doc, flagsOf, segmented, spans } from './support';

const check = (text: string) => flagsOf('leaked-text', text);

describe('leaked-text', () => {
  it('removes a date prefix fused into the first sentence, keeping the next word as it is', () => {
    const [flag] = check('date 2022-01-06 The situation in Kazakhstan remains tense.');
    expect(flag).toMatchObject({ severity: 'critical', start: 0, end: 16, message: 'Metadata “date 2022-01-06” is fused into the sentence' });
    expect(flag!.fix).toBe('The situation in Kazakhstan remains tense.');
    expect(check('Updated: 06.01.2022 14:30 “Calm” returned to the city.')[0]!.fix).toBe('“Calm” returned to the city.');
    expect(check('2022-01-06T10:30:00Z The airport reopened.')[0]!.fix).toBe('The airport reopened.');
  });

  it('flags a sentence that starts in lower case, without guessing a fix', () => {
    const [flag] = check('the situation remains tense.');
    expect(flag).toMatchObject({ severity: 'minor', message: 'The sentence starts in lower case: “the”', start: 0, end: 3 });
    expect(flag!.fix).toBeUndefined();
  });

  it('does not flag the pieces of a long run without sentence punctuation: each goes on from the one before', () => {
    const run = `The report lists ${'the ministries and agencies and regions '.repeat(300)}that were consulted`;
    const sentences = segmented(`${run}\n\nNext paragraph.\n`);
    const pieces = sentences.filter((s) => s.paragraph === 1);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((p) => p.text.length <= MAX_SENTENCE_LENGTH)).toBe(true);
    expect(pieces.slice(1).every((p) => /^\p{Ll}/u.test(p.text))).toBe(true);
    pieces.forEach((_, i) => expect(flagsOf('leaked-text', sentences, i), `piece ${i + 1}`).toEqual([]));
  });

  it('still flags a lower-case start after a sentence that ends, closing quotes and brackets after its stop, or opens a paragraph', () => {
    const lower = (sentences: ReturnType<typeof doc>, index: number) => flagsOf('leaked-text', sentences, index).map((f) => f.message);
    const flagged = ['The sentence starts in lower case: “the”'];
    for (const end of ['.', '!', '?', '…', '.”', '!)', '?»', '.’)']) {
      expect(lower(doc(['It was late' + end, 'the airport closed.']), 1), end).toEqual(flagged);
    }
    expect(lower(doc('It was late', 'the airport closed.'), 1)).toEqual(flagged);
    expect(lower(doc(['', 'the airport closed.']), 1)).toEqual(flagged);
    // A previous sentence without a stop in the same paragraph: the lower case continues it.
    expect(lower(doc(['It was late and', 'the airport closed.']), 1)).toEqual([]);
    expect(lower(doc(['It was late,', 'the airport closed.']), 1)).toEqual([]);
  });

  it.each([
    ['The <b>airport</b> was closed.', ['<b>', '</b>'], 'The airport</b> was closed.'],
    ['Prices rose.<br/>Banks closed.', ['<br/>'], 'Prices rose. Banks closed.'],
    ['Send it to <span class="x">us</span> now.', ['<span class="x">', '</span>'], 'Send it to us</span> now.'],
    ['Tom &amp; Jerry left.', ['&amp;'], 'Tom & Jerry left.'],
    ['It cost &#8364;5.', ['&#8364;'], 'It cost €5.'],
  ])('flags markup in %j, fixing what is only formatting', (text, found, firstFix) => {
    const flags = check(text);
    expect(spans(text, flags)).toEqual(found);
    expect(flags[0]!.fix).toBe(firstFix);
  });

  it.each([
    ['Hello {0}, your order is ready.', '{0}'],
    ['Dear {{name}}, welcome.', '{{name}}'],
    ['The file %s was saved.', '%s'],
    ['See [[Almaty]] for more.', '[[Almaty]]'],
    ['Record a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d was deleted.', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'],
    ['The request ID: 12345 failed.', 'ID: 12345'],
    ['He said \\n goodbye.', '\\n'],
    ['The cafÃ© was closed.', 'Ã©'],
    ['It didnâ€™t work.', 'â€™'],
  ])('flags %j without a fix', (text, found) => {
    const flags = check(text);
    expect(spans(text, flags)).toEqual([found]);
    expect(flags[0]!.fix).toBeUndefined();
  });

  it('removes control characters; a zero-width space is left to the hidden-text check, flagged once', () => {
    expect(check('The air\u0007port was closed.')[0]!.fix).toBe('The airport was closed.');
    expect(check('The air\u200bport was closed.')).toEqual([]);
  });

  it.each([
    'On 2022-01-06 the airport reopened.',
    'The vote is on 14.03.2023 in the town hall.',
    'iPhone sales rose by 3 percent.',
    'eBay and Amazon reported results.',
    'de Gaulle spoke first.',
    'www.millbrook.gov.uk has the results.',
    '13 security officials were killed.',
    '“We will stay,” he wrote.',
    'Prices rose by 50% in a year.',
    'AT&T and Verizon merged.',
    'The set {x, y} is empty.',
    'Scores were 3<5 and 7>2.',
    'He paid 100% of the cost.',
    '…',
  ])('leaves %j alone', (text) => {
    expect(check(text)).toEqual([]);
  });

  // A hash is 32 hex digits or more; a greedy `{32,}` kept a backtracking entry per digit and overflowed the
  // regex stack on a 10 MB word of `a`s (the whole suite then threw).
  it('reads a 10 MB hex-like word without overflowing', () => {
    const text = 'a'.repeat(10_000_000);
    const input = { text, words: words(text), source: null } as unknown as SentenceInput;
    expect(checkLeakedText(input).map((f) => [f.check, f.start, f.end])).toEqual([
      ['leaked-text', 0, text.length],
      ['leaked-text', 0, text.length],
    ]);
  });
});
