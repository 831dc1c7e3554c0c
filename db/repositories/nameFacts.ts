import type { Database } from 'better-sqlite3';
import type { DocumentFacts } from '../../core/checks/dependencies';

/** How one spelling stands in a document: a known name, and (or) a spelling with a more usual variant. */
export interface NameStanding {
  known: boolean;
  /** [preferred, count, tie], as DocumentFacts has it; null when the spelling has no more usual variant. */
  variant: readonly [string, number, boolean] | null;
}

type NameFacts = Pick<DocumentFacts, 'known' | 'variants'>;

interface FactRow {
  form: string;
  known: number;
  preferred: string | null;
  count: number | null;
  tie: number | null;
}

/**
 * The names a checked document's stored flags were computed against (migration 0015), a row per spelling, so a
 * save that changes how a few names stand writes those rows only.
 */
export function nameFactsRepository(db: Database) {
  const all = db.prepare(
    'SELECT form, known, preferred, count, tie FROM document_name_facts WHERE document_id = ? ORDER BY form',
  );
  const upsert = db.prepare(
    `INSERT INTO document_name_facts (document_id, form, known, preferred, count, tie) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (document_id, form) DO UPDATE SET known = excluded.known, preferred = excluded.preferred,
       count = excluded.count, tie = excluded.tie`,
  );
  const page = db.prepare(
    'SELECT form, known, preferred, count, tie FROM document_name_facts WHERE document_id = ? AND form > ? ORDER BY form LIMIT ?',
  );
  const remove = db.prepare('DELETE FROM document_name_facts WHERE document_id = ? AND form = ?');
  const clear = db.prepare('DELETE FROM document_name_facts WHERE document_id = ?');

  function write(documentId: number, form: string, standing: NameStanding): void {
    if (!standing.known && !standing.variant) {
      remove.run(documentId, form);
      return;
    }
    const [preferred, count, tie] = standing.variant ?? [null, null, null];
    upsert.run(documentId, form, standing.known ? 1 : 0, preferred, count, tie === null ? null : tie ? 1 : 0);
  }

  return {
    /** Every stored name of a document, as DocumentFacts lists them (known names sorted, variants by form). */
    all(documentId: number): NameFacts {
      const known: string[] = [];
      const variants: NameFacts['variants'] = [];
      for (const row of all.all(documentId) as FactRow[]) {
        if (row.known === 1) known.push(row.form);
        if (row.preferred !== null) variants.push([row.form, row.preferred, row.count!, row.tie === 1]);
      }
      return { known, variants };
    },
    /** The stored spellings after `afterForm` (in form order, '' for the first), at most `limit`: read a page at a time. */
    page(documentId: number, afterForm: string, limit: number): Array<readonly [string, NameStanding]> {
      return (page.all(documentId, afterForm, limit) as FactRow[]).map((row) => [
        row.form,
        { known: row.known === 1, variant: row.preferred === null ? null : [row.preferred, row.count!, row.tie === 1] },
      ]);
    },
    /** Stores a document's names in place of what it had. The caller runs it in the write's transaction. */
    replace(documentId: number, facts: NameFacts): void {
      clear.run(documentId);
      const standings = new Map<string, NameStanding>();
      for (const form of facts.known) standings.set(form, { known: true, variant: null });
      for (const [form, preferred, count, tie] of facts.variants) {
        standings.set(form, { known: standings.has(form), variant: [preferred, count, tie] });
      }
      for (const [form, standing] of standings) write(documentId, form, standing);
    },
    /** Sets how some spellings stand (a spelling that is neither a name nor a variant any more is removed). */
    set(documentId: number, standings: Iterable<readonly [string, NameStanding]>): void {
      for (const [form, standing] of standings) write(documentId, form, standing);
    },
  };
}

export type NameFactsRepository = ReturnType<typeof nameFactsRepository>;
