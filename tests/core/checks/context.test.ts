import { describe, expect, it } from 'vitest';
import { compileGlossary, contextOf, paragraphBalance, quoteDepth } from '../../../core/checks/context';
import { buildContext, contextStateSteps } from '../../../core/checks/contextBuild';
import { buildNameIndex, SPELLINGS } from '../../../core/checks/nameIndex';
import { pairEvents, straightQuotes } from '../../../core/checks/pairs';
import { doc, seedSentences } from './support';

describe('document context', () => {
  it('groups sentences by paragraph and finds the typical sentence length', () => {
    const seed = seedSentences();
    const ctx = buildContext(seed);
    expect(new Set(ctx.paragraphMembers).size).toBe(31);
    expect(ctx.paragraphMembers[15]).toEqual([15, 16, 17, 18, 19]);
    expect(ctx.typicalWords).toBe(16);
    expect(ctx.script).toBe('Latin');
  });

  it('is built once per document array, and once for equal arrays', () => {
    const sentences = doc('One sentence here.', 'Another one there.');
    const ctx = contextOf(sentences);
    expect(contextOf(sentences)).toBe(ctx);
    expect(contextOf(sentences.map((s) => ({ ...s })))).toBe(ctx);
    expect(contextOf(doc('One sentence here.', 'A different one.'))).not.toBe(ctx);
  });

  it('balances quotations over the sentences of a paragraph', () => {
    const sentences = doc(['“We will stay.', 'We will not leave.', 'Never,” he said.'], '“Next paragraph.”');
    const ctx = buildContext(sentences);
    expect(paragraphBalance(ctx, 1, false).before.double).toEqual({ closes: 0, opens: 1 });
    expect(paragraphBalance(ctx, 1, false).after.double).toEqual({ closes: 1, opens: 0 });
    expect(paragraphBalance(ctx, 3, false).before.double).toEqual({ closes: 0, opens: 0 });
    const depth = quoteDepth(ctx, 2, sentences[2]!.text);
    expect([depth(0), depth(6), depth(8)]).toEqual([1, 1, 0]);
  });

  it('reads list markers, emoticons and inch marks as what they are', () => {
    expect(pairEvents('Choose a) or b).', false)).toEqual([]);
    expect(pairEvents('Passes (from 1 to 3).', false).map((e) => e.role)).toEqual(['open', 'close']);
    expect(pairEvents('Fine :) thanks', false)).toEqual([]);
    expect(straightQuotes('He is 5\'10" tall.')).toEqual([]);
    expect(straightQuotes('The time "00:00:00" is shown.')).toHaveLength(2);
  });

  it('compiles a glossary once and skips empty entries', () => {
    const glossary = [{ preferred: 'Almaty', forbidden: ['Alma-Ata', ' ', 'Almaty'] }, { preferred: ' ', forbidden: ['x'] }];
    const compiled = compileGlossary(glossary);
    expect(compileGlossary(glossary)).toBe(compiled);
    expect(compiled).toHaveLength(1);
    expect(compiled[0]!.variants.map((v) => v.text)).toEqual(['Alma-Ata']);
    expect(compileGlossary(undefined)).toEqual([]);
  });
});

describe('name index in a language that capitalizes its nouns', () => {
  // German capitalizes every noun: a capital does not make a name, so only case and hyphen variants count.
  const filler = 'Die Benutzer können die Einstellungen im Dialogfeld jederzeit ändern und die Änderungen speichern.';
  const texts = [
    ...Array.from({ length: 12 }, () => filler),
    'Drücken Sie die Tasten, um die Werte zu testen.',
    'Wählen Sie im Popup-Menü den Eintrag aus.',
    'Öffnen Sie das Popupmenü erneut.',
    'Schließen Sie das Popupmenü.',
    'Beim Drucken werden die Testen angezeigt.',
  ];

  it('takes only spellings that differ in case or hyphens for variants', () => {
    const index = buildNameIndex(texts);
    expect([...index.variants.keys()]).toEqual(['Popup-Menü']);
    expect(index.variants.get('Popup-Menü')).toEqual({ preferred: 'Popupmenü', count: 2, tie: false });
  });
});

describe('building the context of a book rich in names', () => {
  // Every sentence a name of its own: the name phases handle as many spellings as there are sentences, and must
  // let a caller answer in between (a step of the build is a pause of the app while a document opens).
  const sentences = (withNames: boolean) =>
    Array.from({ length: 12_000 }, (_, k) => ({
      paragraph: Math.floor(k / 5) + 1,
      text: `Die Fahrt ging weiter${withNames ? ` nach Ort${k.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}` : ''}.`,
      source: null,
    }));
  const steps = (withNames: boolean) => {
    let n = 0;
    const build = contextStateSteps(sentences(withNames));
    while (build.next().done !== true) n++;
    return n;
  };

  it('yields at least once per SPELLINGS names in each of its passes over the names (three at least)', () => {
    const extra = steps(true) - steps(false);
    expect(extra).toBeGreaterThanOrEqual(3 * (12_000 / SPELLINGS));
  });
});
