import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { poFormat } from '../../../core/formats/po';
import { badInput } from '../../support/thrown';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe.each(['fuzzy.po', 'crcrlf.po', 'lone-cr.po'])('PO file %s', (name) => {
  const text = fixture(name);
  const document = poFormat.parse(text, name);
  const eol = name === 'crcrlf.po' ? '\r\r\n' : name === 'lone-cr.po' ? '\r' : '\n';

  it('shows fuzzy entries as such and groups the forms of a plural entry', () => {
    expect(document.units.map((u) => [u.key, u.state, u.paragraph, u.notes])).toEqual([
      ['Export %s', 'fuzzy', 1, ['fuzzy: a suggestion to check (confirm it to clear the flag)', 'MT: DeepL']],
      ['Open file…', 'fuzzy', 2, ['fuzzy: a suggestion to check (confirm it to clear the flag)']],
      ['One sentence[0]', null, 3, ['plural form 1 of 3 (msgstr[0])']],
      ['One sentence[1]', null, 3, ['plural form 2 of 3 (msgstr[1])']],
      ['One sentence[2]', null, 3, ['plural form 3 of 3 (msgstr[2])']],
    ]);
  });

  it('writes an untouched file back byte for byte', () => {
    expect(poFormat.write(document, [])).toBe(text);
  });

  it('writes an edit as exactly that change, and drops the fuzzy flag of an entry confirmed', () => {
    const edited = poFormat.write(document, [{ key: 'Open file…', text: 'Открыть файл…', status: 'edited' }]);
    expect(edited).toBe(text);
    const confirmed = poFormat.write(document, [{ key: 'Open file…', text: 'Открыть…', status: 'confirmed' }]);
    expect(confirmed).toBe(text.replace(`#, fuzzy${eol}msgid "Open file…"${eol}msgstr "Открыть файл…"`, `msgid "Open file…"${eol}msgstr "Открыть…"`));
    const kept = poFormat.write(document, [{ key: 'Export %s', text: 'Экспорт %s', status: 'approved' }]);
    expect(kept).toBe(text.replace('#, fuzzy, c-format', '#, c-format'));
  });

  it('refuses a malformed variant in one line, naming the line', () => {
    const broken = text.replace('msgstr[1] "%d предложения"', 'msgstr[1] "%d предложения');
    expect(badInput(() => poFormat.parse(broken, name))).toMatch(new RegExp(`^${name.replace('.', '\\.')}, line 19: the string has no closing quote\\.$`));
  });
});
