export { segmentText, segmentTextSteps, type SegmentedText, type TextSegment } from './segmentText';
export { joinSegments, type LaidOutText } from './joinSegments';
export { sentenceSpans, type Span } from './sentenceSpans';
