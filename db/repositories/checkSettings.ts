import type { Database } from 'better-sqlite3';
import { RedlineError } from '../../core/model/errors';
import type { CheckId, CheckSetting, Languages, Severity } from '../../core/checks/types';

interface SettingRow {
  checkId: CheckId;
  enabled: number;
  severity: Severity | null;
  showPossible: number;
}

/** A document's languages, the user's word list and the settings of each kind of check (migration 0008). */
export function checkSettingsRepository(db: Database) {
  const getLanguages = db.prepare('SELECT source_lang AS source, target_lang AS target FROM documents WHERE id = ?');
  const setLanguages = db.prepare('UPDATE documents SET source_lang = ?, target_lang = ? WHERE id = ?');
  const addWord = db.prepare('INSERT INTO user_words (word, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const removeWord = db.prepare('DELETE FROM user_words WHERE word = ?');
  const allWords = db.prepare('SELECT word FROM user_words ORDER BY word');
  const settingsOf = db.prepare(
    `SELECT check_id AS checkId, enabled, severity, show_possible AS showPossible FROM check_settings
     WHERE document_id IS ? ORDER BY check_id`,
  );
  const upsert = db.prepare(
    `INSERT INTO check_settings (document_id, check_id, enabled, severity, show_possible, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (COALESCE(document_id, 0), check_id) DO UPDATE SET enabled = excluded.enabled, severity = excluded.severity,
       show_possible = excluded.show_possible, updated_at = excluded.updated_at`,
  );
  const clear = db.prepare('DELETE FROM check_settings WHERE document_id IS ? AND check_id = ?');
  const missing = (documentId: number) => new RedlineError('not_found', `There is no document with id ${documentId}.`);

  const toSettings = (rows: SettingRow[]): Partial<Record<CheckId, CheckSetting>> =>
    Object.fromEntries(
      rows.map((r) => [r.checkId, { enabled: r.enabled === 1, ...(r.severity ? { severity: r.severity } : {}), showPossible: r.showPossible === 1 }]),
    );

  return {
    languages(documentId: number): Languages {
      const row = getLanguages.get(documentId) as Languages | undefined;
      if (!row) throw missing(documentId);
      return row;
    },
    setLanguages(documentId: number, languages: Languages): void {
      if (setLanguages.run(languages.source, languages.target, documentId).changes === 0) throw missing(documentId);
    },
    words(): string[] {
      return (allWords.all() as Array<{ word: string }>).map((r) => r.word);
    },
    addWord(word: string, at: number): void {
      addWord.run(word.toLowerCase(), at);
    },
    removeWord(word: string): void {
      removeWord.run(word.toLowerCase());
    },
    /** The settings of one document (its own, not the global ones), or the global ones (null). */
    settings(documentId: number | null): Partial<Record<CheckId, CheckSetting>> {
      return toSettings(settingsOf.all(documentId) as SettingRow[]);
    },
    setSetting(documentId: number | null, checkId: CheckId, setting: CheckSetting | null, at: number): void {
      if (setting === null) clear.run(documentId, checkId);
      else upsert.run(documentId, checkId, setting.enabled ? 1 : 0, setting.severity ?? null, setting.showPossible ? 1 : 0, at);
    },
  };
}
