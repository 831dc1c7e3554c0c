import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRule } from '../../../core/fixes';
import { tagChar, tagsIn } from '../../../core/formats/types';

const rule = (find: string, replace: string) => ({ find, replace, wholeWord: true, caseSensitive: true });

describe('applyRule', () => {
  it('replaces whole words, case-sensitively', () => {
    expect(applyRule('The president and the vice-president spoke.', rule('president', 'head of state'))).toBe(
      'The head of state and the vice-head of state spoke.',
    );
    expect(applyRule('Presidential talks.', rule('president', 'head of state'))).toBeNull();
    expect(applyRule('He met President Tokayev.', rule('president', 'head of state'))).toBeNull();
  });

  it('matches a lower-case find capitalized where it opens the text, and capitalizes the replacement there', () => {
    expect(applyRule('President said the president was away.', rule('president', 'head of state'))).toBe('Head of state said the head of state was away.');
    expect(applyRule('«President», he said.', rule('president', 'head of state'))).toBe('«Head of state», he said.');
    expect(applyRule('  — Президент сказал.', rule('президент', 'глава государства'))).toBe('  — Глава государства сказал.');
    // A replacement cased on purpose keeps its case; a capitalized find matches only as written.
    expect(applyRule('Iphone sales rose.', rule('iphone', 'iPhone'))).toBe('iPhone sales rose.');
    expect(applyRule('Alma-Ata and alma-ata.', rule('Alma-Ata', 'Almaty'))).toBe('Almaty and alma-ata.');
    // A title before a name at the start is another word, as inside a sentence.
    expect(applyRule('President Tokayev arrived.', rule('president', 'head of state'))).toBeNull();
    // A word deleted where it opens the text takes its space, and the next word gets the capital; never a NUL.
    expect(applyRule('Very good results were reported.', rule('very', ''))).toBe('Good results were reported.');
    expect(applyRule('– Very well, he answered.', rule('very', ''))).toBe('– Well, he answered.');
    // A deletion takes the space on one side with it.
    expect(applyRule('This is very good news.', rule('very', ''))).toBe('This is good news.');
    expect(applyRule('It was very.', rule('very', ''))).toBe('It was.');
    expect(applyRule('very good', rule('very', ''))).toBe('good');
    // Never across a line end: a CRLF stays whole.
    expect(applyRule('It is very\r\ngood.', rule('very', ''))).toBe('It is\r\ngood.');
    expect(applyRule('Very\r\ngood.', rule('very', ''))).toBe('\r\ngood.');
    // A replacement that holds the find is not applied twice.
    expect(applyRule('President spoke.', rule('president', 'the president'))).toBe('The president spoke.');
  });

  it('a case-insensitive rule replaces every case as written in the rule', () => {
    expect(applyRule('President and PRESIDENT.', { ...rule('president', 'leader'), caseSensitive: false })).toBe('leader and leader.');
  });

  it('property: a rule whose find does not occur in any case changes nothing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const find = 'zqxw';
        fc.pre(!text.toLowerCase().includes(find));
        expect(applyRule(text, rule(find, 'other'))).toBeNull();
      }),
    );
  });

  it('never applies a rule holding a tag (stored or imported before rules were kept free of them), and never moves a tag', () => {
    const [open, close] = [tagChar(0), tagChar(1)];
    expect(applyRule(`In ${open}Alma-Ata${close} schneit es.`, rule(`${open}Alma-Ata${close}`, 'Almaty'))).toBeNull();
    expect(applyRule(`In ${open}Alma-Ata${close} schneit es.`, rule('Alma-Ata', `${open}Almaty`))).toBeNull();
    expect(applyRule(`In ${open}Alma-Ata${close} schneit es.`, rule('Alma-Ata', 'Almaty'))).toBe(`In ${open}Almaty${close} schneit es.`);
    const piece = fc.constantFrom('in', 'In', 'Alma-Ata', ' ', '.', open, close);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.constantFrom('in', 'Alma-Ata', 'in Alma-Ata'), fc.constantFrom('', 'on', 'Almaty'), (pieces, find, replace) => {
        const text = pieces.join('');
        expect(tagsIn(applyRule(text, rule(find, replace)) ?? text)).toBe(tagsIn(text));
      }),
    );
  });
});
