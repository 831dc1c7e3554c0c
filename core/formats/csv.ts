import Papa from 'papaparse';
import { RedlineError } from '../model/errors';

/** Reads a CSV (or TSV) table with a header row into records keyed by lower-cased header; errors name the line. */
export function parseCsv(text: string, name: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  // A one-column table has no delimiter to detect; that is not an error in the data.
  const error = parsed.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (error) {
    const line = error.row === undefined ? '' : ` on line ${error.row + 2}`;
    throw new RedlineError('bad_input', `${name} is not a valid CSV file${line}: ${error.message}.`);
  }
  return parsed.data;
}

/** Writes records as CSV with a header row, quoting where needed, CRLF line ends (what spreadsheets expect). */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, string | number | boolean>>): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((c) => row[c] ?? '')) }, { newline: '\r\n' });
}
