import fc from 'fast-check';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { checkDocument, type CheckId } from '../../core/checks';
import { nameWords } from '../../core/checks/nameWords';
import { RedlineError } from '../../core/model/errors';
import { createServices, type Services } from '../../services';
import { documentCheckOptions, shownByDefault } from '../../services/checkOptions';
import { makeTempDir } from '../db/testDb';
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

/** The stored names index of every sentence of the document, and what it should hold: each text's name words. */
function namesIndex(db: Database.Database, services: Services, documentId: number) {
  const rows = services.segments.page(documentId, 0, 10_000).items;
  const stored = db.prepare('SELECT name FROM segment_names WHERE segment_id = ? ORDER BY name').pluck();
  return {
    stored: rows.map((row) => stored.all(row.id)),
    expected: rows.map((row) => nameWords(row.currentText).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

describe('stored flags', () => {
  const temp = makeTempDir();
  afterEach(() => temp.cleanup());

  // Another process renames a place (a name's standing changes), then this one undoes and redoes that edit.
  it('stay current when this process undoes and redoes an edit written by another process', () => {
    let now = FIXED_TIME;
    const file = join(temp.dir, 'store-undo-other.sqlite');
    const clock = () => (now += 1000);
    const services = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
    const other = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
    const raw = new Database(file, { nativeBinding: nodeNativeBinding(), readonly: true });
    try {
      ignoredLists.set(services, new Map());
      ignoredLists.set(other, ignoredLists.get(services)!);
      const doc = services.openSample(SAMPLE);
      services.checks.document(doc.id);
      const steps: Array<[Step, boolean]> = [
        [{ kind: 'edit', at: 9, change: 0 }, true],
        [{ kind: 'undo' }, false],
        [{ kind: 'redo' }, false],
      ];
      for (const [s, byOther] of steps) {
        run(byOther ? other : services, doc.id, s);
        expect(services.checks.document(doc.id), s.kind).toEqual(recomputed(services, doc.id));
        expect(other.checks.document(doc.id)).toEqual(recomputed(other, doc.id));
        const names = namesIndex(raw, services, doc.id);
        expect(names.stored).toEqual(names.expected);
      }
      // The redo really brought the renamed place back, so the check above was on the changed document.
      const tenth = services.segments.page(doc.id, 0, 10_000).items[9]!;
      expect(tenth.currentText).toContain('Alma-Ata');
    } finally {
      raw.close();
      other.close();
      services.close();
    }
  });

  it('equal a from-scratch check of the whole document after any edits, undos, replaces, fixes and ignores, by this process or another', () => {
    let run_ = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 12 }), (steps) => {
        let now = FIXED_TIME;
        const file = join(temp.dir, `store-${run_++}.sqlite`);
        const clock = () => (now += 1000);
        const services = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
        // A second process on the same file (the CLI beside the app): its writes reach this one's cached context
        // through the revisions, never by comparing every sentence.
        const other = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
        const raw = new Database(file, { nativeBinding: nodeNativeBinding(), readonly: true });
        try {
          const ignored = new Map<number, Set<string>>();
          ignoredLists.set(services, ignored);
          ignoredLists.set(other, ignored);
          const doc = services.openSample(SAMPLE);
          services.checks.document(doc.id); // checked whole once; from here on every write keeps the flags
          for (const [s, byOther] of steps) {
            run(byOther ? other : services, doc.id, s);
            expect(services.checks.document(doc.id)).toEqual(recomputed(services, doc.id));
            const names = namesIndex(raw, services, doc.id);
            expect(names.stored).toEqual(names.expected);
          }
        } finally {
          raw.close();
          other.close();
          services.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
