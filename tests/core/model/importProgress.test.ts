import { describe, expect, it } from 'vitest';
import { describeImport, importBarFraction, importFraction, IMPORT_PHASES, type ImportProgress } from '../../../core/model/importProgress';

describe('import progress', () => {
  it('moves one bar forward through the phases, never back and never past the end', () => {
    const sequence: ImportProgress[] = [
      { phase: 'reading', done: 0, total: 1 },
      { phase: 'splitting', done: 0, total: 100 },
      { phase: 'splitting', done: 60, total: 100 },
      { phase: 'storing', done: 1500, total: 4000 },
      { phase: 'storing', done: 4000, total: 4000 },
    ];
    const fractions = sequence.map(importFraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
  });

  it('keeps odd figures inside the phase (nothing to do, more done than total)', () => {
    expect(importFraction({ phase: 'storing', done: 0, total: 0 })).toBe(0.35);
    expect(importFraction({ phase: 'splitting', done: 9, total: 3 })).toBe(0.35);
    expect(importFraction({ phase: 'splitting', done: -5, total: 3 })).toBe(0.05);
  });

  it('shows the bar working but not how far while the file is read, which has no steps to count', () => {
    expect(importBarFraction(null)).toBeNull();
    expect(importBarFraction({ phase: 'reading', done: 0, total: 1 })).toBeNull();
    expect(importBarFraction({ phase: 'storing', done: 2000, total: 4000 })).toBe(importFraction({ phase: 'storing', done: 2000, total: 4000 }));
  });

  it('says what every phase is doing', () => {
    for (const phase of IMPORT_PHASES) expect(describeImport({ phase, done: 1, total: 2 })).not.toBe('');
    expect(describeImport({ phase: 'storing', done: 1500, total: 182364 })).toBe('Storing sentences: 1,500 of 182,364');
  });
});
