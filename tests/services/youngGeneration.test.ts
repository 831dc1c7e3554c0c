import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { processYoungGeneration, youngGenerationKeeper, type YoungGeneration } from '../../services/youngGeneration';

/** A young generation whose use the test sets, counting collections (which empty it). */
function fakeYoung(used: number): YoungGeneration & { used: number; collections: number } {
  const young = {
    used,
    collections: 0,
    usedBytes: () => young.used,
    collect: () => {
      young.collections++;
      young.used = 0;
    },
  };
  return young;
}

describe('youngGenerationKeeper', () => {
  it('collects only once the young generation holds more than the limit', () => {
    const young = fakeYoung(1000);
    const keep = youngGenerationKeeper(young, 4000);
    keep();
    expect(young.collections).toBe(0);
    young.used = 4000;
    keep();
    expect(young.collections).toBe(0);
    young.used = 4001;
    keep();
    expect(young.collections).toBe(1);
    keep();
    expect(young.collections).toBe(1);
  });

  it('does nothing where the collector cannot be called', () => {
    expect(() => youngGenerationKeeper(null, 0)()).not.toThrow();
  });
});

describe('processYoungGeneration', () => {
  it("measures this process's young generation", () => {
    const young = processYoungGeneration()!;
    expect(young).not.toBeNull();
    // Twice: the first keeps what is still alive, the second moves it on.
    young.collect();
    young.collect();
    const emptied = young.usedBytes();
    // About 400 KB of objects: less than the smallest young generation holds, so nothing collects them meanwhile.
    const made = Array.from({ length: 10_000 }, (_, i) => ({ at: i, text: `sentence ${i}` }));
    expect(young.usedBytes() - emptied).toBeGreaterThan(200 * 1024);
    expect(made).toHaveLength(10_000);
  });

  it('collects the young generation alone, when asked', async () => {
    const young = processYoungGeneration()!;
    const collections: Array<{ kind: number; at: number }> = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) collections.push({ kind: (entry as PerformanceEntry & { detail: { kind: number } }).detail.kind, at: entry.startTime });
    });
    observer.observe({ entryTypes: ['gc'] });
    let asked = 0;
    let done = 0;
    try {
      asked = performance.now();
      young.collect();
      done = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      observer.disconnect();
    }
    // The runner may collect on its own meanwhile: what counts is what ran while collect() did.
    const during = collections.filter((c) => c.at >= asked && c.at <= done).map((c) => c.kind);
    expect(during).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
    expect(during).not.toContain(constants.NODE_PERFORMANCE_GC_MAJOR);
  });

  it('is made once', () => {
    expect(processYoungGeneration()).toBe(processYoungGeneration());
  });
});
