export { tercomWords, type TerOptions } from './tercomTokenize';
export { terWords, type TerCounts, type TerResult } from './ter';
export { levenshtein, charEditRate } from './levenshtein';
export { segmentMetrics, terPercent, type SegmentMetrics } from './segmentMetrics';
export {
  documentMetrics,
  HTER_BINS,
  REWRITE_THRESHOLD,
  type DocumentMetrics,
  type MeasuredSegment,
} from './documentMetrics';
export { IDLE_GAP_MS, newEditTimer, recordAction, type EditTimer } from './editTime';
