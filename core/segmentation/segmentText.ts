import { runToEnd, type StepProgress, type Steps } from '../model/steps';
import { sentenceSpans, type Span } from './sentenceSpans';

/** One sentence of a text and the exact whitespace that followed it. */
export interface TextSegment {
  /** 1-based paragraph number (paragraphs are separated by blank lines). */
  paragraph: number;
  /** 1-based position of the sentence within its paragraph. */
  index: number;
  text: string;
  /** Whitespace between this sentence and the next (or the end of the text), byte for byte. */
  trailing: string;
}

/** A text split into sentences so that `joinSegments` gives back exactly the same string. */
export interface SegmentedText {
  /** Whitespace before the first sentence. */
  leading: string;
  segments: TextSegment[];
}

const LINE = /[^\r\n]*(\r\n|\n|\r|$)/gy;

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const start = LINE.lastIndex;
    const match = LINE.exec(text);
    if (!match) break;
    const content = match[0].length - (match[1]?.length ?? 0);
    spans.push({ start, end: start + content });
  }
  return spans;
}

/** A gap of whitespace holding a line break. */
const breaksLine = (gap: string): boolean => /\r|\n/.test(gap);

/** A gap of whitespace holding two or more line breaks contains a blank line: a paragraph break. */
function breaksParagraph(gap: string): boolean {
  return (gap.match(/\r\n|\n|\r/g)?.length ?? 0) >= 2;
}

/** Lines without a blank line between them beyond which each is a paragraph of its own (see segmentTextSteps). */
export const LONG_RUN = 100;

/** Lines split between two reports of progress: about 40 ms of work on a laptop. */
const LINES_PER_STEP = 4000;

/**
 * Splits a text into paragraphs (blank lines) and sentences (line breaks and sentence punctuation), a few
 * thousand lines per step, yielding the characters done so far.
 */
export function* segmentTextSteps(text: string, linesPerStep = LINES_PER_STEP): Steps<StepProgress, SegmentedText> {
  const lines = lineSpans(text);
  const spans: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (const span of sentenceSpans(text.slice(line.start, line.end), line.start)) spans.push(span);
    if ((i + 1) % linesPerStep === 0 && i + 1 < lines.length) yield { done: line.end, total: text.length };
  }
  const first = spans[0];
  if (!first) return { leading: text, segments: [] };

  const trailings = spans.map((span, i) => text.slice(span.end, spans[i + 1]?.start ?? text.length));
  // A text with no blank line anywhere is one line per paragraph (an MT file of a sentence a line, a subtitle
  // export), and so is a run of more than LONG_RUN lines between blank lines (the same file under a title): read
  // as one paragraph, a save that changes the paragraph's quotation balance re-checks all of it (17 s for a
  // paragraph of 100,000 lines). A paragraph hard-wrapped at a line width stays one.
  const runs: number[] = [];
  let runLines = 1;
  trailings.forEach((trailing, i) => {
    if (breaksParagraph(trailing)) {
      runs.push(runLines);
      runLines = 1;
    } else if (breaksLine(trailing) && i < trailings.length - 1) runLines++; // the last one ends the text, not a line
  });
  runs.push(runLines);
  const linesAreParagraphs = runs.length === 1 ? () => true : (run: number) => runs[run]! > LONG_RUN;
  const segments: TextSegment[] = [];
  let paragraph = 1;
  let index = 0;
  let run = 0;
  spans.forEach((span, i) => {
    const trailing = trailings[i]!;
    segments.push({ paragraph, index: ++index, text: text.slice(span.start, span.end), trailing });
    const endsRun = breaksParagraph(trailing);
    if (endsRun || (breaksLine(trailing) && linesAreParagraphs(run))) {
      paragraph++;
      index = 0;
    }
    if (endsRun) run++;
  });
  return { leading: text.slice(0, first.start), segments };
}

/** Splits a text into paragraphs (blank lines; lines, when it has none or a long run of lines has none) and sentences (line breaks and sentence punctuation). */
export function segmentText(text: string): SegmentedText {
  return runToEnd(segmentTextSteps(text));
}
