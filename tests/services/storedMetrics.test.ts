import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import type { CheckId } from '../../core/checks';
import { segmentMetrics } from '../../core/metrics';
import { RedlineError } from '../../core/model/errors';
import { mqmWordCount } from '../../core/mqm/score';
import { SEGMENT_STATUSES, type SegmentStatus } from '../../core/model/segment';
import { createServices, type Services } from '../../services';
import { FIXED_TIME, SAMPLE } from '../electron/support';

type Step =
  | { kind: 'edit'; at: number; change: number; editMs: number; keystrokes: number }
  | { kind: 'revert'; at: number }
  | { kind: 'status'; at: number; status: SegmentStatus }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'replace'; find: string; replace: string }
  | { kind: 'fixAll'; check: CheckId }
  | { kind: 'propagate'; at: number };

// Edits of every size: a word, punctuation, the case, reordering (shifts), rewriting, emptying, back to the MT.
const CHANGES: Array<(text: string, mt: string) => string> = [
  (t) => t.replace(/ ,/gu, ','),
  (t) => t.replace(/Almaty/gu, 'Alma-Ata'),
  (t) => t.toUpperCase(),
  (t) => t.split(' ').reverse().join(' '),
  (t) => `${t} And then some more words were added here.`,
  (t) => t.split(' ').slice(0, 3).join(' '),
  () => '',
  (_t, mt) => mt,
  (t) => t.replace(/\bthe\b/gu, 'a'),
];

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      at: fc.nat(40),
      change: fc.nat(CHANGES.length - 1),
      editMs: fc.constantFrom(0, 0, 1_500, 4_000, 90_000),
      keystrokes: fc.nat(30),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('revert' as const), at: fc.nat(40) }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('status' as const), at: fc.nat(40), status: fc.constantFrom(...SEGMENT_STATUSES) }),
    weight: 2,
  },
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      find: fc.constantFrom('Almaty', 'Alma-Ata', 'the', ' ,', '“'),
      replace: fc.constantFrom('Alma-Ata', 'Almaty', 'a', ',', ''),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('fixAll' as const), check: fc.constantFrom<CheckId>('spacing', 'repeated-words', 'orphaned-punctuation') }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('propagate' as const), at: fc.nat(40) }), weight: 1 },
);

function run(services: Services, documentId: number, s: Step): void {
  const rows = services.segments.page(documentId, 0, 10_000).items;
  const row = (at: number) => rows[at % rows.length]!;
  try {
    switch (s.kind) {
      case 'edit': {
        const target = row(s.at);
        services.segments.update(target.id, CHANGES[s.change]!(target.currentText, target.mtText), { editMs: s.editMs, keystrokes: s.keystrokes });
        break;
      }
      case 'revert':
        services.segments.revert(row(s.at).id);
        break;
      case 'status':
        services.segments.setStatus(row(s.at).id, s.status, s.status === 'rejected' ? 'Wrong name' : undefined);
        break;
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
      case 'propagate': {
        const target = row(s.at);
        const after = target.currentText.replace(/ ,/u, ',');
        if (after === target.currentText) return;
        services.segments.update(target.id, after);
        const [suggestion] = services.propagation.suggest(target.id, target.currentText, after);
        if (suggestion) services.propagation.apply(documentId, suggestion.rule, suggestion.matches.map((m) => m.segmentId));
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof RedlineError)) throw error; // nothing to undo, nothing to replace: a refused step
  }
}

/** Stored metrics, per-sentence figures and counters, each beside its from-scratch recomputation. */
function expectKeptEqualRecomputed(services: Services, documentId: number): void {
  expect(services.metrics.document(documentId)).toEqual(services.metrics.recompute(documentId));
  const rows = services.segments.page(documentId, 0, 10_000).items;
  expect(services.metrics.sentences(documentId)).toEqual(
    rows.map((r) => {
      const m = segmentMetrics(r.mtText, r.currentText);
      return { segmentId: r.id, edits: m.edits, refWords: m.refWords, ter: m.ter, charEditRate: m.charEditRate };
    }),
  );
  const counts: Partial<Record<SegmentStatus, number>> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  expect(services.documents.statusCounts(documentId)).toEqual(counts);
  expect(services.documents.summary(documentId)).toMatchObject({
    segmentCount: rows.length,
    editedCount: rows.filter((r) => r.currentText !== r.mtText).length,
    confirmedCount: rows.filter((r) => r.status === 'confirmed' || r.status === 'approved').length,
    emptyCount: rows.filter((r) => r.currentText === '').length,
  });
  // The MQM score's base: the words of every current text, counted.
  expect(services.annotations.summary(documentId).wordCount).toBe(rows.reduce((n, r) => n + mqmWordCount(r.currentText), 0));
}

/** A partly translated XLIFF: units with MT, units whose target is empty and one without a target. */
const PARTLY_TRANSLATED = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="partly.txt" source-language="ru" target-language="en" datatype="plaintext"><body>
    <trans-unit id="1"><source>Алматы — крупнейший город.</source><target>Almaty is the largest city , of the country .</target></trans-unit>
    <trans-unit id="2"><source>Аэропорт захвачен.</source><target></target></trans-unit>
    <trans-unit id="3"><source>Президент сделал заявление.</source><target>The president , he made the statement.</target></trans-unit>
    <trans-unit id="4"><source>Ситуация остаётся напряжённой.</source></trans-unit>
    <trans-unit id="5"><source>Город Алматы.</source><target/></trans-unit>
    <trans-unit id="6"><source>Протестующие ушли.</source><target>The protesters left the Almaty airport.</target></trans-unit>
  </body></file>
