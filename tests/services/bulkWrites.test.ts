import { describe, expect, it } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import Database from 'better-sqlite3';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createHandlers } from '../../electron/ipc/handlers';
import { createServices, type Services } from '../../services';
import { bulkWrites } from '../../services/bulkWrites';
import { openTestServices, SAMPLE, scriptedDialogs } from '../electron/support';

/** A book's worth of sentences that all hold the word a replace changes. */
function book(sentences: number) {
  const ctx = openTestServices();
  const text = Array.from({ length: sentences }, (_, i) => `Der Satz ${i + 1} nennt die Datei${i % 2 ? ' .' : '.'}`).join(' ');
  const doc = ctx.services.documents.importText({ fileName: 'book.txt', title: 'Book', text, hasBom: false });
  const rows = ctx.services.segments.page(doc.id, 0, sentences).items;
  return { ...ctx, doc, rows };
}

const REPLACE = { find: 'Datei', replace: 'Akte', regex: false, caseSensitive: true, wholeWord: true };

type Replace = typeof REPLACE;
type Rule = { find: string; replace: string; wholeWord: boolean; caseSensitive: boolean };

/** Each bulk preview by its channel: asked through the handler (between requests), and of the service at once. */
function bulkPreviews(
  handlers: ReturnType<typeof createHandlers>,
  services: Services,
  documentId: number,
  segmentId: number,
  rule: Rule,
  replace: Replace,
): Array<[string, () => unknown, () => unknown]> {
  return [
    ['replace.preview', () => handlers['replace.preview']({ documentId, ...replace }), () => services.replace.preview(documentId, replace)],
    ['memory.preview', () => handlers['memory.preview']({ documentId }), () => services.fixMemory.preview(documentId)],
    ['propagation.preview', () => handlers['propagation.preview']({ segmentId, rule }), () => services.propagation.preview(segmentId, rule)],
    ['fixes.preview', () => handlers['fixes.preview']({ documentId, check: 'spacing' }), () => services.checks.previewAll(documentId, 'spacing')],
  ];
}

