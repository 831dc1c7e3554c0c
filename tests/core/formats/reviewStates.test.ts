import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatHandler, ParsedDocument, ReviewedUnit } from '../../../core/formats/types';
import {
  mqxliffFormat,
  ROUND_TRIP,
  sdlxliffFormat,
  statusOfState,
  WRITTEN,
  xliffFormat,
  type StateVocabulary,
  type XliffSkeleton,
} from '../../../core/formats/xliff';
import { legacyStatusOfState } from '../../../core/formats/xliff/reviewStates';
import { badInput } from '../../support/thrown';
import { onlyChange } from '../../support/onlyChange';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
type Status = ReviewedUnit['status'];
const STATUSES: readonly Status[] = ['not_started', 'edited', 'confirmed', 'approved', 'rejected'];

const importedStatus = (unit: { status?: Status }): Status => unit.status ?? 'not_started';

/** Every unit as the store gives it back untouched: its MT and the status its file state was imported as. */
const asImported = (document: ParsedDocument): ReviewedUnit[] => document.units.map((u) => ({ key: u.key, text: u.target, status: importedStatus(u) }));

/** The bytes the skeleton holds for a unit: its target content, state and qualifier attributes. */
const unitBytes = (document: ParsedDocument<XliffSkeleton>, key: string) => {
  const unit = document.skeleton.units.find((u) => u.key === key)!;
  return [unit.content, unit.stateAttr, unit.subStateAttr];
};

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
      'tu-7/7': 'not_started', // no level (Not Translated)
      'tu-8/8': 'not_started', // Draft, typed by a translator: still Draft
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
    name: 'statuses.mqxliff',
    format: mqxliffFormat,
    vocabulary: 'mq',
    statuses: {
      '1': 'not_started', // NotStarted
      '2': 'not_started', // PreTranslated
      '3': 'not_started', // Pretranslated (the spelling files use)
      '4': 'not_started', // MachineTranslated
      '5': 'not_started', // AssembledFromFragments
      '6': 'edited', // PartiallyEdited (memoQ's "Edited")
      '7': 'confirmed', // ManuallyConfirmed (Translator confirmed)
      '8': 'approved', // Reviewer1Confirmed
      '9': 'approved', // Proofread (Reviewer 2 confirmed)
      '10': 'rejected', // Rejected
      '11': 'approved', // Proofread, locked
      '12': 'not_started', // no status
    },
  },
  {
    name: 'states-1.2.xlf',
    format: xliffFormat,
    vocabulary: 'xliff1',
    statuses: {
      new: 'not_started',
      review: 'not_started',
      translated: 'confirmed',
      'signed-off': 'approved',
      final: 'approved',
      none: 'not_started',
      mt: 'not_started', // needs-review-translation, leveraged-mt
      edited: 'edited', // needs-review-translation, x-redline-edited
      rejected: 'rejected', // needs-translation, rejected-grammar
      stale: 'confirmed', // translated, rejected-spelling: the state wins
      adapt: 'not_started', // needs-l10n
    },
  },
  {
    name: 'states-2.0.xlf',
    format: xliffFormat,
    vocabulary: 'xliff2',
    statuses: {
      'u1/initial': 'not_started',
      'u2/translated': 'confirmed',
      'u3/reviewed': 'approved',
      'u4/final': 'approved',
      'u5/none': 'not_started',
      'u6/edited': 'edited', // initial, redline:edited
      'u7/rejected': 'rejected', // initial, redline:rejected
      'u8/other': 'not_started', // initial, acme:draft
    },
  },
];

