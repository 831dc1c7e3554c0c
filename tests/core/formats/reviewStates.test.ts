import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatHandler, ParsedDocument, ReviewedUnit } from '../../../core/formats/types';
import {
  mqxliffFormat,
  SDL_CONFIRMATION,
  sdlxliffFormat,
  STATE_VALUES,
  statusOfState,
  XLIFF_STATES,
  xliffFormat,
  type StateVocabulary,
  type XliffSkeleton,
} from '../../../core/formats/xliff';
import { badInput } from '../../support/thrown';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
type Status = ReviewedUnit['status'];
const STATUSES: readonly Status[] = ['not_started', 'edited', 'confirmed', 'approved', 'rejected'];

/** `out` is `original` with exactly one stretch replaced: returns [removed, inserted]. */
function onlyChange(original: string, out: string): [string, string] {
  let start = 0;
  while (start < original.length && start < out.length && original[start] === out[start]) start++;
  let end = 0;
  while (end < original.length - start && end < out.length - start && original[original.length - 1 - end] === out[out.length - 1 - end]) end++;
  return [original.slice(start, original.length - end), out.slice(start, out.length - end)];
}

/** Every unit as the store gives it back untouched: its MT and the status its file state was imported as. */
const asImported = (document: ParsedDocument): ReviewedUnit[] =>
  document.units.map((u) => ({ key: u.key, text: u.target, status: u.status ?? 'not_started' }));

const cases: Array<{ name: string; format: FormatHandler<XliffSkeleton>; vocabulary: StateVocabulary; statuses: Record<string, Status> }> = [
  {
    name: 'levels.sdlxliff',
    format: sdlxliffFormat,
    vocabulary: 'sdl',
    statuses: {
      'tu-1/1': 'not_started', // Draft: MT to review
      'tu-2/2': 'confirmed', // Translated
      'tu-3/3': 'rejected', // RejectedTranslation
      'tu-4/4': 'approved', // ApprovedTranslation
      'tu-5/5': 'rejected', // RejectedSignOff
      'tu-6/6': 'approved', // ApprovedSignOff
      'tu-7/7': 'not_started', // no level
    },
  },
  {
    name: 'review.mqxliff',
    format: mqxliffFormat,
    vocabulary: 'mq',
    statuses: {
      '1': 'not_started', // MachineTranslated
      '2': 'confirmed', // ManuallyConfirmed
      '3': 'not_started', // Pretranslated (a locked 100 % match)
      '4': 'approved', // Reviewer1Confirmed
      '5': 'rejected', // Rejected
      '6': 'not_started', // NotStarted, empty
      '7': 'not_started', // no status
    },
  },
  {
    name: 'states-1.2.xlf',
    format: xliffFormat,
    vocabulary: 'xliff1',
    statuses: { new: 'not_started', review: 'not_started', translated: 'confirmed', 'signed-off': 'approved', final: 'approved', none: 'not_started' },
  },
  {
    name: 'states-2.0.xlf',
    format: xliffFormat,
    vocabulary: 'xliff2',
    statuses: { 'u1/initial': 'not_started', 'u2/translated': 'confirmed', 'u3/reviewed': 'approved', 'u4/final': 'approved', 'u5/none': 'not_started' },
  },
];

describe('file states ↔ review statuses', () => {
  for (const { name, format, vocabulary, statuses } of cases) {
    const text = fixture(name);
    const document = format.parse(text, name);

    it(`${name}: each state is imported as the status it stands for`, () => {
      expect(Object.fromEntries(document.units.map((u) => [u.key, u.status ?? 'not_started']))).toEqual(statuses);
    });

    it(`${name}: untouched, with the imported statuses, it comes back byte for byte`, () => {
      expect(format.write(document, [])).toBe(text);
      expect(format.write(document, asImported(document))).toBe(text);
    });

    it(`${name}: an edit changes exactly its text and the state the new status calls for`, () => {
      const unit = document.units.find((u) => u.status === 'confirmed')!;
      const edited = format.write(document, [{ key: unit.key, text: `${unit.target.slice(0, -1)}!`, status: 'confirmed' }]);
      expect(onlyChange(text, edited)).toEqual(['.', '!']);
      const approved = format.write(document, [{ key: unit.key, text: unit.target, status: 'approved' }]);
      const wanted = STATE_VALUES[vocabulary].approved;
      expect(wanted).toContain(onlyChange(text, approved)[1]); // one stretch changed, inside the new state's value
      const reread = format.parse(approved, name).units.find((u) => u.key === unit.key);
      expect([reread?.state, reread?.status]).toEqual([wanted, 'approved']);
    });

    it(`${name}: malformed, it is refused in one line`, () => {
      const broken = text.replace('</source>', '</sorce>');
      expect(badInput(() => format.parse(broken, name))).toMatch(/^\S+ is not well-formed XML: line \d+, column \d+: [^\n]+$/);
    });

    it(`${name}: any statuses written and read again give those statuses; a status the file already had keeps its state`, () => {
      const skeleton = document.skeleton;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...STATUSES), { minLength: document.units.length, maxLength: document.units.length }), (chosen) => {
          const reviewed = document.units.map((u, i) => ({ key: u.key, text: u.target, status: chosen[i]! }));
          const reread = format.parse(format.write(document, reviewed), name);
          reread.units.forEach((u, i) => {
            const original = document.units[i]!;
            const status = chosen[i]!;
            // A locked unit comes back as it came, whatever its status in Redline.
            const kept = original.locked === true || status === 'not_started' || status === (original.status ?? 'not_started');
            const state = kept ? original.state : STATE_VALUES[vocabulary][status as 'edited'];
            expect(u.state).toBe(state);
            // What was written reads back as the status it stands for: the status itself where the vocabulary
            // has a state of its own for it (XLIFF has none for an unconfirmed edit or a rejection).
            expect(u.status ?? 'not_started').toBe(kept ? (original.status ?? 'not_started') : statusOfState(vocabulary, state));
            const ownState = vocabulary === 'sdl' || vocabulary === 'mq' ? ['confirmed', 'approved', 'rejected'] : ['confirmed', 'approved'];
            if (!kept && ownState.includes(status)) expect(u.status).toBe(status);
          });
          expect(skeleton.units.length).toBe(document.units.length);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('every level a status is written as reads back as that status', () => {
    for (const status of ['confirmed', 'approved', 'rejected'] as const) {
      expect(statusOfState('sdl', SDL_CONFIRMATION[status])).toBe(status);
    }
    for (const status of ['confirmed', 'approved'] as const) {
      expect(statusOfState('xliff1', XLIFF_STATES[1][status])).toBe(status);
      expect(statusOfState('xliff2', XLIFF_STATES[2][status])).toBe(status);
    }
    for (const status of ['confirmed', 'approved', 'rejected'] as const) {
      expect(statusOfState('mq', STATE_VALUES.mq[status])).toBe(status);
    }
    expect(statusOfState('sdl', 'Unspecified')).toBe('not_started');
    expect(statusOfState('xliff1', null)).toBe('not_started');
  });
});
