import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { checkDocument, fixSentence, type CheckId } from '../../../core/checks';
import { CHECK_IDS } from '../../../core/checks/types';
import { flaggedWords, ignoredKey, isIgnored } from '../../../core/checks/ignoredFlags';
import { nameWords } from '../../../core/checks/nameWords';
import { buildContext } from '../../../core/checks/contextBuild';
import { documentFacts } from '../../../core/checks/dependencies';
import { languageOf } from '../../../core/checks/languages';
import { RedlineError } from '../../../core/model/errors';
import type { Services } from '../../../services';
import { documentCheckOptions, shownByDefault } from '../../../services/checkOptions';

/**
 * What the stored-flags tests share: a from-scratch check of a whole document to compare the stored flags with,
 * and random editing steps (edits, undo, redo, replace-all, fix-all, ignore) that reach what other sentences'
 * flags depend on.
 */

/**
 * Every sentence of the document, as a check reads it, and the options the app checks with, resolved afresh:
 * languages (detected here), glossary, word list, settings.
 */
function fromScratch(services: Services, documentId: number) {
  const rows = services.segments.page(documentId, 0, 10_000).items;
  const sentences = rows.map((row) => ({ paragraph: row.paragraph, text: row.currentText, source: row.sourceText ?? null }));
  const options = documentCheckOptions(sentences, services.checks.languages(documentId).stored, {
    ...glossaryOf(services),
    knownWords: new Set(services.checks.words()),
    settings: { ...services.checks.settings(null), ...services.checks.settings(documentId) },
  });
  return { rows, sentences, options };
}

/** What a from-scratch check of the whole document gives, ignored flags left out, in the stored shape. */
export function recomputed(services: Services, documentId: number) {
  const { rows, sentences, options } = fromScratch(services, documentId);
  const flags = checkDocument(sentences, options).map((all) => all.filter((flag) => shownByDefault(flag, options)));
  const counts: Partial<Record<CheckId, number>> = {};
  const segments = rows.flatMap((row, i) => {
    const ignored = new Set(ignoredOf(services, row.id));
    const visible = (flags[i] ?? []).filter((flag) => !isIgnored(flag, row.currentText, ignored));
    for (const flag of visible) counts[flag.check] = (counts[flag.check] ?? 0) + 1;
    return visible.length > 0 ? [{ segmentId: row.id, position: row.position, flags: visible }] : [];
  });
  return { counts, segments, flagged: segments.length, byCheck: positionsByCheck(segments) };
}

/**
 * What "fix all" of a check changes, from scratch: every sentence whose flags as shown (ignored ones left out)
 * include the check, fixed in a context built from every sentence.
 */
export function recomputedFixes(services: Services, documentId: number, check: CheckId) {
  const { rows, sentences, options } = fromScratch(services, documentId);
  const flags = checkDocument(sentences, options);
  return rows.flatMap((row, i) => {
    const ignored = new Set(ignoredOf(services, row.id));
    const shown = (flags[i] ?? []).some((flag) => flag.check === check && shownByDefault(flag, options) && !isIgnored(flag, row.currentText, ignored));
    if (!shown) return [];
    const after = fixSentence(sentences, i, check, options, (flag, text) => isIgnored(flag, text, ignored));
    return after === null || after === row.currentText
      ? []
      : [{ segmentId: row.id, position: row.position, before: row.currentText, after, ...(row.lockedBy && { locked: row.lockedBy }) }];
  });
}

/** The positions of the sentences each check flags (the grid's filter to one check), from the flags themselves. */
function positionsByCheck(segments: ReadonlyArray<{ position: number; flags: ReadonlyArray<{ check: CheckId }> }>) {
  const byCheck: Partial<Record<CheckId, number[]>> = {};
  for (const check of CHECK_IDS) {
    const positions = segments.filter((s) => s.flags.some((f) => f.check === check)).map((s) => s.position);
    if (positions.length > 0) byCheck[check] = positions;
  }
  return byCheck;
}

/**
 * The stored flags as the app reads them: every flagged sentence and the counts, with what the writes keep beside
 * them — the count of flagged sentences and each check's flagged positions.
 */
export function storedView(services: Services, documentId: number) {
  // First: the read that brings the stored flags up to date (a pending whole check, writes that awaited theirs).
  const whole = services.checks.document(documentId);
  const byCheck: Partial<Record<CheckId, number[]>> = {};
  for (const check of CHECK_IDS) {
    const positions = services.checks.storedPositions(documentId, check);
    if (positions.length > 0) byCheck[check] = positions;
  }
  return { ...whole, flagged: services.checks.storedSummary(documentId).flagged, byCheck };
}

