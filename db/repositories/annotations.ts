import type { Database } from 'better-sqlite3';
import type { Annotation, NewAnnotation } from '../../core/model/annotation';

const COLUMNS = `a.id, a.segment_id AS segmentId, a.side, a.start, a.end, a.quote, a.category, a.severity, a.comment,
  a.created_at AS createdAt`;

/** MQM error annotations on spans of the MT or the correction. */
export function annotationsRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO annotations (segment_id, side, start, end, quote, category, severity, comment, created_at)
     VALUES (@segmentId, @side, @start, @end, @quote, @category, @severity, @comment, @at)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM annotations a WHERE a.id = ?`);
  const remove = db.prepare('DELETE FROM annotations WHERE id = ?');
  const ofSegment = db.prepare(`SELECT ${COLUMNS} FROM annotations a WHERE a.segment_id = ? ORDER BY a.id`);
  // From the annotations (tagged by hand: few in any store) to their sentences: CROSS JOIN keeps that order, where
  // SQLite would otherwise walk every sentence of the document and look for its annotations (8 ms at 100k sentences
  // with none, on every opening of a document and of the metrics panel).
  const ofDocument = db.prepare(
    `SELECT ${COLUMNS} FROM annotations a CROSS JOIN segments s ON s.id = a.segment_id
     WHERE s.document_id = ? ORDER BY s.position, a.id`,
  );

  return {
    add(annotation: NewAnnotation, at: number): number {
      return Number(insert.run({ ...annotation, at }).lastInsertRowid);
    },
    get(id: number): Annotation | undefined {
      return byId.get(id) as Annotation | undefined;
    },
    remove(id: number): boolean {
      return remove.run(id).changes > 0;
    },
    ofSegment(segmentId: number): Annotation[] {
      return ofSegment.all(segmentId) as Annotation[];
    },
    ofDocument(documentId: number): Annotation[] {
      return ofDocument.all(documentId) as Annotation[];
    },
  };
}
