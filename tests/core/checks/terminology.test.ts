import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../../core/checks';
import { flagsOf, spans } from './support';

const glossary: GlossaryTerm[] = [
  { preferred: 'Almaty', forbidden: ['Alma-Ata', 'Alma Ata'], note: 'the city’s official name since 1993' },
  { preferred: 'color', forbidden: ['colour'] },
  { preferred: 'e-mail', forbidden: ['email', 'mail'] },
  { preferred: 'Internet', forbidden: ['internet'] },
];
const check = (text: string) => flagsOf('terminology', text, 0, { glossary });

describe('terminology', () => {
  it('flags a forbidden variant and offers the preferred term', () => {
    const text = 'The airport of Alma-Ata was destroyed.';
    const [flag] = check(text);
    expect(spans(text, [flag!])).toEqual(['Alma-Ata']);
    expect(flag!.message).toBe('Use “Almaty”, not “Alma-Ata” (the city’s official name since 1993)');
    expect(flag!.fix).toBe('The airport of Almaty was destroyed.');
    expect(check('Flights to Alma Ata resumed.')[0]!.fix).toBe('Flights to Almaty resumed.');
  });

  it('matches a lower-case variant in any case and keeps the sentence’s capitalization', () => {
    expect(check('Colour matters.')[0]!.fix).toBe('Color matters.');
    expect(check('THE COLOUR RED')[0]!.fix).toBe('THE COLOR RED');
    expect(check('A colour chart.')[0]!.fix).toBe('A color chart.');
  });

  it('matches a variant written with a capital as written', () => {
    expect(check('the alma-ata region')).toEqual([]);
  });

  it('matches whole words only, and not inside the preferred term', () => {
    expect(check('Colourful mailboxes.')).toEqual([]);
    expect(check('Send an e-mail.')).toEqual([]);
    expect(check('Send an email by mail.').map((f) => f.fix)).toEqual(['Send an e-mail by mail.', 'Send an email by e-mail.']);
  });

  it('handles a variant that differs from the preferred term only in case', () => {
    expect(check('The internet was cut.')[0]!.fix).toBe('The Internet was cut.');
    expect(check('The Internet was cut.')).toEqual([]);
  });

  it('flags but does not fix a variant that another entry prefers', () => {
    const conflicting: GlossaryTerm[] = [
      { preferred: 'Almaty', forbidden: ['Alma-Ata'] },
      { preferred: 'Alma-Ata', forbidden: ['Almaty'] },
    ];
    const flags = flagsOf('terminology', 'From Almaty to Alma-Ata.', 0, { glossary: conflicting });
    expect(flags).toHaveLength(2);
    expect(flags.every((f) => f.fix === undefined)).toBe(true);
  });

  it('does nothing without a glossary', () => {
    expect(flagsOf('terminology', 'The airport of Alma-Ata was destroyed.')).toEqual([]);
  });
});
