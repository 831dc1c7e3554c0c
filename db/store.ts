import type { Database } from 'better-sqlite3';
import { documentsRepository } from './repositories/documents';
import { revisionsRepository } from './repositories/revisions';
import { segmentsRepository } from './repositories/segments';

/** The repositories over one connection, and a way to run several changes as one transaction. */
export function createStore(db: Database) {
  return {
    documents: documentsRepository(db),
    segments: segmentsRepository(db),
    revisions: revisionsRepository(db),
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
    close(): void {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
