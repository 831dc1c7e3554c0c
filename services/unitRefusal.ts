import { numberList, restoreTags, tagNumber, tagProblems } from '../core/checks/tags';
import { isDeletedWhole } from '../core/formats/keptTags';
import type { UnitError } from '../core/formats/units';
import { RedlineError } from '../core/model/errors';
import type { UnitRow } from '../db/repositories/segments';

/**
 * A format writer refuses a unit by its key in the file ("p1.2", "tu1/1"), which the editor never sees. The
 * refusal is told again by sentence number (the grid's), with every sentence whose tags the file refuses too,
 * so one export names them all rather than one a try.
 */

/** Sentences a refusal names at most; the Tags flag lists the rest. */
const NAMED = 5;

const tags = (list: readonly string[]): string => `${list.length === 1 ? 'tag' : 'tags'} ${numberList(list.map(tagNumber))}`;

interface Trouble {
  position: number;
  /** What is wrong, to follow "Sentence 12 ": "lost tags 1 and 2 of its MT". */
  clause: string;
  /** Only tags missing: how many. */
  missing: number;
  /** Only tags missing, and the Tags flag's fix puts every one back. */
  restorable: boolean;
}

/** What is wrong with a sentence's tags against its MT's (the same as the Tags check finds), or null. */
function troubleOf(row: UnitRow): Trouble | null {
  if (row.text === row.mtText) return null;
  const problems = tagProblems(row.text, row.mtText, row.source);
  const at = (offsets: readonly number[]) => [...new Set(offsets.map((k) => row.text[k]!))];
  const clauses: string[] = [];
  // A sentence deleted whole may lose its tags (keptTags.ts); where it may not, the writer's refusal says why.
  if (isDeletedWhole(row.text)) problems.missing = [];
  if (problems.missing.length > 0) clauses.push(`lost ${tags(problems.missing)} of its MT`);
  if (problems.repeated.length > 0) clauses.push(`has ${tags(at(problems.repeated))} twice`);
  if (problems.foreign.length > 0) clauses.push(`has ${tags(at(problems.foreign))} that its MT does not have`);
  if (clauses.length === 0) return null;
  const missing = clauses.length === 1 ? problems.missing.length : 0;
  const restorable = missing > 0 && restoreTags(row.text, row.mtText, problems.missing) !== null;
  return { position: row.position, clause: clauses.join(' and '), missing, restorable };
}

/**
 * "Sentence 12 lost tags 1 and 2 of its MT; restore them (the Tags flag can) before exporting.", or for several
 * "Sentence 3 has tag 2 twice; sentence 12 lost tag 1 of its MT. Put their tags right (…) before exporting."
 */
function troublesMessage(troubles: readonly Trouble[]): string {
  const named = troubles.slice(0, NAMED).map((t, k) => `${k === 0 ? 'Sentence' : 'sentence'} ${t.position} ${t.clause}`);
  if (troubles.length > NAMED) named.push(`${troubles.length - NAMED} more sentences have tag problems too`);
  if (troubles.length === 1) {
    const [only] = troubles as [Trouble];
    const them = only.missing === 1 ? 'it' : 'them';
    const remedy =
      only.missing === 0
        ? 'put its tags right (the Tags flag marks them)'
        : only.restorable
          ? `restore ${them} (the Tags flag can)`
          : `restore ${them} around the words ${only.missing === 1 ? 'it marks' : 'they mark'}`;
    return `${named[0]}; ${remedy} before exporting.`;
  }
  const remedy = troubles.every((t) => t.restorable) ? 'Restore them (the Tags flag can)' : 'Put their tags right (the Tags flag marks them)';
  return `${named.join('; ')}. ${remedy} before exporting.`;
}

/** The writer's refusal of a unit, naming the sentences (by number) the file cannot be written with. */
export function sentenceRefusal(rows: readonly UnitRow[], error: UnitError): RedlineError {
  const troubles = rows.map(troubleOf).filter((t): t is Trouble => t !== null);
  const refused = rows.find((row) => row.key === error.unit);
  if (refused && troubles.some((t) => t.position === refused.position)) return new RedlineError('bad_input', troublesMessage(troubles));
  const own = refused ? `Sentence ${refused.position}: ${error.detail}` : error.message;
  return new RedlineError('bad_input', troubles.length === 0 ? own : `${own} Also, ${troublesMessage(troubles).replace(/^S/, 's')}`);
}
