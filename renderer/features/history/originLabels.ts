import type { Revision } from '../../../core/model/revision';

/** What made a revision, in the editor's words (the history of a sentence, the document's changes). */
export const ORIGIN_LABELS: Record<Revision['origin'], string> = {
  import: 'Imported MT',
  edit: 'Edit',
  revert: 'Reverted to MT',
  fix: 'Fix',
  propagated: 'Propagated fix',
  replace: 'Replace',
  restore: 'Restored',
  status: 'Status',
};

/** What made a revision of a sentence's history: an undo or redo says so, not "Restored". */
export const revisionLabel = (revision: Pick<Revision, 'origin' | 'step'>): string =>
  revision.step === 'undo' ? 'Undo' : revision.step === 'redo' ? 'Redo' : ORIGIN_LABELS[revision.origin];
