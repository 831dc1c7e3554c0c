import fc from 'fast-check';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createServices } from '../../services';
import { makeTempDir } from '../db/testDb';
import { FIXED_TIME, SAMPLE } from '../electron/support';
import { ignoredLists, nameFacts, namesIndex, recomputed, run, step, type Step } from './support/storedFlagsSteps';

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
            const facts = nameFacts(raw, services, doc.id);
            expect(facts.stored).toEqual(facts.expected);
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
