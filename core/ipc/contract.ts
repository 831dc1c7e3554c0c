import { z } from 'zod';
import { SEGMENT_STATUSES } from '../model/segment';
import type { Channel } from './channels';

const id = z.number().int().positive();
/** A correction longer than this is not a sentence; refuse it rather than store it. */
export const MAX_SEGMENT_LENGTH = 20_000;
/** The most segments one page may ask for: the grid fetches in pages, never the whole document. */
export const MAX_PAGE_SIZE = 200;

const documentSummary = z.object({
  id,
  title: z.string(),
  fileName: z.string(),
  segmentCount: z.number().int().nonnegative(),
  editedCount: z.number().int().nonnegative(),
  createdAt: z.number(),
  openedAt: z.number(),
});

const segment = z.object({
  id,
  documentId: id,
  position: z.number().int().positive(),
  paragraph: z.number().int().positive(),
  mtText: z.string(),
  currentText: z.string(),
  sourceText: z.string().nullable(),
  status: z.enum(SEGMENT_STATUSES),
  revisionCount: z.number().int().nonnegative(),
  editMs: z.number().int().nonnegative(),
  keystrokes: z.number().int().nonnegative(),
  updatedAt: z.number(),
});

const count = z.number().int().nonnegative();
const documentMetrics = z.object({
  segments: count,
  ter: z.number(),
  edits: count,
  refWords: count,
  untouched: count,
  edited: count,
  rewritten: count,
  editsByType: z.object({ insertions: count, deletions: count, substitutions: count, shifts: count }),
  hterHistogram: z.array(z.object({ from: z.number(), to: z.number().nullable(), count })),
  totalEditMs: count,
  medianEditMs: z.number().nonnegative(),
  keystrokes: count,
  wordsPerHour: z.number().nonnegative(),
});

/** How TER compares words: tercom's normalization and case sensitivity, both on by default. */
const terOptions = { normalize: z.boolean().optional(), caseSensitive: z.boolean().optional() };

/** One sitting in a segment is at most a working day; more is a clock error, not effort. */
export const MAX_EDIT_MS = 24 * 60 * 60 * 1000;

const empty = z.strictObject({});

/** The one source of truth for IPC: each channel's request and response schema. */
export const contract = {
  'documents.list': { request: empty, response: z.array(documentSummary) },
  'documents.openSample': { request: empty, response: documentSummary },
  /** Shows an open dialog; `null` when the editor cancels it. */
  'documents.importFile': { request: empty, response: documentSummary.nullable() },
  'documents.open': { request: z.strictObject({ documentId: id }), response: documentSummary },
  /** Shows a save dialog and writes the clean text; `null` when the editor cancels it. */
  'documents.exportText': {
    request: z.strictObject({ documentId: id }),
    response: z.object({ path: z.string() }).nullable(),
  },
  'segments.page': {
    request: z.strictObject({
      documentId: id,
      offset: z.number().int().nonnegative(),
      limit: z.number().int().positive().max(MAX_PAGE_SIZE),
    }),
    response: z.object({ total: z.number().int().nonnegative(), items: z.array(segment) }),
  },
  /** Stores a correction with the editing time and keystrokes spent on it since the last save. */
  'segments.update': {
    request: z.strictObject({
      segmentId: id,
      text: z.string().max(MAX_SEGMENT_LENGTH),
      editMs: z.number().int().nonnegative().max(MAX_EDIT_MS).optional(),
      keystrokes: z.number().int().nonnegative().max(1_000_000).optional(),
    }),
    response: segment,
  },
  'segments.revert': { request: z.strictObject({ segmentId: id }), response: segment },
  'documents.metrics': {
    request: z.strictObject({ documentId: id, ...terOptions }),
    response: documentMetrics,
  },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;
