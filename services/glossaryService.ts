import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { CHECK_IDS } from '../core/checks/types';
import { checkSettingsPathFor, checkSettingsToJson, parseCheckSettings } from '../core/formats/checkSettingsFile';
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
        if (id === undefined) id = store.glossary.add(cleaned, clock());
        else {
          if (!store.glossary.get(id)) throw new RedlineError('not_found', `There is no glossary term with id ${id}.`);
          store.glossary.update(id, cleaned, clock());
        }
      } catch (error) {
        if (/UNIQUE/.test(String(error))) {
          throw new RedlineError('bad_input', `The glossary already has “${cleaned.preferred}”: change its variants or note in its row.`);
        }
        throw error;
      }
      return store.glossary.get(id)!;
    },

    remove(id: number): void {
      if (!store.glossary.remove(id)) throw new RedlineError('not_found', `There is no glossary term with id ${id}.`);
    },

    /** Writes the terms to a CSV, and the global check settings and word list beside it (core/formats/checkSettingsFile). */
    exportCsv(path: string): { path: string; count: number; settingsPath: string } {
      const terms = store.glossary.list();
      writeFileAtomically(path, Buffer.from(glossaryToCsv(terms), 'utf8'));
      const settingsPath = checkSettingsPathFor(path);
      const settings = { settings: store.checkSettings.settings(null), words: store.checkSettings.words() };
      writeFileAtomically(settingsPath, Buffer.from(checkSettingsToJson(settings), 'utf8'));
      return { path, count: terms.length, settingsPath };
    },

    /** Reads terms from a CSV (columns preferred, forbidden with variants separated by "|", and note). */
    importCsv(path: string): { count: number; settingsImported: boolean } {
      const entries = readGlossaryFile(path);
      // The settings exported beside it, when there: read (and refused) before anything is stored.
      const settingsPath = checkSettingsPathFor(path);
      const shared = existsSync(settingsPath) ? parseCheckSettings(decodeTextFile(readInputFile(settingsPath), basename(settingsPath)).text, basename(settingsPath)) : null;
      store.transaction(() => {
        entries.forEach((entry) => store.glossary.save(entry, clock()));
        if (shared) {
          for (const check of CHECK_IDS) {
            const setting = shared.settings[check];
            if (setting) store.checkSettings.setSetting(null, check, setting, clock());
          }
          const known = new Set(store.checkSettings.words());
          for (const word of shared.words) if (!known.has(word)) store.checkSettings.addWord(word, clock());
        }
      });
      return { count: entries.length, settingsImported: shared !== null };
    },
  };
}

export type GlossaryService = ReturnType<typeof glossaryService>;