describe('bulk writes, a few sentences a step', () => {
  it('write one batch whose steps leave alone a sentence the editor saved between them, and undo as one step', () => {
    const { services, doc, rows } = book(70);
    const steps = services.replace.applySteps(doc.id, REPLACE, rows.map((r) => r.id));
    const progress: Array<{ done: number; total: number }> = [];
    let next = steps.next();
    // The first step has written; the editor saves a later sentence of the replace before the next one.
    services.segments.update(rows[60]!.id, 'Der Satz 61 ist jetzt anders.');
    while (!next.done) {
      progress.push(next.value);
      next = steps.next();
    }
    const outcome = next.value;
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((p) => p.total)).toEqual(progress.map(() => 70));
    expect(outcome.skipped).toBe(1);
    expect(outcome.segments).toHaveLength(69);
    expect(services.segments.get(rows[0]!.id).currentText).toBe('Der Satz 1 nennt die Akte.');
    expect(services.segments.get(rows[60]!.id).currentText).toBe('Der Satz 61 ist jetzt anders.');
    // One step in the history: undo takes back every sentence it wrote, and only those (the editor's save stays).
    expect(services.batches.state(doc.id).undo?.label).toBe('Edit sentence 61');
    services.batches.undoLast(doc.id);
    const undone = services.batches.undoLast(doc.id);
    expect(undone.segments).toHaveLength(69);
    // Labelled with the sentences written: the one saved meanwhile is not counted.
    expect(undone.batch.label).toBe('Undo: Replace “Datei” → “Akte” (69)');
    expect(services.segments.get(rows[0]!.id).currentText).toBe('Der Satz 1 nennt die Datei.');
  });

  it('read the step an undo takes back a page at a time before writing, and undo all of it', () => {
    const { services, doc, rows } = book(1200);
    services.replace.apply(doc.id, REPLACE, rows.map((r) => r.id));
    const steps = services.batches.undoLastSteps(doc.id);
    const progress: Array<{ done: number; total: number }> = [];
    let next = steps.next();
    // Before its first sentence is written, its 1,200 revisions are read 500 a step (PLANNED_A_STEP).
    while (!next.done && services.segments.get(rows[0]!.id).currentText.includes('Akte')) {
      progress.push(next.value);
      next = steps.next();
    }
    expect(progress.slice(0, 2)).toEqual([
      { done: 500, total: 1200 },
      { done: 1000, total: 1200 },
    ]);
    while (!next.done) next = steps.next();
    expect(next.value.segments).toHaveLength(1200);
    expect(rows.every((r) => services.segments.get(r.id).currentText === r.currentText)).toBe(true);
  });

  it('store nothing when no step writes anything, and say why', () => {
    const { services, doc, rows } = book(30);
    // Planned on the texts a preview showed; every sentence is edited before the write's steps run.
    const planned = rows.map((row) => ({ segmentId: row.id, before: row.currentText, after: row.currentText.replace('Datei', 'Akte') }));
    for (const row of rows) services.segments.update(row.id, `${row.currentText} Geändert.`);
    const steps = services.batches.applySteps(doc.id, 'replace', 'Replace', 'replace', planned);
    const before = services.batches.state(doc.id);
    expect(() => {
      while (!steps.next().done);
    }).toThrow(new RedlineError('bad_input', 'Every sentence changed meanwhile: nothing was changed.'));
    expect(services.batches.state(doc.id)).toEqual(before);
  });

  it('at once (the CLI) write all of it in one transaction, or none', () => {
    const { services, doc, rows } = book(50);
    const last = rows.at(-1)!;
    // A sentence of another document among the chosen: refused before anything is written.
    const other = services.openSample(SAMPLE);
    const foreign = services.segments.page(other.id, 0, 1).items[0]!;
    expect(() =>
      services.batches.apply(doc.id, 'fix', 'Fix', 'fix', [
        ...rows.map((r) => ({ segmentId: r.id, before: r.currentText, after: `${r.currentText}!` })),
        { segmentId: foreign.id, before: foreign.currentText, after: 'x' },
      ]),
    ).toThrow(`Segment ${foreign.id} is not part of document ${doc.id}.`);
    expect(services.segments.get(last.id).currentText).toBe(last.currentText);
    expect(services.batches.state(doc.id).undo).toBeNull();
  });

  it('failing part way keep the steps written as one undoable step, and say how many and why; at once, keep none', () => {
    const { services, databaseFile, doc, rows } = book(70);
    // From here on the store refuses to change sentence 50 and later, as a full disk or a damaged page would.
    const raw = new Database(databaseFile, { nativeBinding: nodeNativeBinding() });
    raw.exec(`CREATE TRIGGER refuse BEFORE UPDATE OF current_text ON segments WHEN NEW.position >= 50
              BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    try {
      const run = (steps: Generator<unknown, unknown>) => {
        while (!steps.next().done);
      };
      // A step written a few sentences at a time: the steps before the failing one stay.
      expect(() => run(services.replace.applySteps(doc.id, REPLACE, rows.map((r) => r.id)))).toThrow(
        new RedlineError(
          'internal',
          'Only 40 of the 70 sentences were changed before the write failed; they are one step, which undo takes back. SQLite said: “refused by the test”.',
        ),
      );
      const changed = () => rows.filter((r) => services.segments.get(r.id).currentText.includes('Akte')).length;
      expect(changed()).toBe(40);
      // Its label counts what was written, not what was planned.
      expect(services.batches.state(doc.id).undo).toMatchObject({ kind: 'replace', size: 40, label: 'Replace “Datei” → “Akte” (40)' });
      expect(services.batches.undoLast(doc.id).segments).toHaveLength(40);
      expect(changed()).toBe(0);
      // At once (the CLI), in one transaction: none of it stays, and SQLite's error is passed on as it is.
      expect(() => services.replace.apply(doc.id, REPLACE, rows.map((r) => r.id))).toThrow('refused by the test');
      expect(changed()).toBe(0);
      expect(services.batches.state(doc.id)).toMatchObject({ undo: null, redo: { kind: 'replace', size: 40 } });
    } finally {
      raw.exec('DROP TRIGGER refuse');
      raw.close();
    }
  });
});

describe('bulk writes that fail', () => {
  const refusing = (databaseFile: string, sql: string) => {
    const raw = new Database(databaseFile, { nativeBinding: nodeNativeBinding() });
    raw.exec(sql);
    return raw;
  };
  const drain = (steps: Generator<unknown, unknown>) => {
    while (!steps.next().done);
  };

  it('an undo cut short leaves its step to undo again, which restores the rest; redo then applies it whole', () => {
    const { services, databaseFile, doc, rows } = book(70);
    services.replace.apply(doc.id, REPLACE, rows.map((r) => r.id));
    const raw = refusing(
      databaseFile,
      `CREATE TRIGGER refuse BEFORE UPDATE OF current_text ON segments WHEN NEW.position >= 50 AND NEW.current_text NOT LIKE '%Akte%'
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    const akte = () => rows.filter((r) => services.segments.get(r.id).currentText.includes('Akte')).length;
    try {
      expect(() => drain(services.batches.undoLastSteps(doc.id))).toThrow(
        'Only 40 of the 70 sentences were restored before the undo failed; undo again to restore the rest. SQLite said: “refused by the test”.',
      );
      expect(akte()).toBe(30);
    } finally {
      raw.exec('DROP TRIGGER refuse');
      raw.close();
    }
    expect(services.batches.state(doc.id)).toMatchObject({ undo: { label: 'Replace “Datei” → “Akte” (70)' }, redo: null });
    expect(services.batches.undoLast(doc.id).segments).toHaveLength(30);
    expect(akte()).toBe(0);
    expect(services.batches.redoLast(doc.id).segments).toHaveLength(70);
    expect(akte()).toBe(70);
    services.batches.undoLast(doc.id);
    expect(akte()).toBe(0);
  });

  it('at once, a failure SQLite rolls back whole leaves nothing and says nothing was written part way', () => {
    const { services, databaseFile, doc, rows } = book(70);
    const raw = refusing(
      databaseFile,
      `CREATE TRIGGER refuse BEFORE UPDATE OF current_text ON segments WHEN NEW.position >= 50
       BEGIN SELECT RAISE(ROLLBACK, 'rolled back by the test'); END`,
    );
    try {
      expect(() => services.replace.apply(doc.id, REPLACE, rows.map((r) => r.id))).toThrow(/^rolled back by the test$/);
      expect(rows.filter((r) => services.segments.get(r.id).currentText.includes('Akte'))).toHaveLength(0);
      expect(services.batches.state(doc.id)).toEqual({ undo: null, redo: null });
    } finally {
      raw.exec('DROP TRIGGER refuse');
      raw.close();
    }
  });

  it('a label that cannot be corrected at the end leaves the write standing, its outcome told', () => {
    const { services, databaseFile, doc, rows } = book(70);
    const steps = services.replace.applySteps(doc.id, REPLACE, rows.map((r) => r.id));
    steps.next(); // the first step written
    services.segments.update(rows[60]!.id, 'Der Satz 61 ist jetzt anders.');
    const raw = refusing(databaseFile, `CREATE TRIGGER refuse BEFORE UPDATE OF label ON batches BEGIN SELECT RAISE(ABORT, 'no relabel'); END`);
    try {
      let next = steps.next();
      while (!next.done) next = steps.next();
      expect(next.value.segments).toHaveLength(69);
      expect(next.value.batch.label).toBe('Replace “Datei” → “Akte” (70)');
    } finally {
      raw.exec('DROP TRIGGER refuse');
      raw.close();
    }
  });
});