describe('file states ↔ review statuses', () => {
  for (const { name, format, vocabulary, statuses } of cases) {
    const text = fixture(name);
    const document = format.parse(text, name);

    it(`${name}: each state is imported as the status it stands for`, () => {
      expect(Object.fromEntries(document.units.map((u) => [u.key, importedStatus(u)]))).toEqual(statuses);
    });

    it(`${name}: untouched, with the imported statuses, it comes back byte for byte`, () => {
      expect(format.write(document, [])).toBe(text);
      expect(format.write(document, asImported(document))).toBe(text);
      // The skeleton is stored as JSON in the store.
      const stored = JSON.parse(JSON.stringify(document)) as ParsedDocument<XliffSkeleton>;
      expect(format.write(stored, asImported(document))).toBe(text);
    });

    it(`${name}: an edit changes exactly its text; a new status exactly its state`, () => {
      const unit = document.units.find((u) => u.status === 'confirmed')!;
      const edited = format.write(document, [{ key: unit.key, text: `${unit.target.slice(0, -1)}!`, status: 'confirmed' }]);
      // Trados is told the MT was edited too: the segment's origin is the translator's (sdlOrigin.test.ts).
      const origin = ['<sdl:seg id="2" conf="Translated" origin="mt"/>', '<sdl:seg id="2" conf="Translated" origin="interactive"><sdl:prev-origin origin="mt"/></sdl:seg>'];
      expect(onlyChange(text, vocabulary === 'sdl' ? edited.replace(origin[1]!, origin[0]!) : edited)).toEqual(['.', '!']);
      const approved = format.write(document, [{ key: unit.key, text: unit.target, status: 'approved' }]);
      const wanted = WRITTEN[vocabulary].approved.state;
      expect(wanted).toContain(onlyChange(text, approved)[1]); // one stretch changed, inside the new state's value
      const reread = format.parse(approved, name).units.find((u) => u.key === unit.key);
      expect([reread?.state, reread?.status]).toEqual([wanted, 'approved']);
    });

    it(`${name}: malformed, it is refused in one line`, () => {
      const broken = text.replace('</source>', '</sorce>');
      expect(badInput(() => format.parse(broken, name))).toMatch(/^\S+ is not well-formed XML: line \d+, column \d+: [^\n]+$/);
    });

    it(`${name}: property: any sequence of status changes on any unit, exported and re-imported, gives the mapped status; units whose status ends where it began keep their bytes`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.constantFrom(...STATUSES), { maxLength: 4 }), { minLength: document.units.length, maxLength: document.units.length }),
          (changes) => {
            // The status a unit ends with: the last change, or the one it was imported with.
            const final = document.units.map((u, i) => changes[i]!.at(-1) ?? importedStatus(u));
            const reviewed = document.units.map((u, i): ReviewedUnit => ({ key: u.key, text: u.target, status: final[i]! }));
            const out = format.write(document, reviewed);
            const reread = format.parse(out, name);
            const changed = document.units.filter((u, i) => u.locked !== true && final[i] !== importedStatus(u));
            reread.units.forEach((u, i) => {
              const original = document.units[i]!;
              const kept = original.locked === true || final[i] === importedStatus(original);
              // A locked unit and a status back where it began: the state as it came, read as it was read.
              const expected = kept ? importedStatus(original) : ROUND_TRIP[vocabulary][final[i]!];
              expect([u.key, importedStatus(u)]).toEqual([original.key, expected]);
              if (kept) expect(unitBytes(reread, u.key)).toEqual(unitBytes(document, u.key));
              else expect(u.state).toBe(WRITTEN[vocabulary][final[i]!].state);
            });
            // Nothing outside the changed units' states differs: the same file as writing the changed ones alone.
            expect(out).toBe(format.write(document, reviewed.filter((r) => changed.some((c) => c.key === r.key))));
            if (changed.length === 0) expect(out).toBe(text);
            // And what was written reads back and writes back unchanged.
            expect(format.write(reread, asImported(reread))).toBe(out);
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('every state a status is written as reads back as the status the round trip table says', () => {
    for (const vocabulary of ['xliff1', 'xliff2', 'sdl', 'mq'] as const) {
      for (const status of STATUSES) {
        const { state, qualifier } = WRITTEN[vocabulary][status];
        expect([vocabulary, status, statusOfState(vocabulary, state, qualifier)]).toEqual([vocabulary, status, ROUND_TRIP[vocabulary][status]]);
      }
    }
    // Only Trados cannot say "edited, not confirmed": Draft is also its unreviewed MT.
    const lossy = (['xliff1', 'xliff2', 'sdl', 'mq'] as const).flatMap((v) => STATUSES.filter((s) => ROUND_TRIP[v][s] !== s).map((s) => `${v}:${s}`));
    expect(lossy).toEqual(['sdl:edited']);
    expect(statusOfState('sdl', 'Unspecified')).toBe('not_started');
    expect(statusOfState('xliff1', null)).toBe('not_started');
    expect(statusOfState('mq', 'proofread')).toBe('approved');
  });

  it('a unit reset to not started is written as not started, in every format (issue 13)', () => {
    for (const { name, format, vocabulary } of cases) {
      const text = fixture(name);
      const document = format.parse(text, name);
      const unit = document.units.find((u) => u.status === 'confirmed' && u.locked !== true)!;
      const out = format.write(document, [{ key: unit.key, text: unit.target, status: 'not_started' }]);
      const reread = format.parse(out, name).units.find((u) => u.key === unit.key)!;
      expect([name, reread.state, importedStatus(reread)]).toEqual([name, WRITTEN[vocabulary].not_started.state, 'not_started']);
    }
  });
});

/**
 * A skeleton as stored before the imported status was recorded and 1.2's state-qualifier was slotted: no
 * `imported`, and a 1.2 qualifier part of the surrounding text.
 */
function asLegacy(document: ParsedDocument<XliffSkeleton>): ParsedDocument<XliffSkeleton> {
  const units = document.skeleton.units.map(({ imported: _imported, ...unit }) => unit);
  const isXliff1 = (i: number) => (units[i]!.states ?? (document.skeleton.model === 1 ? 'xliff1' : 'xliff2')) === 'xliff1';
  const pieces = document.skeleton.pieces.map((piece) =>
    typeof piece !== 'string' && piece.part === 'subState' && isXliff1(piece.unit) ? units[piece.unit]!.subStateAttr : piece,
  );
  return { ...document, skeleton: { ...document.skeleton, pieces, units: units.map((u, i) => (isXliff1(i) ? { ...u, subStateAttr: '' } : u)) } };
}

describe('documents imported before statuses round-tripped', () => {
  for (const { name, format, vocabulary } of cases) {
    const text = fixture(name);
    const legacy = asLegacy(format.parse(text, name));
    // What the store holds for them: the statuses the old mapping gave.
    const stored = legacy.skeleton.units.map((u): ReviewedUnit => ({ key: u.key, text: u.target, status: legacyStatusOfState(vocabulary, u.state) }));

    it(`${name}: untouched, they still come back byte for byte`, () => {
      expect(format.write(legacy, [])).toBe(text);
      expect(format.write(legacy, stored)).toBe(text);
    });

    it(`${name}: a changed status is written without a second qualifier attribute`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: stored.length - 1 }), fc.constantFrom(...STATUSES), (i, status) => {
          const out = format.write(legacy, stored.map((u, k) => (k === i ? { ...u, status } : u)));
          const reread = format.parse(out, name).units[i]!; // well-formed: no attribute twice
          if (legacy.units[i]!.locked !== true && status !== stored[i]!.status) expect(reread.state).toBe(WRITTEN[vocabulary][status].state);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a memoQ row imported as PartiallyEdited before it read as edited stays as it was', () => {
    const legacy = asLegacy(mqxliffFormat.parse(fixture('statuses.mqxliff'), 'statuses.mqxliff'));
    const row = legacy.skeleton.units.find((u) => u.key === '6')!;
    expect(row.state).toBe('PartiallyEdited');
    expect(mqxliffFormat.write(legacy, [{ key: '6', text: row.target, status: 'not_started' }])).toBe(fixture('statuses.mqxliff'));
  });
});

