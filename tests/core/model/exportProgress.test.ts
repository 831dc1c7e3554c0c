import { describe, expect, it } from 'vitest';
import { describeExport, EXPORT_PHASES, exportFraction, exportProgressSchema } from '../../../core/model/exportProgress';

describe('export progress', () => {
  it('moves one bar forward through the phases, each within its span, clamped', () => {
    const points = EXPORT_PHASES.flatMap((phase) => [0, 1, 5, 10].map((done) => exportFraction({ phase, done, total: 10 })));
    expect(points).toEqual([...points].sort((a, b) => a - b));
    expect(exportFraction({ phase: 'checking', done: 0, total: 0 })).toBe(0);
    expect(exportFraction({ phase: 'writing', done: 10, total: 10 })).toBe(1);
    expect(exportFraction({ phase: 'reading', done: 50, total: 10 })).toBe(exportFraction({ phase: 'reading', done: 10, total: 10 }));
  });

  it('says the phase in words, "Starting…" before the worker has counted the sentences', () => {
    expect(describeExport({ phase: 'reading', done: 0, total: 0 })).toBe('Starting…');
    expect(describeExport({ phase: 'reading', done: 5000, total: 109650 })).toBe('Reading sentences: 5,000 of 109,650');
    expect(describeExport({ phase: 'checking', done: 1, total: 2 })).toMatch(/^Checking the whole document first/);
    expect(describeExport({ phase: 'building', done: 0, total: 1 })).toBe('Building the file…');
    expect(describeExport({ phase: 'writing', done: 0, total: 1 })).toBe('Writing the file…');
  });

  it('crosses IPC only as a known phase with whole counts', () => {
    expect(exportProgressSchema.safeParse({ phase: 'reading', done: 1, total: 2 }).success).toBe(true);
    expect(exportProgressSchema.safeParse({ phase: 'uploading', done: 1, total: 2 }).success).toBe(false);
    expect(exportProgressSchema.safeParse({ phase: 'reading', done: -1, total: 2 }).success).toBe(false);
  });
});