describe('bulkWrites', () => {
  it('answers other requests between the steps of a replace, and refuses a second bulk write of the same document meanwhile', async () => {
    const { services, doc, rows } = book(120);
    const handlers = createHandlers(services, scriptedDialogs(), SAMPLE);
    let replaced = false;
    const replacing = Promise.resolve(handlers['replace.apply']({ documentId: doc.id, ...REPLACE, segmentIds: rows.map((r) => r.id) })).then((outcome) => {
      replaced = true;
      return outcome;
    });
    // Asked after the replace started, answered before it is done, with what is written so far.
    const page = await handlers['segments.page']({ documentId: doc.id, offset: 0, limit: 120 });
    expect(replaced).toBe(false);
    const written = page.items.filter((s) => s.currentText.includes('Akte')).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(120);
    await expect(Promise.resolve().then(() => handlers['documents.undo']({ documentId: doc.id }))).rejects.toThrow('still being written');
    const outcome = await replacing;
    expect(outcome.segments).toHaveLength(120);
    // Once done, the next bulk write of the document runs.
    const undone = await handlers['documents.undo']({ documentId: doc.id });
    expect(undone.segments).toHaveLength(120);
  });

  it('answers other requests between the steps of every bulk preview, with the same changes as at once', async () => {
    const { services, doc, rows } = book(3000);
    const handlers = createHandlers(services, scriptedDialogs(), SAMPLE);
    services.checks.document(doc.id);
    // A correction applied to one sentence is learnt: the fix memory then offers it for the others.
    const rule = { find: 'Datei', replace: 'Akte', wholeWord: true, caseSensitive: true };
    services.propagation.apply(doc.id, rule, [rows[0]!.id]);
    const previews = bulkPreviews(handlers, services, doc.id, rows[0]!.id, rule, REPLACE);
    for (const [channel, between, atOnce] of previews) {
      let settled = false;
      const answer = Promise.resolve(between()).finally(() => (settled = true));
      await handlers['segments.page']({ documentId: doc.id, offset: 0, limit: 10 });
      expect(settled, channel).toBe(false);
      const changes = (await answer) as unknown[];
      expect(changes.length, channel).toBeGreaterThan(1000);
      expect(changes, channel).toEqual(atOnce());
    }
  });

  it('shows in a bulk preview asked while a bulk write runs the texts the write left, not some from before it', async () => {
    const { services, doc, rows } = book(100);
    const handlers = createHandlers(services, scriptedDialogs(), SAMPLE);
    services.checks.document(doc.id);
    const rule = { find: 'Satz', replace: 'Zeile', wholeWord: true, caseSensitive: true };
    services.propagation.apply(doc.id, rule, [rows[0]!.id]);
    const SATZ = { ...REPLACE, find: 'Satz', replace: 'Zeile' };
    // Each preview reads the sentences the replace of "Datei" writes: asked once its first step is written.
    const previews = bulkPreviews(handlers, services, doc.id, rows[0]!.id, rule, SATZ);
    for (const [channel, between, atOnce] of previews) {
      const replacing = Promise.resolve(
        handlers['replace.apply']({ documentId: doc.id, ...REPLACE, segmentIds: rows.slice(1).map((r) => r.id) }),
      );
      const preview = await between();
      expect((await replacing).segments, channel).toHaveLength(99);
      expect(preview, channel).toEqual(atOnce());
      await handlers['documents.undo']({ documentId: doc.id });
    }
  });

  it('reads a bulk preview again when a bulk write of the document starts between its steps', async () => {
    const { services, doc, rows } = book(1000);
    // A step a turn of the event loop, so the write surely starts between two of the preview's steps.
    const bulk = bulkWrites({ budgetMs: 0 });
    const SATZ = { ...REPLACE, find: 'Satz', replace: 'Zeile' };
    let reads = 0;
    const previewing = bulk.preview(doc.id, () => (reads++, services.replace.previewSteps(doc.id, SATZ)));
    await new Promise((resolve) => setImmediate(resolve)); // its first page read
    // The write takes sentences of the preview's second page (it reads 500 a step).
    const replacing = bulk.run(doc.id, () => services.replace.applySteps(doc.id, REPLACE, rows.slice(500, 600).map((r) => r.id)));
    const [preview, outcome] = await Promise.all([previewing, replacing]);
    expect(outcome.segments).toHaveLength(100);
    expect(reads).toBe(2);
    expect(preview).toEqual(services.replace.preview(doc.id, SATZ));
  });

  it('tells how far a bulk write has got, and stops it after its current step: what it wrote stays, as one undoable step', async () => {
    const { services, doc, rows } = book(200);
    const handlers = createHandlers(services, scriptedDialogs(), SAMPLE);
    expect(await handlers['batches.progress']({ documentId: doc.id })).toBeNull();
    expect(await handlers['batches.stop']({ documentId: doc.id })).toEqual({ stopping: false });
    const replacing = Promise.resolve(handlers['replace.apply']({ documentId: doc.id, ...REPLACE, segmentIds: rows.map((r) => r.id) }));
    await handlers['segments.page']({ documentId: doc.id, offset: 0, limit: 1 });
    const progress = await handlers['batches.progress']({ documentId: doc.id });
    expect(progress!.total).toBe(200);
    expect(progress!.done).toBeGreaterThan(0);
    expect(progress!.done).toBeLessThan(200);
    expect(await handlers['batches.stop']({ documentId: doc.id })).toEqual({ stopping: true });
    const outcome = await replacing;
    const written = outcome.segments.length;
    expect(written).toBeGreaterThanOrEqual(progress!.done);
    expect(written).toBeLessThan(200);
    expect(outcome.batch.label).toBe(`Replace “Datei” → “Akte” (${written})`);
    const now = services.segments.page(doc.id, 0, 200).items;
    expect(now.filter((s) => s.currentText.includes('Akte')).map((s) => s.id)).toEqual(outcome.segments.map((s) => s.id));
    expect(await handlers['batches.progress']({ documentId: doc.id })).toBeNull();
    // Undone as one step: every sentence it wrote, and only those.
    expect((await handlers['documents.undo']({ documentId: doc.id })).segments).toHaveLength(written);
    expect(services.segments.page(doc.id, 0, 200).items.some((s) => s.currentText.includes('Akte'))).toBe(false);
  });

  it('runs an undo to its end: it cannot be stopped part way, which would leave the rest of its step out of reach', async () => {
    const { services, doc, rows } = book(200);
    const handlers = createHandlers(services, scriptedDialogs(), SAMPLE);
    await handlers['replace.apply']({ documentId: doc.id, ...REPLACE, segmentIds: rows.map((r) => r.id) });
    const undoing = Promise.resolve(handlers['documents.undo']({ documentId: doc.id }));
    await handlers['segments.page']({ documentId: doc.id, offset: 0, limit: 1 });
    expect(await handlers['batches.progress']({ documentId: doc.id })).toMatchObject({ total: 200, stoppable: false });
    expect(await handlers['batches.stop']({ documentId: doc.id })).toEqual({ stopping: false });
    expect((await undoing).segments).toHaveLength(200);
  });

  it('a stop asked while fix all works out its fixes writes nothing, and says so', async () => {
    const { services, doc, rows } = book(1500);
    services.checks.document(doc.id);
    const handlers = createHandlers(services, scriptedDialogs(), SAMPLE);
    const ids = (await handlers['fixes.preview']({ documentId: doc.id, check: 'spacing' })).map((change) => change.segmentId);
    const fixing = Promise.resolve(handlers['fixes.applyAll']({ documentId: doc.id, check: 'spacing', segmentIds: ids }));
    await handlers['segments.page']({ documentId: doc.id, offset: 0, limit: 1 });
    expect(await handlers['batches.stop']({ documentId: doc.id })).toEqual({ stopping: true });
    await expect(fixing).rejects.toThrow(new RedlineError('cancelled', 'Stopped before any sentence was written: nothing was changed.'));
    expect(services.batches.state(doc.id).undo).toBeNull();
    expect(services.segments.get(rows[1]!.id).currentText).toBe(rows[1]!.currentText);
  });

  it('lets a failed run go: the next one of the document runs', async () => {
    const bulk = bulkWrites();
    await expect(
      bulk.run(1, function* () {
        yield;
        throw new RedlineError('bad_input', 'nothing to change');
      }),
    ).rejects.toThrow('nothing to change');
    expect(bulk.running(1)).toBe(false);
    expect(await bulk.run(1, function* () {
      yield;
      return 7;
    })).toBe(7);
  });
});

