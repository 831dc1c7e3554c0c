/** Why a revision was written. The store refuses any other value. */
export const REVISION_ORIGINS = [
  'import',
  'edit',
  'revert',
  'fix',
  'propagated',
  'replace',
  'restore',
  'status',
] as const;
export type RevisionOrigin = (typeof REVISION_ORIGINS)[number];

/** An append-only record of a segment's text at one moment. */
export interface Revision {
  id: number;
  segmentId: number;
  text: string;
  origin: RevisionOrigin;
  createdAt: number;
}
