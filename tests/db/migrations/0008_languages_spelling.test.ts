import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { fixedClock, makeTempDir, NOW, openMemoryStore, openRaw } from '../testDb';

describe('migration 0008: languages, the user’s word list, check settings', () => {
  const temp = makeTempDir();
  afterEach(() => temp.cleanup());

  it('upgrades a store written before it: documents get no languages (detected), no words, no settings', () => {
    const file = join(temp.dir, 'old.sqlite');
    const old = openRaw(file);
    old.pragma('foreign_keys = ON');
    migrate(old, fixedClock, MIGRATIONS.filter((m) => m.version < 8));
    old.prepare(`INSERT INTO documents (title, file_name, format, leading, has_bom, created_at, opened_at)
                 VALUES ('Old', 'old.txt', 'text', '', 0, 1, 1)`).run();
    migrate(old, () => NOW, MIGRATIONS);
    const store = createStore(old);
    expect(store.checkSettings.languages(1)).toEqual({ source: null, target: null });
    expect(store.checkSettings.words()).toEqual([]);
    expect(store.checkSettings.settings(null)).toEqual({});
    expect(store.checkSettings.settings(1)).toEqual({});
    old.close();
  });

  it('stores languages, words (lower case, once) and one setting per check and scope', () => {
    const store = openMemoryStore();
    expect(() => store.checkSettings.languages(1)).toThrow(/no document/);
    store.checkSettings.addWord('Redline', NOW);
    store.checkSettings.addWord('redline', NOW);
    store.checkSettings.addWord('Zhukov', NOW);
    expect(store.checkSettings.words()).toEqual(['redline', 'zhukov']);
    store.checkSettings.removeWord('ZHUKOV');
    expect(store.checkSettings.words()).toEqual(['redline']);

    store.checkSettings.setSetting(null, 'spelling', { enabled: false }, NOW);
    store.checkSettings.setSetting(null, 'spelling', { enabled: true, severity: 'major', showPossible: true }, NOW);
    store.checkSettings.setSetting(null, 'conventions', { enabled: false }, NOW);
    expect(store.checkSettings.settings(null)).toEqual({
      conventions: { enabled: false, showPossible: false },
      spelling: { enabled: true, severity: 'major', showPossible: true },
    });
    store.checkSettings.setSetting(null, 'conventions', null, NOW);
    expect(Object.keys(store.checkSettings.settings(null))).toEqual(['spelling']);
  });
});