</xliff>
`;
const scratch = mkdtempSync(join(tmpdir(), 'redline-stored-metrics-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const partlyTranslatedPath = join(scratch, 'partly.xlf');
writeFileSync(partlyTranslatedPath, PARTLY_TRANSLATED);

describe('stored metrics and counters', () => {
  it('equal a from-scratch recomputation after any edits, reverts, statuses, undos, redos, replaces, fixes and propagations', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { minLength: 1, maxLength: 14 }), (partly, steps) => {
        let now = FIXED_TIME;
        const services = createServices(':memory:', { clock: () => (now += 1000), nativeBinding: nodeNativeBinding() });
        try {
          const doc = partly ? services.documents.importFile(partlyTranslatedPath) : services.openSample(SAMPLE);
          expectKeptEqualRecomputed(services, doc.id);
          for (const s of steps) {
            run(services, doc.id, s);
            expectKeptEqualRecomputed(services, doc.id);
          }
        } finally {
          services.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 600_000);

  it('report units without MT apart: no HTER, band or rewritten count for them, their words and time kept', () => {
    const services = createServices(':memory:', { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    try {
      const doc = services.documents.importFile(partlyTranslatedPath);
      const rows = services.segments.page(doc.id, 0, 100).items;
      expect(rows.map((r) => r.mtText === '')).toEqual([false, true, false, true, true, false]);
      services.segments.update(rows[1]!.id, 'The airport was seized.', { editMs: 60_000, keystrokes: 23 });
      services.segments.update(rows[2]!.id, 'The president made a statement.', { editMs: 30_000, keystrokes: 12 });
      const metrics = services.metrics.document(doc.id);
      expect(metrics).toEqual(services.metrics.recompute(doc.id));
      // The one edited MT sentence alone makes the HTER: the translated unit is not a 100 % rewrite.
      const edited = segmentMetrics(rows[2]!.mtText, 'The president made a statement.');
      expect(metrics).toMatchObject({
        segments: 6,
        ter: (100 * edited.edits) / (edited.refWords + segmentMetrics(rows[0]!.mtText, rows[0]!.mtText).refWords + segmentMetrics(rows[5]!.mtText, rows[5]!.mtText).refWords),
        untouched: 2,
        edited: 1,
        rewritten: 0,
        withoutMt: { segments: 3, translated: 1, words: 5, editMs: 60_000 },
        totalEditMs: 90_000,
      });
      expect(metrics.hterHistogram.reduce((n, bin) => n + bin.count, 0)).toBe(1);
      // Words per hour are those of post-editing: the MT words of the one MT sentence over its 30 s.
      expect(metrics.wordsPerHour).toBeCloseTo(7 / (30 / 3600));
      // The sentence's own figures stay what TER says of an empty MT.
      expect(services.metrics.sentences(doc.id)[1]).toMatchObject({ edits: 5, refWords: 5, ter: 100 });
    } finally {
      services.close();
    }
  });

  it('keeps another document and the library list apart, and forgets nothing when a document is deleted', () => {
    const services = createServices(':memory:', { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    try {
      const a = services.openSample(SAMPLE);
      const b = services.documents.importText({ fileName: 'b.txt', text: 'One sentence here. Another one there.' });
      const first = services.segments.page(b.id, 0, 1).items[0]!;
      services.segments.update(first.id, 'One sentence there.', { editMs: 2_000, keystrokes: 4 });
      services.segments.setStatus(first.id, 'approved');
      expectKeptEqualRecomputed(services, a.id);
      expectKeptEqualRecomputed(services, b.id);
      expect(services.documents.list().map((d) => [d.id, d.segmentCount, d.editedCount, d.confirmedCount])).toEqual(
        expect.arrayContaining([
          [a.id, 91, 0, 0],
          [b.id, 2, 1, 1],
        ]),
      );
      services.documents.remove(a.id);
      expectKeptEqualRecomputed(services, b.id);
      expect(() => services.metrics.document(a.id)).toThrow(RedlineError);
      expect(() => services.documents.statusCounts(a.id)).toThrow(RedlineError);
    } finally {
      services.close();
    }
  });

  it('pages by position: consecutive pages are the document in order, with nothing skipped or repeated', () => {
    const services = createServices(':memory:', { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    try {
      const doc = services.openSample(SAMPLE);
      const all = services.segments.page(doc.id, 0, 1_000).items;
      expect(all.map((s) => s.position)).toEqual(all.map((_, i) => i + 1));
      const paged = [0, 30, 60, 90].flatMap((offset) => services.segments.page(doc.id, offset, 30).items);
      expect(paged).toEqual(all);
      expect(services.segments.page(doc.id, 91, 30)).toEqual({ total: 91, items: [] });
    } finally {
      services.close();
    }
  });
});
