import { basename } from 'node:path';
import { cleanGlossaryEntry, glossaryToCsv, parseGlossaryCsv } from '../core/formats/glossaryCsv';
import { RedlineError } from '../core/model/errors';
import type { GlossaryEntry, NewGlossaryEntry } from '../core/model/glossary';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';
import { readInputFile, writeFileAtomically } from './files';
import { decodeTextFile } from './textFile';

/** The glossary entries of a CSV file the editor chose (see core/formats/glossaryCsv.ts). */
export function readGlossaryFile(path: string): NewGlossaryEntry[] {
  const name = basename(path);
  return parseGlossaryCsv(decodeTextFile(readInputFile(path), name).text, name);
}

export function glossaryService(store: Store, clock: Clock) {
  return {
    list: (): GlossaryEntry[] => store.glossary.list(),

    save(entry: NewGlossaryEntry, id?: number): GlossaryEntry {
      const cleaned = cleanGlossaryEntry(entry);
      try {
        if (id === undefined) id = store.glossary.save(cleaned, clock());
        else {
          if (!store.glossary.get(id)) throw new RedlineError('not_found', `There is no glossary term with id ${id}.`);
          store.glossary.update(id, cleaned, clock());
        }
      } catch (error) {
        if (/UNIQUE/.test(String(error))) {
          throw new RedlineError('bad_input', `The glossary already has “${cleaned.preferred}”.`);
        }
        throw error;
      }
      return store.glossary.get(id)!;
    },

    remove(id: number): void {
      if (!store.glossary.remove(id)) throw new RedlineError('not_found', `There is no glossary term with id ${id}.`);
    },

    exportCsv(path: string): { path: string; count: number } {
      const terms = store.glossary.list();
      writeFileAtomically(path, Buffer.from(glossaryToCsv(terms), 'utf8'));
      return { path, count: terms.length };
    },

    /** Reads terms from a CSV (columns preferred, forbidden with variants separated by "|", and note). */
    importCsv(path: string): { count: number } {
      const entries = readGlossaryFile(path);
      store.transaction(() => entries.forEach((entry) => store.glossary.save(entry, clock())));
      return { count: entries.length };
    },
  };
}

export type GlossaryService = ReturnType<typeof glossaryService>;
