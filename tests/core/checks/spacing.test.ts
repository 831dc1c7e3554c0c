import { describe, expect, it } from 'vitest';
import { doc, flagsOf, spans } from './support';

const fixesOf = (text: string) => flagsOf('spacing', text).map((f) => f.fix);

describe('spacing', () => {
  it.each([
    ['to Kazakhstan , said the minister.', ' ,', 'to Kazakhstan, said the minister.'],
    ['Is it true ?', ' ?', 'Is it true?'],
    ['He left .', ' .', 'He left.'],
    ['Two reasons : cost and time.', ' :', 'Two reasons: cost and time.'],
    ['It failed ; we tried again.', ' ;', 'It failed; we tried again.'],
    ['Stop !', ' !', 'Stop!'],
  ])('flags the space before punctuation in %j', (text, span, fix) => {
    const flags = flagsOf('spacing', text);
    expect(spans(text, flags)).toEqual([span]);
    expect(flags[0]!.fix).toBe(fix);
    expect(flags[0]!.message).toMatch(/^Space before “.”/u);
  });

  it('names the word before the stray space', () => {
    expect(flagsOf('spacing', 'to Kazakhstan , said the minister.')[0]!.message).toBe('Space before “,” after “Kazakhstan”');
  });

  it('flags a closing quote with the space on the wrong side, and moves the space', () => {
    const sentences = doc(['“We urge guests to stay at home.', 'We ask them to wait, ”said Saltanat Azirbek.']);
    const [flag] = flagsOf('spacing', sentences, 1);
    expect(flag!.message).toBe('Space before the closing quote “”” instead of after it');
    expect(flag!.fix).toBe('We ask them to wait,” said Saltanat Azirbek.');
  });

  it('flags a space before a closing quote and a missing one after it', () => {
    expect(fixesOf('He said “no ” and left.')).toEqual(['He said “no” and left.']);
    expect(fixesOf('The channels “Mir”and “Khabar” stopped.')).toEqual(['The channels “Mir” and “Khabar” stopped.']);
  });

  it('flags a space after an opening quote and a missing one before it', () => {
    expect(fixesOf('He called it “ a mistake”.')).toEqual(['He called it “a mistake”.']);
    expect(fixesOf('He called it“a mistake”.')).toEqual(['He called it “a mistake”.']);
  });

  it('flags double spaces', () => {
    const flags = flagsOf('spacing', 'The city  was quiet.');
    expect(flags.map((f) => f.fix)).toEqual(['The city was quiet.']);
    expect(flags[0]!.message).toBe('Double space after “city”');
  });

  it('flags a missing space after a full stop or a comma between letters', () => {
    expect(fixesOf('The airport was closed.The roads were empty')).toEqual(['The airport was closed. The roads were empty']);
    expect(fixesOf('Banks,shops and schools closed.')).toEqual(['Banks, shops and schools closed.']);
    expect(flagsOf('spacing', 'closed.The roads')[0]!.message).toBe('No space after “.” in “closed.The”');
  });

  it.each([
    'Inflation rose to 3.5 percent.',
    'About 1,000 people and 12,500,000 tenge.',
    'The meeting starts at 10:30 and ends at 12:00.',
    'The U.S. Senate voted, and the U.K. followed.',
    'See https://example.com/a,b/c.Html and www.Example.org for details.',
    'Write to info@example.com.',
    'He hesitated ... and then spoke.',
    'He hesitated … and then spoke.',
    'The ratio was 3 : 2.',
    'Mr. Smith met Dr. Jones on Jan. 5.',
    '“Mir”, “Kazakhstan” and “Khabar” went off the air.',
    'He said: “We will stay.”',
    'Dialogue: – Come in, – she said.',
    'It was, he said, “financially motivated.”',
    '„Wir bleiben“, sagte er, „bis morgen.“',
    'A sentence that ends with a space. ',
    'See p. 5, fig. 3.',
    'The class flash.net.FileReference handles downloads.',
    'Set config.FileName before saving.',
  ])('leaves %j alone', (text) => {
    expect(flagsOf('spacing', text)).toEqual([]);
  });

  it('leaves orphaned punctuation to its own check', () => {
    expect(flagsOf('spacing', 'as tough as possible. , – said Tokayev.')).toEqual([]);
  });

  it('does not take an opening quote facing the wrong way for a spacing problem', () => {
    // No quotation is open, so this ” opens one: quotes-brackets reports it.
    expect(flagsOf('spacing', 'He said ”hello” to us.')).toEqual([]);
  });
});
