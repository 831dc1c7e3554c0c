import { describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../../core/formats/types';
import { fuzz } from '../../scripts/fuzz/run';
import { nativeBinding } from '../db/testDb';

describe('fuzz (a short deterministic run; npm run fuzz makes as many as asked)', () => {
  it('refuses every bad input cleanly, leaving nothing behind (budgets are judged by npm run fuzz)', () => {
    const figures = fuzz({ perFormat: 12, seed: 7, nativeBinding: nativeBinding(), judgeBudgets: false });
    expect(figures.problems).toEqual([]);
    expect(figures.crashes + figures.overruns + figures.leftovers).toBe(0);
    expect(figures.inputs).toBe(12 * FORMAT_IDS.length + 15);
    expect(figures.cleanErrors).toBeGreaterThan(20);
  }, 300_000);
});
