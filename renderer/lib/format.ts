/** Percent with a fixed number of decimals: "17.65 %". */
export const percent = (value: number, digits = 2): string => `${value.toFixed(digits)} %`;

/**
 * A duration as the editor reads it: "45 s", "3 min 05 s", "1 h 02 min"; "< 1 s" for some time under a second
 * (not "0 s", which would read as no time beside figures computed from it).
 */
export function duration(ms: number): string {
  if (ms > 0 && ms < 1000) return '< 1 s';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "1 sentence", "3 sentences". */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export const integer = (value: number): string => Math.round(value).toLocaleString();
