import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../db/clock';
import { openDatabase } from '../../db/connection';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createStore, type Store } from '../../db/store';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Tests run in Node, so they need the Node-ABI addon kept by scripts/keep-node-addon.mjs, not Electron's. */
export function nativeBinding(): string {
  const path = nodeNativeBinding(PROJECT_ROOT);
  if (!path) {
    throw new Error(
      '.native/node/better_sqlite3.node is missing: run `npm install` so postinstall keeps the Node addon.',
    );
  }
  return path;
}

export const NOW = 1_700_000_000_000;
export const fixedClock: Clock = () => NOW;

/** A fresh, migrated in-memory database on the fixed clock. */
export function openMemoryDatabase(clock: Clock = fixedClock): Database.Database {
  return openDatabase(':memory:', { clock, nativeBinding: nativeBinding() });
}

export function openMemoryStore(): Store {
  return createStore(openMemoryDatabase());
}

/** A plain connection that neither migrates nor sets pragmas: how tests look at a file from outside. */
export function openRaw(filename: string): Database.Database {
  return new Database(filename, { nativeBinding: nativeBinding() });
}

/** A private temp directory; call the returned cleanup in afterEach. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'redline-db-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SentenceRow {
  text: string;
  paragraph?: number;
  trailing?: string;
}

/** Stores a document the way import does: each sentence with its 'import' revision. Returns the segment ids. */
export function insertDocument(
  store: Store,
  sentences: readonly SentenceRow[],
  { title = 'Kazakhstan', createdAt = NOW }: { title?: string; createdAt?: number } = {},
): { documentId: number; segmentIds: number[] } {
  return store.transaction(() => {
    const documentId = store.documents.insert({
      title,
      fileName: `${title}.txt`,
      format: 'text',
      leading: ' ',
      hasBom: false,
      createdAt,
    });
    const segmentIds = sentences.map((s, i) => {
      const id = store.segments.insert({
        documentId,
        position: i + 1,
        paragraph: s.paragraph ?? 1,
        mtText: s.text,
        sourceText: null,
        trailing: s.trailing ?? ' ',
        createdAt,
      });
      store.revisions.append(id, s.text, 'import', createdAt);
      return id;
    });
    return { documentId, segmentIds };
  });
}
