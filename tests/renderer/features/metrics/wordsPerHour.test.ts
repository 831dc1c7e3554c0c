import { describe, expect, it } from 'vitest';
import { duration } from '../../../../renderer/lib/format';
import { MIN_SPEED_MS } from '../../../../core/metrics/documentMetrics';
import { wordsPerHourFigure } from '../../../../renderer/features/metrics/wordsPerHour';

const withoutMt = { segments: 0, translated: 0, words: 0, editMs: 0 };

describe('the metrics panel’s time and speed never contradict each other', () => {
  it('shows some time under a second as "< 1 s", no time as "0 s"', () => {
    expect(duration(0)).toBe('0 s');
    expect(duration(1)).toBe('< 1 s');
    expect(duration(446)).toBe('< 1 s');
    expect(duration(999)).toBe('< 1 s');
    expect(duration(1000)).toBe('1 s');
    expect(duration(44_600)).toBe('45 s');
    expect(duration(200_000)).toBe('3 min 20 s');
    expect(duration(3_720_000)).toBe('1 h 02 min');
  });

  it('shows no words per hour from a quick edit, with a tooltip saying why', () => {
    // One quick edit: 12 words in 535 ms read as 80,748 words an hour.
    const quick = wordsPerHourFigure({ wordsPerHour: 80_748, totalEditMs: 535, withoutMt });
    expect(quick.value).toBe('–');
    expect(quick.title).toMatch(/too little editing time recorded/i);
    expect(wordsPerHourFigure({ wordsPerHour: 9_000, totalEditMs: MIN_SPEED_MS - 1, withoutMt }).value).toBe('–');
    expect(wordsPerHourFigure({ wordsPerHour: 9_000, totalEditMs: MIN_SPEED_MS, withoutMt })).toEqual({ value: (9_000).toLocaleString() });
    // The time translating units without MT is no post-editing time.
    expect(wordsPerHourFigure({ wordsPerHour: 900, totalEditMs: 60_000, withoutMt: { ...withoutMt, segments: 1, editMs: 57_000 } }).value).toBe('–');
  });

  it('shows none before any time was recorded, or when it all went to units without MT', () => {
    expect(wordsPerHourFigure({ wordsPerHour: 0, totalEditMs: 0, withoutMt })).toEqual({ value: '–', title: 'No editing time recorded yet' });
    expect(wordsPerHourFigure({ wordsPerHour: 0, totalEditMs: 8_000, withoutMt: { ...withoutMt, editMs: 8_000 } }).title).toMatch(/units without MT/);
  });
});
