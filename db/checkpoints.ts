import type { Database } from 'better-sqlite3';

/**
 * Control of the WAL's checkpoints, for work that writes a lot a step between requests (an import, a bulk
 * write). SQLite checkpoints on its own in the commit that takes the WAL past 1,000 pages, copying them into the
 * database file: some 25 ms here, added to whichever step commits then. Such work defers the automatic
 * checkpoints and runs them as steps of their own instead (services/checkpointedSteps.ts).
 */
export function checkpointControl(db: Database) {
  let deferrals = 0;
  let automaticPages = 1000;
  return {
    /** Turns automatic checkpoints off until every deferral is released (the function returned; idempotent). */
    defer(): () => void {
      if (deferrals++ === 0) {
        automaticPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
        db.pragma('wal_autocheckpoint = 0');
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--deferrals === 0 && db.open) db.pragma(`wal_autocheckpoint = ${automaticPages}`);
      };
    },
    /**
     * Copies what it can of the WAL into the database file without waiting for other connections (PASSIVE);
     * outside a transaction only, where a checkpoint cannot run.
     */
    run(): void {
      if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
    },
  };
}
