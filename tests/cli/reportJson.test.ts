import { describe, expect, it } from 'vitest';
import { reportJsonPieces, reportOfFigures } from '../../cli/commands/metricsFigures';

describe('reportJsonPieces: the JSON report in pieces', () => {
  it('joins to exactly what JSON.stringify makes of the whole report, at every piece boundary', () => {
    for (const n of [0, 1, 2, 1023, 1024, 1025, 2048, 3000]) {
      const edits = Int32Array.from({ length: n }, (_, k) => (k * 7) % 5);
      const refWords = Int32Array.from({ length: n }, (_, k) => (k % 4 === 0 ? 0 : 3 + (k % 29)));
      const charEditRate = Float64Array.from({ length: n }, (_, k) => (k % 3 === 0 ? 0 : (100 * k) / (k + 7)));
      const whole = JSON.stringify(reportOfFigures(edits, refWords, charEditRate), null, 2);
      expect(reportJsonPieces(edits, refWords, charEditRate).join('')).toBe(whole);
    }
  });
});
