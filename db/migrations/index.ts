import type { Database } from 'better-sqlite3';
import init from './0001_init';
import effort from './0002_effort';
import fixes from './0003_fixes';
import review from './0004_review';
import formats from './0005_formats';
import stagedImports from './0006_staged_imports';
import storedFlags from './0007_stored_flags';
import languagesSpelling from './0008_languages_spelling';
import storedMetrics, { fill as fillStoredMetrics } from './0009_stored_metrics';
import namesIndex from './0010_names_index';
import lockedSegments from './0011_locked_segments';
import annotationSource from './0012_annotation_source';
import documentSkeletons from './0013_document_skeletons';
import panelCounts from './0014_panel_counts';
import nameFacts from './0015_name_facts';
import searchTerms from './0016_search_terms';
import flaggedSentences from './0017_flagged_sentences';
import revisionsByTime from './0018_revisions_by_time';
import targetWords, { fill as fillTargetWords } from './0019_target_words';
import workedRevisions from './0020_worked_revisions';
import flagChecks from './0021_flag_checks';
import segmentFilters from './0022_segment_filters';
import workedRevisionsByDocument from './0023_worked_revisions_by_document';
import undoStacks, { fill as fillUndoStacks } from './0024_undo_stacks';
import batchSizes from './0025_batch_sizes';
import skeletonParts from './0026_skeleton_parts';
import unitsWithoutMt from './0027_units_without_mt';
import emptySegments from './0028_empty_segments';
import ignoredFlagWords from './0029_ignored_flag_words';
import notesPlaced from './0030_notes_placed';
import fileLocks from './0031_file_locks';
import searchTagsApart from './0032_search_tags_apart';
import revisionIdsNeverReused from './0033_revision_ids_never_reused';

/** A shipped schema change. Never edit or reorder one once released: add the next number instead. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * What SQL alone cannot compute for the rows already stored (figures that need core's code), run after `sql`
   * in the same transaction.
   */
  fill?: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'effort', sql: effort },
  { version: 3, name: 'fixes', sql: fixes },
  { version: 4, name: 'review', sql: review },
  { version: 5, name: 'formats', sql: formats },
  { version: 6, name: 'staged_imports', sql: stagedImports },
  { version: 7, name: 'stored_flags', sql: storedFlags },
  { version: 8, name: 'languages_spelling', sql: languagesSpelling },
  { version: 9, name: 'stored_metrics', sql: storedMetrics, fill: fillStoredMetrics },
  { version: 10, name: 'names_index', sql: namesIndex },
  { version: 11, name: 'locked_segments', sql: lockedSegments },
  { version: 12, name: 'annotation_source', sql: annotationSource },
  { version: 13, name: 'document_skeletons', sql: documentSkeletons },
  { version: 14, name: 'panel_counts', sql: panelCounts },
  { version: 15, name: 'name_facts', sql: nameFacts },
  { version: 16, name: 'search_terms', sql: searchTerms },
  { version: 17, name: 'flagged_sentences', sql: flaggedSentences },
  { version: 18, name: 'revisions_by_time', sql: revisionsByTime },
  { version: 19, name: 'target_words', sql: targetWords, fill: fillTargetWords },
  { version: 20, name: 'worked_revisions', sql: workedRevisions },
  { version: 21, name: 'flag_checks', sql: flagChecks },
  { version: 22, name: 'segment_filters', sql: segmentFilters },
  { version: 23, name: 'worked_revisions_by_document', sql: workedRevisionsByDocument },
  { version: 24, name: 'undo_stacks', sql: undoStacks, fill: fillUndoStacks },
  { version: 25, name: 'batch_sizes', sql: batchSizes },
  { version: 26, name: 'skeleton_parts', sql: skeletonParts },
  { version: 27, name: 'units_without_mt', sql: unitsWithoutMt },
  { version: 28, name: 'empty_segments', sql: emptySegments },
  { version: 29, name: 'ignored_flag_words', sql: ignoredFlagWords },
  { version: 30, name: 'notes_placed', sql: notesPlaced },
  { version: 31, name: 'file_locks', sql: fileLocks },
  { version: 32, name: 'search_tags_apart', sql: searchTagsApart },
  { version: 33, name: 'revision_ids_never_reused', sql: revisionIdsNeverReused },
];
