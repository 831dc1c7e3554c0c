import { describe, expect, it } from 'vitest';
import { documentMetrics } from '../../../core/metrics/documentMetrics';
import { IDLE_GAP_MS, newEditTimer, recordAction } from '../../../core/metrics/editTime';

const segment = (mtText: string, currentText: string, editMs = 0, keystrokes = 0) => ({
  mtText,
  currentText,
  editMs,
  keystrokes,
});

describe('documentMetrics', () => {
  const metrics = documentMetrics([
    segment('The cat sat on the mat.', 'The cat sat on the mat.'),
    segment('The cat sat on the mat.', 'The black cat sat on the mat.', 20_000, 6),
    segment('Completely wrong words here.', 'A different sentence altogether.', 40_000, 30),
    segment('One more.', 'One more.', 0, 0),
  ]);

  it('sorts segments into untouched, edited and rewritten', () => {
    expect(metrics).toMatchObject({ segments: 4, untouched: 2, edited: 1, rewritten: 1 });
  });

  it('sums edits and reference words into the corpus HTER', () => {
    // 0 + 1 (insertion) + 4 (substitutions; the final stop stays) + 0 over 7 + 8 + 5 + 3 words.
    expect(metrics).toMatchObject({ edits: 5, refWords: 23 });
    expect(metrics.ter).toBeCloseTo((100 * 5) / 23, 10);
    expect(metrics.editsByType).toEqual({ insertions: 1, deletions: 0, substitutions: 4, shifts: 0 });
  });

  it('bins edited segments by HTER', () => {
    const counts = Object.fromEntries(metrics.hterHistogram.map((b) => [`${b.from}-${b.to ?? ''}`, b.count]));
    expect(counts['10-20']).toBe(1); // 1/8 = 12.5 %
    expect(counts['75-100']).toBe(1); // 4/5 = 80 %
    expect(metrics.hterHistogram.reduce((n, b) => n + b.count, 0)).toBe(2);
  });

  it('reports time, keystrokes and speed', () => {
    expect(metrics).toMatchObject({ totalEditMs: 60_000, medianEditMs: 30_000, keystrokes: 36 });
    // 6 + 4 MT words worked on in one minute.
    expect(metrics.wordsPerHour).toBeCloseTo(600, 10);
  });

  it('counts no batch changes when none are given', () => {
    expect(metrics.batchChanges).toEqual({ sentences: 0, steps: 0 });
  });

  it('counts batch changes apart: sentences changed by batches, and distinct batches', () => {
    const withBatches = documentMetrics([
      { ...segment('The cat sat.', 'The cat sat!', 0, 0), batchIds: [3, 5] },
      { ...segment('A dog.', 'The dog.', 12_000, 4), batchIds: [3] },
      { ...segment('Untouched.', 'Untouched.'), batchIds: [] },
    ]);
    expect(withBatches.batchChanges).toEqual({ sentences: 2, steps: 2 });
    // time and speed are what was given as typed: 2 MT words in 12 s
    expect(withBatches).toMatchObject({ totalEditMs: 12_000, medianEditMs: 12_000, keystrokes: 4 });
    expect(withBatches.wordsPerHour).toBeCloseTo(600, 10);
  });

  it('is all zeros for no segments', () => {
    expect(documentMetrics([])).toMatchObject({
      segments: 0,
      ter: 0,
      medianEditMs: 0,
      wordsPerHour: 0,
      batchChanges: { sentences: 0, steps: 0 },
    });
  });
});

describe('editing time', () => {
  it('counts the time between actions and skips idle gaps', () => {
    let timer = newEditTimer();
    timer = recordAction(timer, 1_000);
    timer = recordAction(timer, 3_000);
    timer = recordAction(timer, 3_000 + IDLE_GAP_MS + 1); // came back after a break: not counted
    timer = recordAction(timer, 3_000 + IDLE_GAP_MS + 501);
    expect(timer).toMatchObject({ activeMs: 2_500, keystrokes: 4 });
  });

  it('counts a gap of exactly a minute, and a focus without a keystroke', () => {
    let timer = recordAction(newEditTimer(), 0, false);
    timer = recordAction(timer, IDLE_GAP_MS);
    expect(timer).toMatchObject({ activeMs: IDLE_GAP_MS, keystrokes: 1 });
  });
});
