import { describe, expect, it } from 'vitest';
import { jsonReportEnd, jsonSegments, reportJsonPieces, reportOfFigures } from '../../cli/commands/metricsFigures';

function figures(n: number) {
  const edits = Int32Array.from({ length: n }, (_, k) => (k * 7) % 5);
  const refWords = Int32Array.from({ length: n }, (_, k) => (k % 4 === 0 ? 0 : 3 + (k % 29)));
  const charEditRate = Float64Array.from({ length: n }, (_, k) => (k % 3 === 0 ? 0 : (100 * k) / (k + 7)));
  return { edits, refWords, charEditRate, whole: JSON.stringify(reportOfFigures(edits, refWords, charEditRate), null, 2) };
}

describe('the JSON report in pieces', () => {
  it('reportJsonPieces joins to exactly what JSON.stringify makes of the whole report, at every piece boundary', () => {
    for (const n of [0, 1, 2, 1023, 1024, 1025, 2048, 3000]) {
      const { edits, refWords, charEditRate, whole } = figures(n);
      expect(reportJsonPieces(edits, refWords, charEditRate).join('')).toBe(whole);
    }
  });

  it('jsonSegments over any cuts of the segments, then jsonReportEnd, make the same text', () => {
    for (const [n, step] of [
      [1, 1],
      [5, 2],
      [300, 256],
      [777, 64],
      [1000, 999],
    ] as const) {
      const { edits, refWords, charEditRate, whole } = figures(n);
      let text = '';
      for (let from = 0; from < n; from += step) text += jsonSegments(edits, refWords, charEditRate, from, Math.min(n, from + step));
      expect(text + jsonReportEnd(edits, refWords)).toBe(whole);
    }
  });
});
