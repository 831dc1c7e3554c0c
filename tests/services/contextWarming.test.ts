import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createServices } from '../../services';
import { contextWarming } from '../../services/contextWarming';
import { makeTempDir } from '../db/testDb';
import { FIXED_TIME, SAMPLE } from '../electron/support';
import Database from 'better-sqlite3';
import { ignoredLists, nameFacts, recomputed, storedView, run, step } from './support/storedFlagsSteps';

describe('the check context built between requests', () => {
  const temp = makeTempDir();
  afterEach(() => temp.cleanup());

  // Three times the sample (273 sentences): its build yields within each phase, not only after reading the rows.
  const BOOK = { ...SAMPLE, text: [SAMPLE.text, SAMPLE.text, SAMPLE.text].join('\n\n') };

  /** A store whose documents were checked whole by an earlier process: the new one has no context cached. */
  function checkedStore(name: string) {
    let now = FIXED_TIME;
    const file = join(temp.dir, name);
    const clock = () => (now += 1000);
    const earlier = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
    const doc = earlier.openSample(BOOK);
    const second = earlier.openSample(SAMPLE);
    earlier.checks.document(doc.id);
    earlier.checks.document(second.id);
    earlier.close();
    return { file, clock, documentId: doc.id, secondId: second.id };
  }

  it('keeps the stored flags equal to a from-scratch check when writes, by this process or another, land between its steps', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), step, fc.boolean()), { minLength: 1, maxLength: 6 }),
        (writes) => {
          const { file, clock, documentId } = checkedStore(`warm-${n++}.sqlite`);
          const services = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
          const other = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
          try {
            const ignored = new Map<number, Set<string>>();
            ignoredLists.set(services, ignored);
            ignoredLists.set(other, ignored);
            const steps = services.checks.warm(documentId);
            expect(steps).not.toBeNull();
            let finished = false;
            for (const [stepsBefore, s, byOther] of writes) {
              for (let k = 0; k < stepsBefore && !finished; k++) finished = steps!.next().done === true;
              run(byOther ? other : services, documentId, s);
              expect(storedView(services, documentId)).toEqual(recomputed(services, documentId));
            }
            while (!finished) finished = steps!.next().done === true;
            run(services, documentId, { kind: 'edit', at: 3, change: 0 });
            expect(storedView(services, documentId)).toEqual(recomputed(services, documentId));
            const raw = new Database(file, { nativeBinding: nodeNativeBinding(), readonly: true });
            try {
              const facts = nameFacts(raw, services, documentId);
              expect(facts.stored).toEqual(facts.expected);
            } finally {
              raw.close();
            }
          } finally {
            other.close();
            services.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 600_000);

  it('finds, between requests, the names the stored ones lack, and the next save stores them', () => {
    const { file, clock, documentId } = checkedStore('warm-names.sqlite');
    // Stored names that lag behind the texts (as after writes that awaited their check): a name is missing…
    const writer = new Database(file, { nativeBinding: nodeNativeBinding() });
    expect(writer.prepare("DELETE FROM document_name_facts WHERE form = 'Tokayev' AND document_id = ?").run(documentId).changes).toBe(1);
    // …and a spelling's variant is stored with another count.
    expect(writer.prepare('UPDATE document_name_facts SET count = count + 5 WHERE preferred IS NOT NULL AND document_id = ?').run(documentId).changes).toBeGreaterThan(0);
    writer.close();
    const services = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
    const raw = new Database(file, { nativeBinding: nodeNativeBinding(), readonly: true });
    try {
      const steps = services.checks.warm(documentId)!;
      while (steps.next().done !== true);
      const far = services.segments.page(documentId, 200, 1).items[0]!;
      expect(far.currentText).not.toContain('Tokayev');
      services.segments.update(far.id, `${far.currentText} Noted.`);
      const facts = nameFacts(raw, services, documentId);
      expect(facts.stored).toEqual(facts.expected);
      expect(storedView(services, documentId)).toEqual(recomputed(services, documentId));
    } finally {
      raw.close();
      services.close();
    }
  });

  it('has nothing to build once built, or for a document never checked', () => {
    const { file, clock, documentId } = checkedStore('warm-once.sqlite');
    const services = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
    try {
      const steps = services.checks.warm(documentId)!;
      expect(services.checks.warm(documentId)).toBeNull(); // being built
      let yields = 0;
      while (!steps.next().done) yields++;
      expect(yields).toBeGreaterThanOrEqual(4); // one in each pass over the 273 sentences: the event loop gets turns
      expect(services.checks.warm(documentId)).toBeNull(); // built
      const unchecked = services.openSample(SAMPLE);
      expect(services.checks.warm(unchecked.id)).toBeNull();
      expect(services.checks.warm(9999)).toBeNull();
    } finally {
      services.close();
    }
  });

  it('stops a build started between requests when the document is checked whole meanwhile', () => {
    const { file, clock, documentId } = checkedStore('warm-whole.sqlite');
    const services = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
    try {
      const steps = services.checks.warm(documentId)!;
      expect(steps.next().done).toBe(false);
      services.checks.addWord('Astana'); // another word list: the next read checks the document whole
      expect(services.checks.isChecked(documentId)).toBe(false);
      services.checks.document(documentId);
      expect(steps.next().done).toBe(true);
      expect(services.checks.warm(documentId)).toBeNull(); // the whole check built the context
    } finally {
      services.close();
    }
  });

  it('builds for one document at a time: opening another stops the build for the one before', async () => {
    const { file, clock, documentId, secondId } = checkedStore('warm-two.sqlite');
    const services = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
    const second = { id: secondId };
    try {
      let turns = 0;
      const warming = contextWarming(services.checks, { budgetMs: 0, pause: () => (turns++, Promise.resolve()) });
      const first = warming.open(documentId);
      expect(warming.open(documentId)).toBe(first); // asked again while building: the same build
      const other = warming.open(second.id);
      expect(await first).toBe(false); // stopped
      expect(await other).toBe(true);
      expect(turns).toBeGreaterThan(0);
      expect(warming.building(second.id)).toBe(false);
      // The stopped build left nothing half-made: the first document builds afresh.
      expect(services.checks.warm(documentId)).not.toBeNull();
      expect(services.checks.warm(second.id)).toBeNull();
    } finally {
      services.close();
    }
  });

  it('a document opened again before the stop of its build took effect goes on building (A, B, A)', async () => {
    const { file, clock, documentId, secondId } = checkedStore('warm-aba.sqlite');
    const services = createServices(file, { clock, nativeBinding: nodeNativeBinding() });
    try {
      const warming = contextWarming(services.checks, { budgetMs: 0, pause: () => Promise.resolve() });
      const first = warming.open(documentId);
      void warming.open(secondId); // the sample: built in its first step, before anything can stop it
      expect(warming.open(documentId)).toBe(first);
      expect(warming.building(documentId)).toBe(true);
      expect(await first).toBe(true); // built, not stopped
      expect(services.checks.warm(documentId)).toBeNull(); // nothing left to build
    } finally {
      services.close();
    }
  });
});
