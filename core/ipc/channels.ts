/**
 * Every IPC channel, and nothing else: the preload exposes exactly these and main registers exactly these.
 * Kept apart from the schemas so the preload bundle stays free of zod.
 */
export const CHANNELS = [
  'documents.list',
  'documents.openSample',
  'documents.pickFile',
  'documents.inspectPicked',
  'documents.importPicked',
  'documents.importProgress',
  'documents.cancelImport',
  'documents.alignPicked',
  'documents.open',
  'documents.exportText',
  'segments.page',
  'segments.update',
  'segments.revert',
  'documents.metrics',
  'checks.document',
  'checks.segment',
  'checks.ignore',
  'fixes.applyOne',
  'fixes.preview',
  'fixes.applyAll',
  'propagation.suggest',
  'propagation.apply',
  'batches.undo',
  'segments.setStatus',
  'segments.history',
  'segments.restore',
  'segments.note',
  'segments.positions',
  'documents.summary',
  'documents.statusCounts',
  'documents.undoState',
  'documents.undo',
  'documents.redo',
  'documents.timeline',
  'documents.changesSince',
  'documents.rename',
  'documents.delete',
  'annotations.add',
  'annotations.remove',
  'annotations.ofSegment',
  'annotations.summary',
  'annotations.setThreshold',
  'documents.exportReport',
  'search.query',
  'replace.preview',
  'replace.apply',
  'memory.list',
  'memory.update',
  'memory.remove',
  'memory.preview',
  'memory.apply',
  'memory.exportCsv',
  'memory.importCsv',
  'glossary.list',
  'glossary.save',
  'glossary.remove',
  'glossary.exportCsv',
  'glossary.importCsv',
  'backups.list',
  'backups.restore',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);

/** The name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'redline';
