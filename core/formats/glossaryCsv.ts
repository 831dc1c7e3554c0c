import type { NewGlossaryEntry } from '../model/glossary';
import { RedlineError } from '../model/errors';
import { parseCsv, toCsv } from './csv';

/** In the CSV, a term's forbidden variants share one cell, separated by this. */
export const VARIANT_SEPARATOR = '|';

/** A glossary entry with its spellings trimmed, its variants unique and none equal to the preferred term. */
export function cleanGlossaryEntry(entry: NewGlossaryEntry): NewGlossaryEntry {
  const preferred = entry.preferred.trim();
  if (!preferred) throw new RedlineError('bad_input', 'A glossary term needs its preferred spelling.');
  const forbidden = [...new Set(entry.forbidden.map((v) => v.trim()).filter((v) => v && v !== preferred))];
  return { preferred, forbidden, note: entry.note?.trim() ?? '' };
}

/** Reads glossary terms from CSV: columns preferred, forbidden (variants separated by "|"), note. */
export function parseGlossaryCsv(text: string, name: string): NewGlossaryEntry[] {
  const records = parseCsv(text, name);
  if (records.length > 0 && !('preferred' in records[0]!)) {
    throw new RedlineError('bad_input', `${name} needs a “preferred” column (and “forbidden”, “note”).`);
  }
  return records.map((record, i) => {
    try {
      return cleanGlossaryEntry({
        preferred: record.preferred ?? '',
        forbidden: (record.forbidden ?? '').split(VARIANT_SEPARATOR),
        note: record.note,
      });
    } catch (error) {
      throw new RedlineError('bad_input', `${name}, line ${i + 2}: ${(error as Error).message}`);
    }
  });
}

export function glossaryToCsv(entries: readonly NewGlossaryEntry[]): string {
  return toCsv(
    ['preferred', 'forbidden', 'note'],
    entries.map((t) => ({ preferred: t.preferred, forbidden: t.forbidden.join(VARIANT_SEPARATOR), note: t.note ?? '' })),
  );
}
