/** The value below which `p` percent of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const sortNumbers = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export const median = (values: readonly number[]): number => {
  const sorted = sortNumbers(values);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Median milliseconds of `runs` runs of `work`, after `warmUps` runs not counted. */
export function medianMs(work: () => unknown, runs: number, warmUps = 1): number {
  for (let k = 0; k < warmUps; k++) work();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Milliseconds `work` takes once. */
export function timeMs(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
export const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
