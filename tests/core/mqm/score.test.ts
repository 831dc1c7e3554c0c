import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MQM_CATEGORIES, MQM_SEVERITIES, type MqmCategory, type MqmSeverity } from '../../../core/mqm/categories';
import { formatMqmScore, mqmSummary, mqmWordCount, type ScoredAnnotation } from '../../../core/mqm/score';
import { RedlineError } from '../../../core/model/errors';

const err = (category: MqmCategory, severity: MqmSeverity): ScoredAnnotation => ({ category, severity });

describe('mqmSummary', () => {
  it('scores a text without errors 100, and it passes', () => {
    const summary = mqmSummary([], 200, 99);
    expect(summary).toMatchObject({ errors: 0, penalty: 0, wordCount: 200, score: 100, threshold: 99, pass: true });
    for (const category of MQM_CATEGORIES) {
      expect(summary.byCategory[category]).toBe(0);
      for (const severity of MQM_SEVERITIES) expect(summary.counts[category][severity]).toBe(0);
    }
  });

  it('counts errors per category and severity and weighs them 1 / 5 / 25', () => {
    const summary = mqmSummary(
      [
        err('fluency.spelling', 'minor'),
        err('fluency.spelling', 'minor'),
        err('accuracy.mistranslation', 'major'),
        err('terminology', 'critical'),
        err('fluency.spelling', 'major'),
      ],
      1000,
      95,
    );
    expect(summary.counts['fluency.spelling']).toEqual({ minor: 2, major: 1, critical: 0 });
    expect(summary.counts['accuracy.mistranslation']).toEqual({ minor: 0, major: 1, critical: 0 });
    expect(summary.counts.terminology).toEqual({ minor: 0, major: 0, critical: 1 });
    expect(summary.counts.style).toEqual({ minor: 0, major: 0, critical: 0 });
    expect(summary.byCategory).toMatchObject({ 'fluency.spelling': 3, 'accuracy.mistranslation': 1, terminology: 1, style: 0 });
    expect(summary.bySeverity).toEqual({ minor: 2, major: 2, critical: 1 });
    expect(summary.errors).toBe(5);
    // 2 × 1 + 2 × 5 + 1 × 25 = 37 points over 1000 words: 100 × (1 − 37/1000) = 96.3
    expect(summary.penalty).toBe(37);
    expect(summary.score).toBeCloseTo(96.3, 10);
    expect(summary.pass).toBe(true);
  });

  it('fails below the threshold: 2 minor and 1 major in 300 words score 97.67', () => {
    const errors = [err('style', 'minor'), err('style', 'minor'), err('fluency.grammar', 'major')];
    const summary = mqmSummary(errors, 300, 99);
    expect(summary.penalty).toBe(7);
    expect(summary.score).toBeCloseTo(100 * (293 / 300), 10); // 97.666…
    expect(summary.pass).toBe(false);
    expect(mqmSummary(errors, 300, 97.5).pass).toBe(true);
  });

  it('passes at exactly the threshold (1 minor in 100 words is exactly 99)', () => {
    const summary = mqmSummary([err('fluency.punctuation', 'minor')], 100, 99);
    expect(summary.score).toBe(99);
    expect(summary.pass).toBe(true);
    // 3 minor in 300 words is also exactly 99, computed without floating-point drift
    expect(mqmSummary([err('style', 'minor'), err('style', 'minor'), err('style', 'minor')], 300, 99).score).toBe(99);
  });

  it('clamps the score at 0 when the penalty exceeds the words', () => {
    // one critical (25) in 10 words: 100 × (1 − 25/10) = −150, shown as 0
    const summary = mqmSummary([err('accuracy.omission', 'critical')], 10, 99);
    expect(summary.penalty).toBe(25);
    expect(summary.score).toBe(0);
    expect(summary.pass).toBe(false);
    expect(mqmSummary([err('accuracy.omission', 'critical')], 25, 0)).toMatchObject({ score: 0, pass: true });
  });

  it('scores a text of no words 100 without errors and 0 with any', () => {
    expect(mqmSummary([], 0, 99)).toMatchObject({ score: 100, pass: true, wordCount: 0 });
    expect(mqmSummary([err('style', 'minor')], 0, 99)).toMatchObject({ score: 0, pass: false, penalty: 1 });
  });

  it('refuses a bad word count, threshold, category or severity', () => {
    expect(() => mqmSummary([], -1, 99)).toThrow(RedlineError);
    expect(() => mqmSummary([], 1.5, 99)).toThrow(/whole number/);
    expect(() => mqmSummary([], 10, 101)).toThrow(/0 to 100/);
    expect(() => mqmSummary([], 10, -0.1)).toThrow(/0 to 100/);
    expect(() => mqmSummary([], 10, Number.NaN)).toThrow(/0 to 100/);
    expect(() => mqmSummary([{ category: 'nonsense' as MqmCategory, severity: 'minor' }], 10, 99)).toThrow(/category/);
    expect(() => mqmSummary([{ category: 'style', severity: 'fatal' as MqmSeverity }], 10, 99)).toThrow(/severity/);
  });

  it('keeps its invariants for any annotations, word count and threshold', () => {
    const annotation = fc.record({
      category: fc.constantFrom(...MQM_CATEGORIES),
      severity: fc.constantFrom(...MQM_SEVERITIES),
    });
    fc.assert(
      fc.property(
        fc.array(annotation, { maxLength: 40 }),
        fc.nat({ max: 5000 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        annotation,
        (annotations, words, threshold, extra) => {
          const s = mqmSummary(annotations, words, threshold);
          const weights = { minor: 1, major: 5, critical: 25 };
          expect(s.penalty).toBe(annotations.reduce((n, a) => n + weights[a.severity], 0));
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect(s.pass).toBe(s.score >= threshold);
          const cells = MQM_CATEGORIES.flatMap((c) => MQM_SEVERITIES.map((v) => s.counts[c][v]));
          expect(cells.reduce((a, b) => a + b, 0)).toBe(annotations.length);
          // one more error never raises the score
          expect(mqmSummary([...annotations, extra], words, threshold).score).toBeLessThanOrEqual(s.score);
        },
      ),
    );
  });
});

describe('mqmWordCount', () => {
  it('counts space-separated tokens with a letter or digit, not stray punctuation', () => {
    expect(mqmWordCount('Alma-Ata is – a city , in 2022.')).toBe(6);
    expect(mqmWordCount(' Токаев заявил: «Всё спокойно».')).toBe(4);
    expect(mqmWordCount("don't\tstop\nnow")).toBe(3);
    expect(mqmWordCount('')).toBe(0);
    expect(mqmWordCount('  … — ,  ')).toBe(0);
  });
});

describe('formatMqmScore', () => {
  it('shows two decimals, rounded down so a failing score never reads as the threshold', () => {
    expect(formatMqmScore(100)).toBe('100.00');
    expect(formatMqmScore(0)).toBe('0.00');
    expect(formatMqmScore(100 * (293 / 300))).toBe('97.66');
    expect(formatMqmScore(98.996)).toBe('98.99');
    expect(formatMqmScore(57.3)).toBe('57.30');
    expect(formatMqmScore(99)).toBe('99.00');
  });
});
