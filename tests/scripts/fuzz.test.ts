import { describe, expect, it } from 'vitest';
import { fuzz } from '../../scripts/fuzz/run';
import { nativeBinding } from '../db/testDb';

describe('fuzz (a short deterministic run; npm run fuzz makes as many as asked)', () => {
  it('refuses every bad input cleanly, within its budgets, leaving nothing behind', () => {
    const figures = fuzz({ perFormat: 12, seed: 7, skipLongLines: true, nativeBinding: nativeBinding() });
    expect(figures.problems).toEqual([]);
    expect(figures.crashes + figures.overruns + figures.leftovers).toBe(0);
    expect(figures.inputs).toBe(12 * 7 + 12);
    expect(figures.cleanErrors).toBeGreaterThan(20);
  }, 300_000);
});