export const ignoredLists = new WeakMap<Services, Map<number, Set<string>>>();
const ignoredOf = (services: Services, segmentId: number) => [...(ignoredLists.get(services)?.get(segmentId) ?? [])];
const glossaryOf = (services: Services) => ({
  glossary: services.glossary.list().map(({ preferred, forbidden, note }) => ({ preferred, forbidden, note })),
});

/** The checks the steps fix all of. */
export const FIXED_ALL: readonly CheckId[] = ['spacing', 'name-variants', 'repeated-words', 'orphaned-punctuation'];

export type Step =
  | { kind: 'edit'; at: number; change: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'replace'; find: string; replace: string }
  | { kind: 'fixAll'; check: CheckId }
  | { kind: 'ignore'; at: number; check: CheckId; ignored: boolean; nth: number };

// Edits that reach what other sentences' flags depend on: names and their spellings, quotation marks across a
// paragraph, sentence length (the typical length), another script, repeated words, emptied sentences, a dash
// or a quotation mark at a sentence's edge.
export const CHANGES: Array<(text: string) => string> = [
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
  // What other sentences of the paragraph read of this one: dialogue, and a quotation mark at an edge.
  (t) => `– ${t}`,
  (t) => `${t.replace(/[“”]/u, '')}”`,
  (t) => `” ${t}`,
];

export const step: fc.Arbitrary<Step> = fc.oneof(
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
  { arbitrary: fc.record({ kind: fc.constant('fixAll' as const), check: fc.constantFrom<CheckId>(...FIXED_ALL) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('ignore' as const),
      at: fc.nat(40),
      check: fc.constantFrom<CheckId>('spacing', 'name-variants', 'quotes-brackets'),
      ignored: fc.boolean(),
      nth: fc.nat(3),
    }),
    weight: 1,
  },
);

export function run(services: Services, documentId: number, s: Step): void {
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
        // One flag of the check, as the Ignore button names it: the words it flags (any words when it has none).
        const flags = services.checks.segment(row.id, row.currentText).filter((flag) => flag.check === s.check);
        const flag = flags[s.nth % Math.max(1, flags.length)];
        const words = flag ? flaggedWords(flag, row.currentText) : 'Almaty';
        services.checks.ignore(row.id, s.check, words, s.ignored);
        const lists = ignoredLists.get(services)!;
        const set = lists.get(row.id) ?? new Set<string>();
        if (s.ignored) set.add(ignoredKey(s.check, words));
        else set.delete(ignoredKey(s.check, words));
        lists.set(row.id, set);
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof RedlineError)) throw error; // nothing to undo, nothing to replace: a refused step
  }
}

/**
 * The document's names as stored (document_name_facts, kept a few names a write) and as a context built from the
 * current texts has them, with the typical sentence length beside each.
 */
export function nameFacts(db: Database.Database, services: Services, documentId: number) {
  const rows = services.segments.page(documentId, 0, 10_000).items;
  const ctx = buildContext(
    rows.map((row) => ({ paragraph: row.paragraph, text: row.currentText, source: row.sourceText ?? null })),
    languageOf(services.checks.languages(documentId).stored.target),
  );
  const { known, variants, typicalWords } = documentFacts(ctx);
  const stored = db.prepare('SELECT form, known, preferred, count, tie FROM document_name_facts WHERE document_id = ? ORDER BY form').all(documentId);
  const standing = new Map<string, { form: string; known: number; preferred: string | null; count: number | null; tie: number | null }>();
  for (const form of known) standing.set(form, { form, known: 1, preferred: null, count: null, tie: null });
  for (const [form, preferred, count, tie] of variants) {
    standing.set(form, { form, known: standing.has(form) ? 1 : 0, preferred, count, tie: tie ? 1 : 0 });
  }
  const typical = db.prepare('SELECT typical_words FROM document_check_state WHERE document_id = ?').pluck().get(documentId);
  return {
    stored: { names: stored, typicalWords: typical },
    expected: { names: [...standing.values()].sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0)), typicalWords },
  };
}

/** The stored names index of every sentence of the document, and what it should hold: each text's name words. */
export function namesIndex(db: Database.Database, services: Services, documentId: number) {
  const rows = services.segments.page(documentId, 0, 10_000).items;
  const stored = db.prepare('SELECT name FROM segment_names WHERE segment_id = ? ORDER BY name').pluck();
  return {
    stored: rows.map((row) => stored.all(row.id)),
    expected: rows.map((row) => nameWords(row.currentText).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

