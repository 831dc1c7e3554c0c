import { describe, expect, it } from 'vitest';
import { fixSentence } from '../../../core/checks';
import { flagsOf, spans } from './support';

const loops = (text: string, source: string | null = null) =>
  flagsOf('repeated-words', [{ paragraph: 1, text, source }], 0).filter((f) => f.message.includes('loop'));
const fixed = (text: string) => fixSentence([{ paragraph: 1, text }], 0, 'repeated-words');

describe('repetition loops', () => {
  it('English: a phrase three times, a word six times; the fix keeps the first copy', () => {
    const text = 'They visited the University of Bern, Bern, Bern, Bern, Bern, Bern.';
    expect(spans(text, loops(text))).toEqual([', Bern, Bern, Bern, Bern, Bern']);
    expect(loops(text)[0]!.message).toBe('“Bern” is repeated 6 times: the MT is caught in a loop');
    expect(fixed(text)).toBe('They visited the University of Bern.');
    const phrase = 'It is about the history of the people, the history of the people, the history of the people.';
    expect(fixed(phrase)).toBe('It is about the history of the people.');
  });

  it('English: how people repeat themselves is left alone', () => {
    expect(loops('No, no, no, I said no.')).toEqual([]);
    expect(loops('It was very, very, very cold.')).toEqual([]);
    expect(loops('He knocked twice, knocked twice again.')).toEqual([]);
    expect(loops('The scores were 1, 1, 1, 1, 1, 1 and 2.')).toEqual([]);
  });

  it('German: a loop of a phrase; a doubled phrase is the repeated-words rule’s, not a loop', () => {
    const text = 'Das Produkt der Bank, das Produkt der Bank, das Produkt der Bank ist neu.';
    expect(fixed(text)).toBe('Das Produkt der Bank ist neu.');
    expect(loops('Das Produkt der Bank, das Produkt der Bank ist neu.')).toEqual([]);
  });

  it('French: a loop of a word; a triple the source has too is the author’s', () => {
    expect(loops('Il a dit non, non, non, non, non, non, non.')).toHaveLength(1);
    expect(loops('Il a dit : la paix, la paix, la paix.', 'He said: peace, peace, peace.')).toEqual([]);
    expect(loops('Il a dit : la paix, la paix, la paix.', 'He said: peace.')).toHaveLength(1);
  });

  it('Russian: a loop of a phrase; the source’s own repetition (бла-бла-бла) allows as many copies', () => {
    expect(loops('Он сказал, что чуда не будет, чуда не будет, чуда не будет.', 'He said there would be no miracle.')).toHaveLength(1);
    expect(loops('Это важно, бла, бла, бла, бла, бла, бла.', 'Это важно, бла-бла-бла-бла-бла-бла.')).toEqual([]);
    expect(loops('Это важно, бла, бла, бла, бла, бла, бла.', 'Это важно.')).toHaveLength(1);
    expect(loops('Чуда не будет, чуда не будет.')).toEqual([]);
  });
});
