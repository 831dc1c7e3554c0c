import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext, contextState, medianOfTally } from '../../../core/checks/contextBuild';
import { patchContext } from '../../../core/checks/contextUpdate';
import { usesLowQuotes } from '../../../core/checks/context';
import { readKazakhstanFixture } from '../kazakhstanFixture';
import { segmented } from './support';

const SAMPLE = segmented(readKazakhstanFixture());

// Typing-like edits (no name touched) and edits that reach the names index (a name added, respelled, removed),
// the share of capitals or scripts.
const EDITS: Array<(text: string) => string> = [
  (t) => `${t} and more`,
  (t) => t.slice(0, Math.max(0, t.length - 5)),
  (t) => t.replace(/ /u, '  '),
  (t) => `“${t}`,
  (t) => t.replace(/Almaty/gu, 'Alma-Ata'),
  (t) => `${t} Tokaev`,
  (t) => `${t} Қазақстан`,
  () => '',
  (t) => t.toLowerCase(),
  (t) => t.replace(/Tokayev/gu, 'Tokaev'),
  (t) => `Tokaev ${t}`,
  (t) => t.replace(/Kazakhstan/gu, 'Kazakstan'),
  (t) => `${t} Nazarbaev and Alma Ata.`,
  // A spelling at a sentence start is a name only while a variant of it stands mid-sentence somewhere.
  (t) => `${t} Met Kuznetsov.`,
  (t) => `Kuznecov said ${t}`,
];

const namesOf = (ctx: ReturnType<typeof buildContext>) =>
  JSON.stringify([[...ctx.names.known].sort(), [...ctx.names.counts].sort(), [...ctx.names.variants].sort()]);

describe('patchContext', () => {
  // German reads its names index strictly whatever the share of capitals (it capitalizes every noun).
  it.each([null, 'de'])('gives exactly the context a fresh build gives — names index included — or refuses (null) so the caller builds it (language %s)', (language) => {
    const edit = fc.record({ index: fc.nat(SAMPLE.length - 1), edit: fc.nat(EDITS.length - 1) });
    let patched = 0;
    let namesPatched = 0;
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (writes) => {
        let state = contextState(SAMPLE, language);
        for (const write of writes) {
          const changes = write.map(({ index, edit: k }) => ({ index, text: EDITS[k]!(state.ctx.sentences[index]!.text) }));
          const sentences = [...state.ctx.sentences];
          for (const { index, text } of changes) sentences[index] = { ...sentences[index]!, text };
          const given = state.ctx.sentences.map((s) => s.text);
          const namesBefore = namesOf(state.ctx);
          const next = patchContext(state, changes);
          const fresh = contextState(sentences, language);
          expect(state.ctx.sentences.map((s) => s.text)).toEqual(given); // the state given is left as it was
          if (next) {
            patched++;
            expect(next.ctx).toEqual(buildContext(sentences, language));
            expect(next.counted).toBe(fresh.counted);
            expect(next.capitals).toBe(fresh.capitals);
            expect(new Map([...next.lengths].sort())).toEqual(new Map([...fresh.lengths].sort()));
            expect(next.names).toEqual(fresh.names);
            if (namesOf(next.ctx) !== namesBefore) namesPatched++;
          }
          state = next ?? fresh;
        }
      }),
      { numRuns: 60 },
    );
    expect(patched).toBeGreaterThan(20); // most typing-like writes are patched, not rebuilt
    expect(namesPatched).toBeGreaterThan(10); // and so are writes that change the names index
  }, 300_000);
});

describe('patchContext, paragraph facts', () => {
  it('leaves the context it copies as it was, the facts its paragraphs kept included', () => {
    const sentences = Array.from({ length: 20 }, (_, i) => ({ paragraph: 1, text: `Plain sentence ${i}.` }));
    const state = contextState(sentences, null);
    expect(usesLowQuotes(state.ctx, 5, state.ctx.sentences[5]!.text)).toBe(false); // gathers and keeps the facts
    const next = patchContext(state, [{ index: 0, text: 'Er sagte „ja“.' }]);
    expect(usesLowQuotes(state.ctx, 5, state.ctx.sentences[5]!.text)).toBe(false);
    expect(next && usesLowQuotes(next.ctx, 5, next.ctx.sentences[5]!.text)).toBe(true);
  });
});

describe('patchContext, names', () => {
  it('makes a spelling at a sentence start a name when a variant of it comes to stand mid-sentence, and undoes it', () => {
    const at = (state: ReturnType<typeof contextState>, index: number, text: string) => {
      const next = patchContext(state, [{ index, text }]);
      const sentences = state.ctx.sentences.map((s, i) => (i === index ? { ...s, text } : s));
      expect(next).not.toBeNull();
      expect(next!.ctx).toEqual(buildContext(sentences));
      expect(next!.names).toEqual(contextState(sentences).names);
      return next!;
    };
    let state = contextState(SAMPLE);
    state = at(state, 0, `Kuznecov said ${SAMPLE[0]!.text}`);
    expect(state.ctx.names.known.has('Kuznecov')).toBe(false);
    state = at(state, 5, `${SAMPLE[5]!.text} Met Kuznetsov.`);
    expect(state.ctx.names.known.has('Kuznecov')).toBe(true);
    state = at(state, 5, SAMPLE[5]!.text);
    expect(state.ctx.names.known.has('Kuznecov')).toBe(false);
  });
});

/** The median as sorting every value gives it: what the tally must agree with. */
const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

describe('medianOfTally', () => {
  it('gives what the median of the counted values gives', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }), (values) => {
        const tally = new Map<number, number>();
        for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
        expect(medianOfTally(tally)).toBe(median(values));
      }),
    );
  });
});
