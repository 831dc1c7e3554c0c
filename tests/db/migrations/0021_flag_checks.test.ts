import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 21);

let db: Database.Database;
let before: Snapshot;

const flag = (check: string) => ({ check, severity: 'minor', confidence: 'sure', message: `"check":"${check}" in a message`, start: 0, end: 1 });

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  // Flags stored by release 20: two of one check and one of another on sentence 1, none on 2, one on 3 and 4.
  const put = db.prepare('INSERT INTO segment_flags (segment_id, document_id, position, flag_count, flags) VALUES (?, ?, ?, ?, ?)');
  const rows: Array<[number, number, number, object[]]> = [
    [1, 1, 1, [flag('spacing'), flag('spacing'), flag('spelling')]],
    [2, 1, 2, []],
    [3, 1, 3, [flag('spelling')]],
    [4, 2, 1, [flag('spacing')]],
  ];
  for (const [segmentId, documentId, position, flags] of rows) put.run(segmentId, documentId, position, flags.length, JSON.stringify(flags));
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0021: the checks flagging each sentence, as rows', () => {
  it('fills them from the flags stored, each check once per sentence, keeping every other row', () => {
    expectUpgraded(before, snapshot(db), {}, {
      segment_flag_checks: [
        { document_id: 1, check_id: 'spacing', position: 1, segment_id: 1 },
        { document_id: 1, check_id: 'spelling', position: 1, segment_id: 1 },
        { document_id: 1, check_id: 'spelling', position: 3, segment_id: 3 },
        { document_id: 2, check_id: 'spacing', position: 1, segment_id: 4 },
      ],
    });
    expect(appliedVersions(db).at(-1)).toEqual({ version: 21, name: 'flag_checks', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('follows the flags as they are rewritten, cleared and deleted with their document', () => {
    const rows = () => db.prepare('SELECT document_id, check_id, position FROM segment_flag_checks ORDER BY 1, 2, 3').raw().all();
    db.prepare('UPDATE segment_flags SET flag_count = 1, flags = ? WHERE segment_id = 1').run(JSON.stringify([flag('quotes-brackets')]));
    db.prepare('UPDATE segment_flags SET flag_count = 0, flags = ? WHERE segment_id = 3').run('[]');
    expect(rows()).toEqual([[1, 'quotes-brackets', 1], [2, 'spacing', 1]]);
    db.prepare('DELETE FROM documents WHERE id = 2').run();
    expect(rows()).toEqual([[1, 'quotes-brackets', 1]]);
    db.prepare('DELETE FROM segment_flags WHERE document_id = 1').run();
    expect(rows()).toEqual([]);
  });
});
