import { describe, expect, it } from 'vitest';
import { doc, flagsOf, spans } from './support';

const check = (text: string) => flagsOf('quotes-brackets', text);

describe('quotes-brackets', () => {
  it('accepts dialogue that spans sentences of one paragraph', () => {
    const sentences = doc([
      '“An anti-terrorist operation is being conducted in the square.',
      'We urge residents to stay at home,” said Saltanat Azirbek.',
    ]);
    expect(flagsOf('quotes-brackets', sentences, 0)).toEqual([]);
    expect(flagsOf('quotes-brackets', sentences, 1)).toEqual([]);
  });

  it('flags a closing quote that faces the wrong way, though it balances the paragraph', () => {
    const sentences = doc(['“An operation is under way.', 'We urge residents to stay at home, ”said Saltanat Azirbek.']);
    const flags = flagsOf('quotes-brackets', sentences, 1);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toBe('The closing quote “”” faces the wrong way: a space before it and none after');
  });

  it('flags an unbalanced quote, naming a possibly wrong-facing one', () => {
    const text = 'He believes that what is happening is “no” peaceful protest “ …';
    const flags = check(text);
    expect(spans(text, flags)).toEqual(['“']);
    expect(flags[0]!.start).toBe(text.lastIndexOf('“'));
    expect(flags[0]!.message).toBe('The opening quote ““” is never closed in this paragraph (or it is a closing one facing the wrong way)');
  });

  it('flags an opening quote facing the wrong way', () => {
    expect(check('He called it “a mistake“ and left.').map((f) => f.message)).toContain('The opening quote ““” after “mistake” faces the wrong way');
  });

  it('flags a quotation whose closing mark was split off into the next sentence', () => {
    const sentences = doc(['He said that “the crowd has neither leaders nor slogans.', '” In his opinion, nobody will take power.']);
    const [flag] = flagsOf('quotes-brackets', sentences, 0);
    expect(flag!.message).toMatch(/closed only at the start of the next sentence/u);
    expect(flagsOf('quotes-brackets', sentences, 1)).toEqual([]);
  });

  it('flags unmatched closers and unclosed brackets', () => {
    expect(check('He left” and did not return.').map((f) => f.message)).toEqual(['The closing quote “”” has no opening ““” in this paragraph']);
    expect(spans('The CSTO (Collective Security Treaty Organization includes Russia.', check('The CSTO (Collective Security Treaty Organization includes Russia.'))).toEqual(['(']);
    expect(check('It includes Russia) and Belarus.')).toHaveLength(1);
    expect(check('See the note [1 for details.')).toHaveLength(1);
  });

  it('pairs straight quotes across the paragraph', () => {
    expect(flagsOf('quotes-brackets', doc(['"We will stay.', 'We will not leave," he said.']), 0)).toEqual([]);
    expect(check('He said "we will stay and left.')).toHaveLength(1);
  });

  it('lets a quotation run on into a paragraph that opens with a quotation mark', () => {
    const sentences = doc('“We waited for thirty years.', '“And we will wait no longer,” she said.');
    expect(flagsOf('quotes-brackets', sentences, 0)).toEqual([]);
  });

  it('reads German quotation marks', () => {
    expect(check('„Wir bleiben“, sagte er.')).toEqual([]);
    expect(check('„Wir bleiben, sagte er.')).toHaveLength(1);
  });

  it.each([
    'They destroyed the studios of the TV channels “Mir”, “Kazakhstan” and “KTK”.',
    'He spoke of conspirators who were “financially motivated.”',
    '“We’ll have to allow firearms against radicals”',
    'The CSTO (Collective Security Treaty Organization) includes Russia.',
    'The options are a) stay, b) leave.',
    'He smiled :) and left.',
    'He is 5\'10" tall.',
    'It was the country’s “best” year (so far).',
    '{0} and [1] are balanced.',
  ])('leaves %j alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
