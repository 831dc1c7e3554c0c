import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALID_REQUESTS } from '../../support/validRequests';
import { CHANNELS, contract, MAX_PAGE_SIZE, MAX_SEGMENT_LENGTH, type Channel } from '../../../core/ipc';
import { REVISION_ORIGINS } from '../../../core/model/revision';

const accepts = (channel: Channel, request: unknown): boolean => contract[channel].request.safeParse(request).success;

/** A valid request for every channel, so each refusal below differs from an accepted request in one way. */
const VALID = VALID_REQUESTS;

/** Id fields that may be left out. */
const OPTIONAL_IDS = new Set(['search.query.documentId', 'search.query.firstDocumentId']);

/** Values no id field may take: not positive integers, or not numbers at all. */
const BAD_IDS: unknown[] = [
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  '1',
  null,
  undefined,
  true,
  [1],
  { id: 1 },
];

describe('IPC contract', () => {
  it('has an entry for exactly the channels the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('accepts every channel’s valid request', () => {
    expect(CHANNELS.filter((channel) => !accepts(channel, VALID[channel]))).toEqual([]);
  });

  it('refuses unknown keys on every channel, including prototype tricks', () => {
    const failures = CHANNELS.flatMap((channel) => {
      // What JSON.parse makes of '{"__proto__": …}': an own key that must not slip through as the prototype.
      const withProtoKey = { ...VALID[channel] };
      Object.defineProperty(withProtoKey, '__proto__', { value: { admin: true }, enumerable: true });
      return [
        ...(accepts(channel, { ...VALID[channel], extra: 1 }) ? [`${channel}: an extra key`] : []),
        ...(accepts(channel, withProtoKey) ? [`${channel}: a __proto__ key`] : []),
      ];
    });
    expect(failures).toEqual([]);
  });

  it('refuses a request that is not an object on every channel', () => {
    const failures = CHANNELS.flatMap((channel) =>
      [null, undefined, 'documents.list', 42, [], [VALID[channel]]]
        .filter((request) => accepts(channel, request))
        .map((request) => `${channel}: ${JSON.stringify(request) ?? 'undefined'}`),
    );
    expect(failures).toEqual([]);
  });

  it('bounds the timeline’s origins to the origins there are', () => {
    expect(accepts('documents.timeline', { documentId: 1, origins: [...REVISION_ORIGINS] })).toBe(true);
    // A window could otherwise send millions of items for the main process to validate and hold.
    expect(accepts('documents.timeline', { documentId: 1, origins: Array(REVISION_ORIGINS.length + 1).fill(REVISION_ORIGINS[0]) })).toBe(false);
  });

  it('refuses a bad value in every id field of every channel', () => {
    const failures: string[] = [];
    for (const channel of CHANNELS) {
      for (const key of Object.keys(VALID[channel]).filter((k) => k.endsWith('Id'))) {
        const { [key]: _omitted, ...missing } = VALID[channel];
        // An id may be optional (search all documents); then leaving it out is allowed, any bad value is not.
        const optional = accepts(channel, missing);
        if (optional !== OPTIONAL_IDS.has(`${channel}.${key}`)) {
          failures.push(`${channel}.${key}: ${optional ? 'may be left out' : 'may not be left out'}`);
        }
        for (const bad of BAD_IDS) {
          if (optional && bad === undefined) continue;
          if (accepts(channel, { ...VALID[channel], [key]: bad })) failures.push(`${channel}.${key} = ${String(bad)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  describe('segments.page', () => {
    const page = (offset: unknown, limit: unknown): boolean =>
      accepts('segments.page', { documentId: 1, offset, limit });

    it('allows offset 0 and a limit of exactly MAX_PAGE_SIZE', () => {
      expect(MAX_PAGE_SIZE).toBe(200);
      expect(page(0, MAX_PAGE_SIZE)).toBe(true);
      expect(page(10_000, 1)).toBe(true);
    });

    it('refuses a negative or fractional offset and a limit of 0 or above MAX_PAGE_SIZE', () => {
      expect(page(-1, 10)).toBe(false);
      expect(page(0.5, 10)).toBe(false);
      expect(page(0, 0)).toBe(false);
      expect(page(0, MAX_PAGE_SIZE + 1)).toBe(false);
      expect(page(0, '10')).toBe(false);
    });

    it('accepts exactly the integer limits from 1 to MAX_PAGE_SIZE', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1000, max: 1000 }), (limit) => {
          expect(page(0, limit)).toBe(limit >= 1 && limit <= MAX_PAGE_SIZE);
        }),
      );
    });
  });

  describe('segments.update', () => {
    const update = (text: unknown): boolean => accepts('segments.update', { segmentId: 1, text });

    it('accepts an emptied sentence and one of exactly MAX_SEGMENT_LENGTH characters', () => {
      expect(update('')).toBe(true);
      expect(update('x'.repeat(MAX_SEGMENT_LENGTH))).toBe(true);
    });

    it('refuses a text longer than MAX_SEGMENT_LENGTH or not a string', () => {
      expect(update('x'.repeat(MAX_SEGMENT_LENGTH + 1))).toBe(false);
      expect(update(null)).toBe(false);
      expect(update(42)).toBe(false);
      expect(update(['text'])).toBe(false);
      expect(accepts('segments.update', { segmentId: 1 })).toBe(false);
    });
  });

  describe('responses', () => {
    const summary = {
      id: 1,
      title: 'Kazakhstan',
      fileName: 'kazakhstan-mt.txt',
      segmentCount: 91,
      editedCount: 0,
      confirmedCount: 0,
      emptyCount: 0,
      notesPlaced: true,
      format: 'text',
      encoding: 'utf-8',
      createdAt: 1,
      openedAt: 1,
    };
    const segment = {
      id: 1,
      documentId: 1,
      position: 1,
      paragraph: 1,
      mtText: 'MT.',
      currentText: 'MT.',
      sourceText: null,
      status: 'not_started',
      revisionCount: 1,
      editMs: 0,
      keystrokes: 0,
      note: null,
      fileNotes: [],
      locked: false,
      lockedBy: null,
      updatedAt: 1,
    };

    it('accept the shapes the services return', () => {
      expect(contract['documents.list'].response.safeParse([summary]).success).toBe(true);
      expect(contract['documents.pickFile'].response.safeParse(null).success).toBe(true);
      expect(contract['segments.page'].response.safeParse({ total: 1, items: [segment] }).success).toBe(true);
    });

    it('refuse an unknown segment status and a negative count', () => {
      expect(contract['segments.update'].response.safeParse({ ...segment, status: 'done' }).success).toBe(false);
      expect(contract['documents.open'].response.safeParse({ ...summary, editedCount: -1 }).success).toBe(false);
    });
  });

  it('carries where a glossary export put its check settings, and whether an import took them, to the window', () => {
    const exported = { path: '/tmp/terms.csv', count: 2, settingsPath: '/tmp/terms.check-settings.json' };
    expect(contract['glossary.exportCsv'].response.parse(exported)).toEqual(exported);
    expect(contract['glossary.importCsv'].response.parse({ count: 2, settingsImported: true })).toEqual({ count: 2, settingsImported: true });
    expect(contract['memory.exportCsv'].response.parse({ path: '/tmp/memory.csv', count: 1 })).toEqual({ path: '/tmp/memory.csv', count: 1 });
  });
});