/** The cells of the README table that follows `heading`, row by row, each cell's `code` spans. */
function readmeTable(heading: string): Array<{ status: string; cells: string[][] }> {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(heading);
  expect(start, `README has "${heading}"`).toBeGreaterThan(-1);
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: Array<{ status: string; cells: string[][] }> = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    rows.push({ status: cells[0]!.replace(/\*/g, ''), cells: cells.slice(1).map((c) => [...c.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)) });
  }
  return rows;
}

const LABELS: Record<string, Status> = { 'not started': 'not_started', edited: 'edited', confirmed: 'confirmed', approved: 'approved', rejected: 'rejected' };
const COLUMNS = ['xliff1', 'xliff2', 'sdl', 'mq'] as const;

describe("README's table of statuses", () => {
  it('says what the writer writes for each status, and what it reads back as', () => {
    const rows = readmeTable('What Redline writes for a status the review changed');
    expect(rows.map((r) => LABELS[r.status])).toEqual(STATUSES);
    for (const { status, cells } of rows) {
      COLUMNS.forEach((vocabulary, column) => {
        const { state, qualifier } = WRITTEN[vocabulary][LABELS[status]!];
        // The state, its qualifier if any, then the status it reads back as where that is another.
        const roundTrip = ROUND_TRIP[vocabulary][LABELS[status]!];
        const want = [state, ...(qualifier ? [qualifier] : [])];
        expect([vocabulary, status, cells[column]!.slice(0, want.length)]).toEqual([vocabulary, status, want]);
        expect([vocabulary, status, cells[column]!.length]).toEqual([vocabulary, status, want.length]);
        if (roundTrip !== LABELS[status]) expect(readmeRow(status, column)).toContain(`reads back as ${roundTrip.replace('_', ' ')}`);
      });
    }
  });

  it('says what each file state imports as', () => {
    const rows = readmeTable('What each file state imports as');
    expect(rows.map((r) => LABELS[r.status])).toEqual(STATUSES);
    for (const { status, cells } of rows) {
      COLUMNS.forEach((vocabulary, column) => {
        for (const value of cells[column]!) {
          // Single values only: `needs-*`, `rejected-*` and state + qualifier pairs are spelled out in words.
          if (value.includes('*') || value.includes(' + ')) continue;
          const [state, qualifier] = value.includes(':') || value.startsWith('x-') || value.startsWith('rejected-') ? [null, value] : [value, null];
          const read = state === null ? statusOfState(vocabulary, vocabulary === 'xliff2' ? 'initial' : 'needs-translation', qualifier) : statusOfState(vocabulary, state);
          expect([vocabulary, value, read]).toEqual([vocabulary, value, LABELS[status]]);
        }
      });
    }
  });
});

function readmeRow(status: string, column: number): string {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('What Redline writes for a status the review changed');
  const line = readme
    .slice(start)
    .split('\n')
    .find((l) => l.startsWith('|') && l.split('|')[1]!.replace(/\*/g, '').trim() === status)!;
  return line.split('|').slice(1, -1)[column + 1]!;
}