describe('deleting a book, a few sentences a step', () => {
  const rowsOf = (file: string, documentId: number) => {
    const raw = new Database(file, { nativeBinding: nodeNativeBinding(), readonly: true });
    try {
      const count = (sql: string) => raw.prepare(sql).pluck().get(documentId) as number;
      return {
        documents: count('SELECT count(*) FROM documents WHERE id = ?'),
        segments: count('SELECT count(*) FROM segments WHERE document_id = ?'),
        revisions: count('SELECT count(*) FROM revisions r JOIN segments s ON s.id = r.segment_id WHERE s.document_id = ?'),
        flags: count('SELECT count(*) FROM segment_flags WHERE document_id = ?'),
      };
    } finally {
      raw.close();
    }
  };

  it('hides the document at once, answers other requests meanwhile, and leaves nothing of it', async () => {
    const { services, doc, databaseFile } = book(1500);
    services.checks.document(doc.id);
    const kept = services.openSample(SAMPLE);
    const handlers = createHandlers(services, scriptedDialogs(), SAMPLE);
    let deleted = false;
    const deleting = Promise.resolve(handlers['documents.delete']({ documentId: doc.id })).finally(() => (deleted = true));
    // Gone from the library from the first step; the other document is read meanwhile.
    expect((await handlers['documents.list']({})).map((d) => d.id)).toEqual([kept.id]);
    expect(deleted).toBe(false);
    expect(await deleting).toBeNull();
    expect(rowsOf(databaseFile, doc.id)).toEqual({ documents: 0, segments: 0, revisions: 0, flags: 0 });
    expect(services.segments.page(kept.id, 0, 5).items).toHaveLength(5);
    expect(() => services.documents.summary(doc.id)).toThrow(`There is no document with id ${doc.id}`);
  });

  it('cut short by a crash, is finished at the next start, between requests', async () => {
    const { services, doc, databaseFile } = book(1500);
    const steps = services.documents.removeSteps(doc.id);
    steps.next(); // one step of sentences gone, then the app stops
    expect(services.documents.list().map((d) => d.id)).not.toContain(doc.id);
    services.close();
    const before = rowsOf(databaseFile, doc.id);
    expect(before.segments).toBeGreaterThan(0);
    expect(before.segments).toBeLessThan(1500);
    const reopened = createServices(databaseFile, { nativeBinding: nodeNativeBinding(), ownsStore: true });
    expect(reopened.documents.list().map((d) => d.id)).not.toContain(doc.id);
    expect(await reopened.whenHiddenRemoved()).toBe(true);
    reopened.close();
    expect(rowsOf(databaseFile, doc.id)).toEqual({ documents: 0, segments: 0, revisions: 0, flags: 0 });
  });

  it('refuses a document that is not there, and one being deleted', () => {
    const { services, doc } = book(10);
    expect(() => services.documents.removeSteps(9999)).toThrow('There is no document with id 9999');
    services.documents.removeSteps(doc.id);
    expect(() => services.documents.removeSteps(doc.id)).toThrow(`There is no document with id ${doc.id}`);
  });
});
