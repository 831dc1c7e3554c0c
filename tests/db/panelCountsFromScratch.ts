import type Database from 'better-sqlite3';

/** A document's HTER histogram and median typing time computed from every sentence: what the kept counts must equal. */
export function panelCountsFromScratch(db: Database.Database, documentId: number): { bands: Map<number, number>; medianEditMs: number } {
  const rows = db.prepare('SELECT typed_ms AS ms, hter_band AS band FROM segments WHERE document_id = ?').all(documentId) as Array<{
    ms: number;
    band: number | null;
  }>;
  const bands = new Map<number, number>();
  for (const r of rows) if (r.band !== null) bands.set(r.band, (bands.get(r.band) ?? 0) + 1);
  const times = rows.map((r) => r.ms).filter((t) => t > 0).sort((a, b) => a - b);
  const middle = times.length >> 1;
  const medianEditMs = times.length === 0 ? 0 : times.length % 2 === 1 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
  return { bands, medianEditMs };
}
