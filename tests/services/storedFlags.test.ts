import fc from 'fast-check';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createServices, type Services } from '../../services';
import { RECHECK_ON_WRITE } from '../../services/storedFlags';
import { makeTempDir } from '../db/testDb';
import { FIXED_TIME, SAMPLE } from '../electron/support';
import { FIXED_ALL, ignoredLists, nameFacts, namesIndex, recomputed, recomputedFixes, storedView, run, step, type Step } from './support/storedFlagsSteps';

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
        expect(storedView(services, doc.id), s.kind).toEqual(recomputed(services, doc.id));
        expect(storedView(other, doc.id)).toEqual(recomputed(other, doc.id));
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
            expect(storedView(services, doc.id)).toEqual(recomputed(services, doc.id));
            const names = namesIndex(raw, services, doc.id);
            expect(names.stored).toEqual(names.expected);
            const facts = nameFacts(raw, services, doc.id);
            expect(facts.stored).toEqual(facts.expected);
          }
          // "Fix all" previews from the stored flags and the kept context what a from-scratch check would fix.
          for (const check of FIXED_ALL) expect(services.checks.previewAll(doc.id, check), check).toEqual(recomputedFixes(services, doc.id, check));
        } finally {
          raw.close();
          other.close();
          services.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 600_000);

  // A save re-checks a written sentence alone when what its paragraph reads of it stays the same (its quotation
  // balance, its edges): these two cases are where the context's last patch does not tell what that was for the
  // stored flags. The second sentence's stray ” is paired only while the first opens a quotation.
  const QUOTED = 'The minister spoke first. He said the plan was over” and left.\n\nAnother paragraph follows.\n';
  const open = (services: Services) => {
    const doc = services.documents.importText({ fileName: 'quoted.txt', title: 'Quoted', text: QUOTED, hasBom: false });
    services.checks.document(doc.id);
    const [first, second] = services.segments.page(doc.id, 0, 10).items;
    expect(second!.paragraph).toBe(first!.paragraph);
    return { doc, first: first!, second: second! };
  };
  const flagsOf = (services: Services, documentId: number, segmentId: number) =>
    services.checks.document(documentId).segments.find((s) => s.segmentId === segmentId)?.flags.map((f) => f.check) ?? [];

  it('re-check the paragraph when another process wrote the sentence since this one last looked, even back to what it saw', () => {
    const file = join(temp.dir, 'store-paragraph-other.sqlite');
    const services = createServices(file, { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    const other = createServices(file, { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    try {
      ignoredLists.set(services, new Map());
      const { doc, first, second } = open(services);
      expect(flagsOf(services, doc.id, second.id)).toContain('quotes-brackets');
      other.segments.update(first.id, `“${first.currentText}`); // opens a quotation: the stray ” is paired
      expect(flagsOf(other, doc.id, second.id)).not.toContain('quotes-brackets');
      // Back, in what the paragraph reads, to the text this process last saw: two revisions since it looked.
      services.segments.update(first.id, `${first.currentText} Then`);
      expect(storedView(services, doc.id)).toEqual(recomputed(services, doc.id));
      expect(flagsOf(services, doc.id, second.id)).toContain('quotes-brackets');
    } finally {
      other.close();
      services.close();
    }
  });

  it('re-check the paragraph of writes that awaited their check, though the context followed them since', () => {
    const services = createServices(join(temp.dir, 'store-paragraph-awaiting.sqlite'), { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    try {
      ignoredLists.set(services, new Map());
      const { doc, first, second } = open(services);
      const term = services.glossary.save({ preferred: 'Zyzzyva', forbidden: ['Zizziva'] }); // other options: writes await
      const opened = `“${first.currentText}`;
      services.segments.update(first.id, opened);
      services.checks.segment(first.id, opened); // the typed sentence's live check follows the write
      services.segments.update(first.id, `${opened} Then`); // what the paragraph reads of it stays the same
      services.checks.segment(first.id, `${opened} Then`);
      services.glossary.remove(term.id);
      expect(storedView(services, doc.id)).toEqual(recomputed(services, doc.id));
      expect(flagsOf(services, doc.id, second.id)).not.toContain('quotes-brackets');
    } finally {
      services.close();
    }
  });

  it('re-check the paragraph of a write that lands before a build between requests has read the texts', () => {
    const file = join(temp.dir, 'store-paragraph-warming.sqlite');
    const earlier = createServices(file, { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    ignoredLists.set(earlier, new Map());
    const { doc, first, second } = open(earlier);
    earlier.close();
    const services = createServices(file, { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    try {
      ignoredLists.set(services, new Map());
      expect(services.checks.warm(doc.id)).not.toBeNull(); // started, not yet stepped: it reads the texts the write leaves
      services.segments.update(first.id, `“${first.currentText}`);
      expect(storedView(services, doc.id)).toEqual(recomputed(services, doc.id));
      expect(flagsOf(services, doc.id, second.id)).not.toContain('quotes-brackets');
    } finally {
      services.close();
    }
  });
  it('mark the flags stale when a write reaches more sentences than a write re-checks, and the next read checks the document whole', () => {
    const services = createServices(join(temp.dir, 'store-stale.sqlite'), { clock: () => FIXED_TIME, nativeBinding: nodeNativeBinding() });
    try {
      ignoredLists.set(services, new Map());
      // One paragraph of more sentences than a write re-checks (MT that lost its line breaks), one with a stray ”.
      const sentences = Array.from({ length: RECHECK_ON_WRITE + 50 }, (_, i) => (i === 40 ? 'He said the plan was over” and left.' : `Sentence ${i} is here.`));
      const doc = services.documents.importText({ fileName: 'one.txt', title: 'One', text: `Title\n\n${sentences.join(' ')}\n`, hasBom: false });
      services.checks.document(doc.id);
      const rows = services.segments.page(doc.id, 0, 10).items;
      expect(rows[9]!.paragraph).toBe(rows[1]!.paragraph);
      services.segments.update(rows[5]!.id, `${rows[5]!.currentText} More.`); // quiet: kept in the write
      expect(services.checks.isChecked(doc.id)).toBe(true);
      services.segments.update(rows[3]!.id, `“${rows[3]!.currentText}`); // the paragraph's balance: all of it
      expect(services.checks.isChecked(doc.id)).toBe(false);
      expect(storedView(services, doc.id)).toEqual(recomputed(services, doc.id));
      expect(services.checks.isChecked(doc.id)).toBe(true);
    } finally {
      services.close();
    }
  }, 120_000);
});
