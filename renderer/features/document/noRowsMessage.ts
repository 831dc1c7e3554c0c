import { CHECKS } from '../../../core/checks';
import { STATUS_LABELS, type SegmentStatus } from '../../../core/model/segment';
import type { Filter } from './useRowFilter';
import { parseFilter } from './useTextFilter';

/** What the row filter asks of a sentence, said of it ("is empty", "has a “Spelling” flag"). */
function filterPredicate(filter: Exclude<Filter, null>): string {
  switch (filter) {
    case 'any':
      return 'has a flag';
    case 'edited-any':
      return 'is corrected';
    case 'notes':
      return 'has a note';
    case 'empty':
      return 'is empty';
    default:
      if (filter in STATUS_LABELS) return filter === 'not_started' ? 'is still to start' : `is ${STATUS_LABELS[filter as SegmentStatus].toLowerCase()}`;
      return `has a “${CHECKS.find((check) => check.id === filter)?.title ?? filter}” flag`;
  }
}

/** What the text filter asks ("contains “Almaty”", "matches /\d+%/i"). */
function textPredicate(text: string): string | null {
  const query = parseFilter(text);
  if (query === null) return null;
  return query.regex ? `matches ${text.trim()}` : `contains “${query.text}”`;
}

/** Why the grid shows no row: the filters that leave none, in the editor's words. */
export function noRowsMessage(filter: Filter, text: string): string {
  const asked = [filter === null ? null : filterPredicate(filter), textPredicate(text)].filter((p): p is string => p !== null);
  return `No sentence ${asked.join(' and ')}.`;
}
