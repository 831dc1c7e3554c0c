import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLASSIC_PRIORS,
  lengthRatio,
  logTwoSidedTail,
  sentenceLength,
  type AlignedPair,
} from '../../../core/align/galeChurch';
import { tagChar } from '../../../core/formats/types';
import { alignLengths, alignSentences } from './alignToEnd';

/** Beads as "source-range → target-range" strings, easy to read in a failure. */
const show = (pairs: readonly AlignedPair[]) => pairs.map((p) => `${p.source.start}-${p.source.end}:${p.target.start}-${p.target.end}`);

const SOURCE = [
  'The president declared a state of emergency in Almaty and Mangistau region.',
  'Protests began on January 2 in Zhanaozen after the price of liquefied gas doubled.',
  'By the evening, thousands of people had gathered in the central square.',
  'Shops closed.',
  'The police used tear gas and stun grenades.',
  'Mobile internet was switched off across the country.',
  'The government resigned on Wednesday morning.',
];
const TARGET = [
  'Президент объявил режим чрезвычайного положения в Алматы и Мангистауской области.',
  'Протесты начались 2 января в Жанаозене после того, как цена на сжиженный газ выросла вдвое.',
  'К вечеру на центральной площади собрались тысячи людей.',
  'Магазины закрылись.',
  'Полиция применила слезоточивый газ и светошумовые гранаты.',
  'Мобильный интернет был отключён по всей стране.',
  'Правительство ушло в отставку в среду утром.',
];

describe('Gale–Church alignment of hand-made pairs', () => {
  it('pairs a faithful translation one to one', () => {
    expect(show(alignSentences(SOURCE, TARGET))).toEqual(['0-1:0-1', '1-2:1-2', '2-3:2-3', '3-4:3-4', '4-5:4-5', '5-6:5-6', '6-7:6-7']);
  });

  it('finds two source sentences the translation merged into one (2-1)', () => {
    const merged = [...TARGET.slice(0, 4), 'Полиция применила слезоточивый газ и светошумовые гранаты, а мобильный интернет был отключён по всей стране.', TARGET[6]!];
    expect(show(alignSentences(SOURCE, merged))).toEqual(['0-1:0-1', '1-2:1-2', '2-3:2-3', '3-4:3-4', '4-6:4-5', '6-7:5-6']);
  });

  it('finds a source sentence the translation split in two (1-2)', () => {
    const split = [TARGET[0]!, 'Протесты начались 2 января в Жанаозене.', 'Цена на сжиженный газ выросла вдвое.', ...TARGET.slice(2)];
    expect(show(alignSentences(SOURCE, split))).toEqual(['0-1:0-1', '1-2:1-3', '2-3:3-4', '3-4:4-5', '4-5:5-6', '5-6:6-7', '6-7:7-8']);
  });

  it('keeps the rest in step when the translation omits a sentence: the omitted one joins a neighbour (2-1)', () => {
    // With the classic priors a 2-1 bead always costs less than a 1-0 bead beside a well-matched 1-1 one, so
    // an omitted sentence is attached to a neighbour and everything around it stays paired.
    const omitted = [...TARGET.slice(0, 3), ...TARGET.slice(4)];
    // "Shops closed." (13) joins the police sentence (43), whose Russian (58) is longer than the English.
    expect(show(alignSentences(SOURCE, omitted))).toEqual(['0-1:0-1', '1-2:1-2', '2-3:2-3', '3-5:3-4', '5-6:4-5', '6-7:5-6']);
  });

  it('reads an omission as 1-0 and an addition as 0-1 when nothing else can take them', () => {
    expect(show(alignSentences(['Only source.'], []))).toEqual(['0-1:0-0']);
    expect(show(alignSentences([], ['Only target.']))).toEqual(['0-0:0-1']);
    expect(alignSentences([], [])).toEqual([]);
    // A 1-0 bead wins over a lopsided 2-1 when 2-1 is not allowed.
    expect(show(alignLengths([40, 10, 40], [40, 40], { priors: { '2-1': 0, '1-2': 0, '2-2': 0 } }))).toEqual(['0-1:0-1', '1-2:1-1', '2-3:1-2']);
  });

  it('finds a 2-2 bead where two sentences were redistributed', () => {
    expect(show(alignLengths([50, 50, 20, 120, 50], [50, 50, 110, 30, 50]))).toEqual(['0-1:0-1', '1-2:1-2', '2-4:2-4', '4-5:4-5']);
  });

  it('uses a fitted length ratio for languages of different lengths', () => {
    const source = ['A short one.', 'This sentence is a good deal longer than the one before it.', 'Mid-sized sentence here.'];
    const target = source.map((s) => s.repeat(2)); // a language twice as long
    expect(lengthRatio(source, target)).toBeCloseTo(2, 5);
    expect(show(alignSentences(source, target, { meanRatio: lengthRatio(source, target) }))).toEqual(['0-1:0-1', '1-2:1-2', '2-3:2-3']);
  });
});

describe('Gale–Church parts', () => {
  it('computes the normal two-sided tail in logs, without underflow', () => {
    expect(logTwoSidedTail(0)).toBeCloseTo(0, 6);
    expect(logTwoSidedTail(1.959964)).toBeCloseTo(Math.log(0.05), 5);
    expect(logTwoSidedTail(-1.959964)).toBeCloseTo(Math.log(0.05), 5);
    expect(logTwoSidedTail(3)).toBeCloseTo(Math.log(0.0026998), 4);
    expect(logTwoSidedTail(10)).toBeCloseTo(Math.log(1.5239706e-23), 3);
    expect(Number.isFinite(logTwoSidedTail(60))).toBe(true);
    expect(logTwoSidedTail(60)).toBeLessThan(logTwoSidedTail(50));
  });

  it('counts characters, not UTF-16 units or tags', () => {
    expect(sentenceLength('Привет')).toBe(6);
    expect(sentenceLength('😀a')).toBe(2);
    expect(sentenceLength(`a${tagChar(0)}b${tagChar(1)}`)).toBe(2);
  });

  it('has the paper’s priors', () => {
    expect(CLASSIC_PRIORS).toEqual({ '1-1': 0.89, '1-0': 0.0099, '0-1': 0.0099, '2-1': 0.089, '1-2': 0.089, '2-2': 0.011 });
  });

  it('refuses a non-positive ratio or variance', () => {
    expect(() => alignLengths([1], [1], { meanRatio: 0 })).toThrow(RangeError);
    expect(() => alignLengths([1], [1], { variance: -1 })).toThrow(RangeError);
  });
});

describe('Gale–Church properties', () => {
  const lengths = fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 25 });

  it('covers every sentence of both sides once, in order, with allowed beads', () => {
    fc.assert(
      fc.property(lengths, lengths, (source, target) => {
        const pairs = alignLengths(source, target);
        let s = 0;
        let t = 0;
        for (const p of pairs) {
          expect(p.source.start).toBe(s);
          expect(p.target.start).toBe(t);
          const kind = `${p.source.end - p.source.start}-${p.target.end - p.target.start}`;
          expect(Object.keys(CLASSIC_PRIORS)).toContain(kind);
          s = p.source.end;
          t = p.target.end;
        }
        expect([s, t]).toEqual([source.length, target.length]);
      }),
    );
  });

  it('pairs identical length sequences one to one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 25 }), (source) => {
        expect(alignLengths(source, source).every((p) => p.source.start === p.target.start && p.source.end === p.source.start + 1 && p.target.end === p.target.start + 1)).toBe(true);
      }),
    );
  });
});
