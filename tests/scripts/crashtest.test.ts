import { describe, expect, it } from 'vitest';
import { crashTest } from '../../scripts/crashtest/run';
import { nativeBinding } from '../db/testDb';

describe('crash test (a short run: 10 kills; npm run crashtest makes 100)', () => {
  it('loses no acknowledged edit and leaves a sound store after every SIGKILL', async () => {
    const figures = await crashTest(10, { nativeBinding: nativeBinding() });
    expect(figures.failures).toEqual([]);
    expect(figures.kills).toBe(10);
    expect(figures.acknowledged).toBeGreaterThan(0);
  }, 240_000);
});
