import type { Database } from 'better-sqlite3';
import type { FixRule, NewFixRule } from '../../core/model/fixRule';

type Row = Omit<FixRule, 'wholeWord' | 'caseSensitive' | 'enabled'> & {
  wholeWord: number;
  caseSensitive: number;
  enabled: number;
};

const COLUMNS = `id, find, replace, whole_word AS wholeWord, case_sensitive AS caseSensitive, enabled, uses,
  created_at AS createdAt, updated_at AS updatedAt`;

const toRule = (row: Row): FixRule => ({
  ...row,
  wholeWord: row.wholeWord === 1,
  caseSensitive: row.caseSensitive === 1,
  enabled: row.enabled === 1,
});

const flag = (value: boolean | undefined, fallback: boolean) => ((value ?? fallback) ? 1 : 0);

/** The fix memory: rules learnt from the editor's corrections, shared by all documents. */
export function fixRulesRepository(db: Database) {
  const all = db.prepare(`SELECT ${COLUMNS} FROM fix_rules ORDER BY updated_at DESC, id DESC`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM fix_rules WHERE id = ?`);
  // Learning the same correction again re-enables it and counts its new uses.
  const upsert = db.prepare(
    `INSERT INTO fix_rules (find, replace, whole_word, case_sensitive, enabled, uses, created_at, updated_at)
     VALUES (@find, @replace, @wholeWord, @caseSensitive, @enabled, @uses, @at, @at)
     ON CONFLICT (find, whole_word, case_sensitive)
     DO UPDATE SET replace = excluded.replace, enabled = excluded.enabled, uses = uses + excluded.uses,
                   updated_at = excluded.updated_at
     RETURNING id`,
  );
  const update = db.prepare(
    `UPDATE fix_rules SET find = @find, replace = @replace, whole_word = @wholeWord, case_sensitive = @caseSensitive,
       enabled = @enabled, updated_at = @at WHERE id = @id`,
  );
  const addUses = db.prepare('UPDATE fix_rules SET uses = uses + ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM fix_rules WHERE id = ?');

  return {
    list(): FixRule[] {
      return (all.all() as Row[]).map(toRule);
    },
    get(id: number): FixRule | undefined {
      const row = byId.get(id) as Row | undefined;
      return row && toRule(row);
    },
    /** Stores a rule (or strengthens the same one) and returns its id. */
    learn(rule: NewFixRule, uses: number, at: number): number {
      const row = upsert.get({
        find: rule.find,
        replace: rule.replace,
        wholeWord: flag(rule.wholeWord, true),
        caseSensitive: flag(rule.caseSensitive, true),
        enabled: flag(rule.enabled, true),
        uses,
        at,
      }) as { id: number };
      return row.id;
    },
    update(rule: FixRule, at: number): void {
      update.run({
        id: rule.id,
        find: rule.find,
        replace: rule.replace,
        wholeWord: rule.wholeWord ? 1 : 0,
        caseSensitive: rule.caseSensitive ? 1 : 0,
        enabled: rule.enabled ? 1 : 0,
        at,
      });
    },
    countUses(id: number, uses: number, at: number): void {
      addUses.run(uses, at, id);
    },
    remove(id: number): boolean {
      return remove.run(id).changes > 0;
    },
  };
}

export type FixRulesRepository = ReturnType<typeof fixRulesRepository>;
