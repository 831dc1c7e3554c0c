import type { Database } from 'better-sqlite3';
import type { GlossaryEntry, NewGlossaryEntry } from '../../core/model/glossary';

type Row = Omit<GlossaryEntry, 'forbidden'> & { forbidden: string };

const toEntry = (row: Row): GlossaryEntry => ({ ...row, forbidden: JSON.parse(row.forbidden) as string[] });

/** Preferred terms and the variants to replace by them, shared by all documents. */
export function glossaryRepository(db: Database) {
  const COLUMNS = 'id, preferred, forbidden, note, created_at AS createdAt, updated_at AS updatedAt';
  const all = db.prepare(`SELECT ${COLUMNS} FROM glossary_terms ORDER BY preferred COLLATE NOCASE`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM glossary_terms WHERE id = ?`);
  // A new term: a preferred spelling the glossary has already is refused (UNIQUE), never merged into it.
  const insert = db.prepare(
    `INSERT INTO glossary_terms (preferred, forbidden, note, created_at, updated_at)
     VALUES (@preferred, @forbidden, @note, @at, @at) RETURNING id`,
  );
  // A term imported again (by preferred spelling) replaces its variants and note.
  const upsert = db.prepare(
    `INSERT INTO glossary_terms (preferred, forbidden, note, created_at, updated_at)
     VALUES (@preferred, @forbidden, @note, @at, @at)
     ON CONFLICT (preferred) DO UPDATE SET forbidden = excluded.forbidden, note = excluded.note,
       updated_at = excluded.updated_at
     RETURNING id`,
  );
  const update = db.prepare(
    'UPDATE glossary_terms SET preferred = @preferred, forbidden = @forbidden, note = @note, updated_at = @at WHERE id = @id',
  );
  const remove = db.prepare('DELETE FROM glossary_terms WHERE id = ?');

  return {
    list(): GlossaryEntry[] {
      return (all.all() as Row[]).map(toEntry);
    },
    get(id: number): GlossaryEntry | undefined {
      const row = byId.get(id) as Row | undefined;
      return row && toEntry(row);
    },
    /** Adds a term; throws SQLite's UNIQUE error when its preferred spelling is there already. */
    add(entry: NewGlossaryEntry, at: number): number {
      return (insert.get({ ...entry, note: entry.note ?? '', forbidden: JSON.stringify(entry.forbidden), at }) as { id: number }).id;
    },
    /** Adds a term, or replaces the variants and note of the one with its preferred spelling (an import). */
    save(entry: NewGlossaryEntry, at: number): number {
      const row = upsert.get({ ...entry, note: entry.note ?? '', forbidden: JSON.stringify(entry.forbidden), at }) as {
        id: number;
      };
      return row.id;
    },
    update(id: number, entry: NewGlossaryEntry, at: number): void {
      update.run({ id, ...entry, note: entry.note ?? '', forbidden: JSON.stringify(entry.forbidden), at });
    },
    remove(id: number): boolean {
      return remove.run(id).changes > 0;
    },
  };
}

export type GlossaryRepository = ReturnType<typeof glossaryRepository>;
