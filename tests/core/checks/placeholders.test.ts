import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../core/checks';
import { placeholderFlags } from '../../../core/checks/placeholders';
import { flagOf } from '../../../core/checks/text';

const messages = (text: string, source: string) => placeholderFlags(text, source).map((f) => f.message);

describe('placeholders against the source', () => {
  it('flags a printf or brace placeholder lost or added, in English, German, Russian and French', () => {
    expect(messages('Открыть файл', 'Open file %s')).toEqual(['The source’s placeholder “%s” is missing from the translation']);
    expect(messages('Datei %s öffnen (%d)', 'Open file %s')).toEqual(['The placeholder “%d” is not in the source']);
    expect(messages('Ouvrir {0}', 'Open {1} in {0}')).toEqual(['The source’s placeholder “{1}” is missing from the translation']);
    expect(messages('%(count)d files copied', '%(count)d Dateien kopiert, %(size)s')).toEqual([
      'The source’s placeholder “%(size)s” is missing from the translation',
    ]);
  });

  it('says nothing when each is kept (in any order), nor of prose percent signs and literal %%', () => {
    expect(messages('%2$s: %1$d Dateien', '%1$d files in %2$s')).toEqual([]);
    expect(messages('Скачано 50 % из {total}', 'Downloaded 50 % of {total}')).toEqual([]);
    expect(messages('Rabais de 100%% sur %s', '100%% off %s')).toEqual([]);
    expect(messages('Le 5 mai', 'On 5 May')).toEqual([]);
    // A letter after the conversion is a word: German "50%ige", "20%auf".
    expect(messages('Eine 50%ige Lösung, 20%auf alles', 'A 50% solution, 20% off everything')).toEqual([]);
  });

  it('is one flag for one placeholder, not also a number the source-mismatch check misses', () => {
    const flags = checkDocument([{ paragraph: 1, text: 'Ouvrir {0}', source: 'Open {1} in {0}' }])[0]!.filter((f) => f.check === 'source-mismatch');
    expect(flags.map((f) => f.message)).toEqual(['The source’s placeholder “{1}” is missing from the translation']);
    const precision = checkDocument([{ paragraph: 1, text: 'Summe: %.3f', source: 'Total: %.2f' }])[0]!.filter((f) => f.check === 'source-mismatch');
    expect(precision.map((f) => f.message).sort()).toEqual([
      'The placeholder “%.3f” is not in the source',
      'The source’s placeholder “%.2f” is missing from the translation',
    ]);
  });

  it('wants the line break a gettext string ends with, and no other; the fix puts it right', () => {
    const lost = placeholderFlags('Использование: tool [опции]', 'Usage: tool [options]\n');
    expect(lost.map((f) => f.message)).toEqual(['The source ends with a line break and the translation does not']);
    expect(flagOf(lost[0]!, 'Использование: tool [опции]').fix).toBe('Использование: tool [опции]\n');
    const added = placeholderFlags('Verwendung: tool\n', 'Usage: tool');
    expect(flagOf(added[0]!, 'Verwendung: tool\n').fix).toBe('Verwendung: tool');
    expect(messages('Utilisation : tool\n', 'Usage: tool\n')).toEqual([]);
  });
});
