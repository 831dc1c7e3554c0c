import { describe, expect, it } from 'vitest';
import { doc, flagsOf, spans } from './support';

const as = (target: string, source?: string) => ({ languages: { target, source: source ?? null } });

describe('conventions', () => {
  it('German: straight quotes and English curly quotes are wrong; „ “ are right', () => {
    const text = 'Er sagte: "Es war gefährlich."';
    const flags = flagsOf('conventions', text, 0, as('de'));
    expect(spans(text, flags)).toEqual(['"', '"']);
    expect(flags.map((f) => f.confidence)).toEqual(['sure', 'sure']);
    expect(flags[0]!.fix).toBe('Er sagte: „Es war gefährlich."');
    expect(flags[1]!.fix).toBe('Er sagte: "Es war gefährlich.“');
    expect(spans('Er sagte: “Nein.”', flagsOf('conventions', 'Er sagte: “Nein.”', 0, as('de')))).toEqual(['“', '”']);
    expect(flagsOf('conventions', 'Er sagte: „Es war gefährlich.“', 0, as('de'))).toEqual([]);
  });

  it('English: straight quotes are only possible; “ ” are right, „ is not', () => {
    const flags = flagsOf('conventions', 'He said "no".', 0, as('en'));
    expect(flags.map((f) => f.confidence)).toEqual(['possible', 'possible']);
    expect(flagsOf('conventions', 'He said “no”.', 0, as('en'))).toEqual([]);
    expect(spans('He said „no“.', flagsOf('conventions', 'He said „no“.', 0, as('en')))).toEqual(['„']);
  });

  it('French: a space before ; : ! ? and inside « »', () => {
    const text = 'Il a dit:«Non!»';
    const flags = flagsOf('conventions', text, 0, as('fr'));
    expect(spans(text, flags)).toEqual([':', '«', '!', '»']);
    expect(flagsOf('conventions', 'Il a dit\u202f: « Non\u202f! »', 0, as('fr'))).toEqual([]);
    // The time of day keeps its colon, and English has no such rule.
    expect(flagsOf('conventions', 'Rendez-vous à 10:30.', 0, as('fr'))).toEqual([]);
    expect(flagsOf('conventions', 'He said: no!', 0, as('en'))).toEqual([]);
  });

  it('French: the spacing check no longer asks to remove the space before ; : ! ?', () => {
    expect(flagsOf('spacing', 'Il a dit : non !', 0, as('fr'))).toEqual([]);
    expect(flagsOf('spacing', 'He said : no !', 0, as('en')).length).toBe(2);
  });

  it('Russian: « » and „ “ are right, straight quotes are not; a spaced hyphen is a dash', () => {
    expect(flagsOf('conventions', 'Он сказал: «Нет».', 0, as('ru'))).toEqual([]);
    const text = 'Он сказал: "Нет" - и ушёл.';
    const flags = flagsOf('conventions', text, 0, as('ru'));
    expect(spans(text, flags)).toEqual(['"', '"', '-']);
    expect(flags[2]!.fix).toBe('Он сказал: "Нет" — и ушёл.');
    expect(flagsOf('conventions', 'Он сказал: «Нет» — и ушёл.', 0, as('ru'))).toEqual([]);
  });

  it('a decimal point where the language writes a comma: sure when the source has it so', () => {
    const text = 'Die Zahl stieg um 3.5 Prozent.';
    const [withSource] = flagsOf('conventions', [{ paragraph: 1, text, source: 'The number rose by 3.5 percent.' }], 0, as('de', 'en'));
    expect(withSource).toMatchObject({ confidence: 'sure', fix: 'Die Zahl stieg um 3,5 Prozent.' });
    expect(flagsOf('conventions', text, 0, as('de'))[0]!.confidence).toBe('possible');
    expect(flagsOf('conventions', 'Die Zahl stieg um 3,5 Prozent.', 0, as('de'))).toEqual([]);
    expect(flagsOf('conventions', 'Am 6.1.2022 um 10.30 Uhr.', 0, as('de'))).toEqual([]);
    expect(flagsOf('conventions', 'Le nombre a augmenté de 3,5 %.', 0, as('fr'))).toEqual([]);
    expect(flagsOf('conventions', 'The number rose by 3.5 percent.', 0, as('en'))).toEqual([]);
  });

  it('does nothing without a known target language', () => {
    expect(flagsOf('conventions', 'Er sagte: "Nein" - gut.')).toEqual([]);
    expect(flagsOf('conventions', doc('Er sagte: "Nein."'), 0, as('xx'))).toEqual([]);
  });
});
