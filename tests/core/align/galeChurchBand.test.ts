import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSIC_PRIORS, alignLengthsSteps, type AlignedPair } from '../../../core/align/galeChurch';
import { alignLengths } from './alignToEnd';

/** Every sentence of both sides in exactly one bead, in order, each bead of an allowed kind. */
function expectCovering(pairs: readonly AlignedPair[], n: number, m: number): void {
  let s = 0;
  let t = 0;
  const kinds = new Set(Object.keys(CLASSIC_PRIORS));
  for (const p of pairs) {
    if (p.source.start !== s || p.target.start !== t || !kinds.has(`${p.source.end - s}-${p.target.end - t}`)) {
      expect.fail(`bead ${JSON.stringify(p)} does not continue at ${s}, ${t}`);
    }
    s = p.source.end;
    t = p.target.end;
  }
  expect([s, t]).toEqual([n, m]);
}

/** A small deterministic generator, so the large cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Source and target lengths of a translation made bead by bead, target ≈ ratio × source. */
interface Translation {
  source: number[];
  target: number[];
}

function translate(beads: ReadonlyArray<{ kind: '1-1' | '2-1' | '1-2'; a: number; b: number; noise: number }>, ratio: number): Translation {
  const source: number[] = [];
  const target: number[] = [];
  const scaled = (x: number, noise: number) => Math.max(1, Math.round(x * ratio) + noise);
  for (const { kind, a, b, noise } of beads) {
    if (kind === '1-1') {
      source.push(a);
      target.push(scaled(a, noise));
    } else if (kind === '2-1') {
      source.push(a, b);
      target.push(scaled(a + b, noise));
    } else {
      source.push(a + b);
      target.push(scaled(a, noise), scaled(b, 0));
    }
  }
  return { source, target };
}

describe('Gale–Church in a band', () => {
  const length = fc.integer({ min: 15, max: 200 });
  const bead = fc.record({
    kind: fc.constantFrom('1-1', '1-1', '1-1', '1-1', '1-1', '2-1', '1-2') as fc.Arbitrary<'1-1' | '2-1' | '1-2'>,
    a: length,
    b: length,
    noise: fc.integer({ min: -3, max: 3 }),
  });

  it('gives the full table’s alignment when the true one runs near the length diagonal', () => {
    fc.assert(
      fc.property(fc.array(bead, { minLength: 30, maxLength: 150, size: 'max' }), fc.constantFrom(0.7, 1, 1.4), (beads, ratio) => {
        const { source, target } = translate(beads, ratio);
        // maxCells 1 forces the narrowest band, about a dozen sentences either side of the diagonal.
        expect(alignLengths(source, target, { meanRatio: ratio, maxCells: 1 })).toEqual(alignLengths(source, target, { meanRatio: ratio }));
      }),
      { numRuns: 60 },
    );
  });

  it('still covers both sides when the band misses the best path', () => {
    const lengths = fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 120, size: 'max' });
    fc.assert(
      fc.property(lengths, lengths, fc.integer({ min: 0, max: 3000 }), (source, target, maxCells) => {
        expectCovering(alignLengths(source, target, { maxCells }), source.length, target.length);
      }),
      { numRuns: 200 },
    );
  });

  it('aligns 100,000 sentences a side', () => {
    const rnd = random(42);
    const kinds = Array.from({ length: 100_000 }, (_, k) => (k % 5000 === 1000 ? '2-1' : k % 5000 === 3000 ? '1-2' : '1-1') as '1-1' | '2-1' | '1-2');
    const { source, target } = translate(
      kinds.map((kind) => ({ kind, a: 20 + Math.floor(rnd() * 130), b: 20 + Math.floor(rnd() * 130), noise: Math.floor(rnd() * 7) - 3 })),
      1.2,
    );
    target.splice(60_000, 1); // one sentence the translation omits: a 1-0 bead, or a 2-1 beside it
    const pairs = alignLengths(source, target, { meanRatio: 1.2, maxCells: 3_000_000 });
    expectCovering(pairs, source.length, target.length);
    expect(pairs.filter((p) => p.source.end - p.source.start !== 1 || p.target.end - p.target.start !== 1).length).toBeLessThan(100);
  });

  it('keeps a valid alignment when 300 target sentences are missing in the middle', () => {
    const rnd = random(7);
    const source = Array.from({ length: 6000 }, () => 20 + Math.floor(rnd() * 130));
    const target = source.map((x) => x + Math.floor(rnd() * 7) - 3);
    target.splice(3000, 300);
    const identity = (p: AlignedPair, shift: number) => p.source.end === p.source.start + 1 && p.target.start === p.source.start - shift && p.target.end === p.target.start + 1;
    // The length diagonal runs up to 150 sentences off the true path in the middle: a band of ±166 holds the
    // true path throughout, a band of ±12 only near the ends, yet both give every sentence a bead. (Gale–Church
    // itself spreads the gap over 2-1 beads around it, which the classic priors make cheaper than 300 1-0 beads.)
    for (const [maxCells, kept] of [
      [2_000_000, 2000],
      [1, 150],
    ] as const) {
      const pairs = alignLengths(source, target, { maxCells });
      expectCovering(pairs, source.length, target.length);
      expect(pairs.slice(0, kept).every((p) => identity(p, 0))).toBe(true);
      expect(pairs.slice(-kept).every((p) => identity(p, 300))).toBe(true);
    }
  });
});

describe('Gale–Church in steps', () => {
  it('reports the source sentences done as it fills the table, and ends with the same alignment', () => {
    const next = random(7);
    const source = Array.from({ length: 2000 }, () => 20 + Math.floor(next() * 80));
    const target = source.map((l) => Math.round(l * 1.1));
    const steps = alignLengthsSteps(source, target);
    const done: number[] = [];
    let step = steps.next();
    while (!step.done) {
      expect(step.value.total).toBe(2000);
      done.push(step.value.done);
      step = steps.next();
    }
    expect(done.length).toBeGreaterThan(3);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(step.value).toEqual(alignLengths(source, target));
  });
});
