import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { checkDocument, type CheckId } from '../../core/checks';
import { RedlineError } from '../../core/model/errors';
import { createServices, type Services } from '../../services';
import { documentCheckOptions, shownByDefault } from '../../services/checkOptions';
import { FIXED_TIME, SAMPLE } from '../electron/support';

/** What a from-scratch check of the whole document gives, ignored flags left out, in the stored shape. */
function recomputed(services: Services, documentId: number) {
  const rows = services.segments.page(documentId, 0, 10_000).items;
  const sentences = rows.map((row) => ({ paragraph: row.paragraph, text: row.currentText, source: row.sourceText ?? null }));
  // The options the app checks with, resolved afresh: languages (detected here), glossary, word list, settings.
  const options = documentCheckOptions(sentences, services.checks.languages(documentId).stored, {
    ...glossaryOf(services),
    knownWords: new Set(services.checks.words()),
    settings: { ...services.checks.settings(null), ...services.checks.settings(documentId) },
  });
  const flags = checkDocument(sentences, options).map((all) => all.filter((flag) => shownByDefault(flag, options)));
  const counts: Partial<Record<CheckId, number>> = {};
  const segments = rows.flatMap((row, i) => {
    const ignored = new Set(ignoredOf(services, row.id));
    const visible = (flags[i] ?? []).filter((flag) => !ignored.has(flag.check));
    for (const flag of visible) counts[flag.check] = (counts[flag.check] ?? 0) + 1;
    return visible.length > 0 ? [{ segmentId: row.id, position: row.position, flags: visible }] : [];
  });
  return { counts, segments };
}

const ignoredLists = new WeakMap<Services, Map<number, Set<string>>>();
const ignoredOf = (services: Services, segmentId: number) => [...(ignoredLists.get(services)?.get(segmentId) ?? [])];
const glossaryOf = (services: Services) => ({
  glossary: services.glossary.list().map(({ preferred, forbidden, note }) => ({ preferred, forbidden, note })),
});

type Step =
  | { kind: 'edit'; at: number; change: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'replace'; find: string; replace: string }
  | { kind: 'fixAll'; check: CheckId }
  | { kind: 'ignore'; at: number; check: CheckId; ignored: boolean };

// Edits that reach what other sentences' flags depend on: names and their spellings, quotation marks across a
// paragraph, sentence length (the typical length), another script, repeated words, emptied sentences.
const CHANGES: Array<(text: string) => string> = [
  (t) => t.replace(/Almaty/gu, 'Alma-Ata'),
  (t) => t.replace(/Alma-Ata/gu, 'Almaty'),
  (t) => `“${t}`,
  (t) => `${t}”`,
  (t) => t.replace(/[“”"]/gu, ''),
  (t) => `${t} ${t}`,
  (t) => t.split(' ').slice(0, 2).join(' '),
  (t) => `${t} Tokaev said the the thing.`,
  (t) => `${t} Казахстан`,
  () => '',
  (t) => `Nursultan ${t}`,
];

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(40), change: fc.nat(CHANGES.length - 1) }), weight: 6 },
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      find: fc.constantFrom('Almaty', 'Alma-Ata', 'Tokayev', ' ,', '“'),
      replace: fc.constantFrom('Alma-Ata', 'Almaty', 'Tokaev', ',', ''),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('fixAll' as const), check: fc.constantFrom<CheckId>('spacing', 'name-variants', 'repeated-words', 'orphaned-punctuation') }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('ignore' as const),
      at: fc.nat(40),
      check: fc.constantFrom<CheckId>('spacing', 'name-variants', 'quotes-brackets'),
      ignored: fc.boolean(),
    }),
    weight: 1,
  },
);

function run(services: Services, documentId: number, s: Step): void {
  const rows = services.segments.page(documentId, 0, 10_000).items;
  try {
    switch (s.kind) {
      case 'edit': {
        const row = rows[s.at % rows.length]!;
        services.segments.update(row.id, CHANGES[s.change]!(row.currentText));
        break;
      }
      case 'undo':
        services.batches.undoLast(documentId);
        break;
      case 'redo':
        services.batches.redoLast(documentId);
        break;
      case 'replace': {
        const options = { find: s.find, replace: s.replace, regex: false, caseSensitive: true, wholeWord: false };
        const ids = services.replace.preview(documentId, options).map((p) => p.segmentId);
        services.replace.apply(documentId, options, ids);
        break;
      }
      case 'fixAll': {
        const ids = services.checks.previewAll(documentId, s.check).map((p) => p.segmentId);
        services.checks.applyAll(documentId, s.check, ids);
        break;
      }
      case 'ignore': {
        const row = rows[s.at % rows.length]!;
        services.checks.ignore(row.id, s.check, s.ignored);
        const lists = ignoredLists.get(services)!;
        const set = lists.get(row.id) ?? new Set<string>();
        if (s.ignored) set.add(s.check);
        else set.delete(s.check);
        lists.set(row.id, set);
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof RedlineError)) throw error; // nothing to undo, nothing to replace: a refused step
  }
}

describe('stored flags', () => {
  it('equal a from-scratch check of the whole document after any edits, undos, replaces, fixes and ignores', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let now = FIXED_TIME;
        const services = createServices(':memory:', { clock: () => (now += 1000), nativeBinding: nodeNativeBinding() });
        try {
          ignoredLists.set(services, new Map());
          const doc = services.openSample(SAMPLE);
          services.checks.document(doc.id); // checked whole once; from here on every write keeps the flags
          for (const s of steps) {
            run(services, doc.id, s);
            expect(services.checks.document(doc.id)).toEqual(recomputed(services, doc.id));
          }
        } finally {
          services.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
