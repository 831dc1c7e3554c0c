import { MQM_CATEGORIES, MQM_SEVERITIES, type MqmCategory, type MqmSeverity } from '../core/mqm/categories';
import { checkThreshold, mqmSummary, type MqmSummary } from '../core/mqm/score';
import type { Annotation } from '../core/model/annotation';
import { RedlineError } from '../core/model/errors';
import type { Segment } from '../core/model/segment';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';

export type AnnotationSide = Annotation['side'];

/** Longer comments are not a note on one error; refuse them rather than bloat the store and the report. */
export const MAX_COMMENT_LENGTH = 2_000;

const bad = (message: string) => new RedlineError('bad_input', message);

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** Whether offset `at` falls between the two halves of one character (an emoji, a rare CJK character …). */
const splitsCharacter = (text: string, at: number) =>
  at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));

/** MQM error annotations on spans of a sentence's MT or correction, and the document's MQM score. */
export function annotationService(store: Store, clock: Clock) {
  function segmentOf(segmentId: number): Segment {
    const segment = store.segments.get(segmentId);
    if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
    return segment;
  }

  function requireDocument(documentId: number): void {
    if (!store.documents.summary(documentId)) {
      throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    }
  }

  /** The MQM summary of a document: its annotations over the words of its current (corrected) text. */
  function summary(documentId: number): MqmSummary {
    requireDocument(documentId);
    // The words are kept on the document row by every write (migration 0019), not counted from every sentence.
    const words = store.documents.targetWords(documentId) ?? 0;
    return mqmSummary(store.annotations.ofDocument(documentId), words, store.qualityThreshold.get(documentId));
  }

  return {
    /**
     * Tags the words [start, end) of the sentence's source (`side` 'source'), MT ('mt') or current correction ('target') with an
     * MQM error; offsets are UTF-16 code units into that text as it is now. Stores the quoted words with it.
     */
    add(
      segmentId: number,
      side: AnnotationSide,
      start: number,
      end: number,
      category: MqmCategory,
      severity: MqmSeverity,
      comment = '',
      /** The words the caller expects there (an undone removal puts its error back only on its own words). */
      quoted?: string,
    ): Annotation {
      const segment = segmentOf(segmentId);
      if (side !== 'source' && side !== 'mt' && side !== 'target') {
        throw bad(`An annotation is on the source ('source'), the MT ('mt') or the correction ('target'), not ${String(side)}.`);
      }
      if (side === 'source' && segment.sourceText === null) throw bad(`Sentence ${segment.position} has no source text.`);
      if (!(MQM_CATEGORIES as readonly string[]).includes(category)) throw bad(`Unknown MQM category: ${String(category)}.`);
      if (!(MQM_SEVERITIES as readonly string[]).includes(severity)) throw bad(`Unknown MQM severity: ${String(severity)}.`);
      if (typeof comment !== 'string') throw bad('The comment must be text.');
      if (comment.length > MAX_COMMENT_LENGTH) throw bad(`The comment is longer than ${MAX_COMMENT_LENGTH} characters.`);
      const text = side === 'source' ? segment.sourceText! : side === 'mt' ? segment.mtText : segment.currentText;
      const which = side === 'source' ? 'source' : side === 'mt' ? 'MT' : 'correction';
      if (!Number.isInteger(start) || !Number.isInteger(end)) throw bad('The start and end of the span must be whole numbers.');
      if (start < 0 || end > text.length) {
        throw bad(`The span ${start}–${end} is outside the ${which} of sentence ${segment.position} (${text.length} characters).`);
      }
      if (end <= start) throw bad('Select at least one character to annotate.');
      if (splitsCharacter(text, start) || splitsCharacter(text, end)) throw bad('The span cuts a character in two.');
      const quote = text.slice(start, end);
      if (quote.trim() === '') throw bad('The selection is only spaces; select the words that are wrong.');
      if (quoted !== undefined && quoted !== quote) {
        throw new RedlineError('bad_input', `The words “${quoted}” are no longer there in the ${which} of sentence ${segment.position}; select them and tag them again.`);
      }
      const id = store.annotations.add(
        { segmentId, side, start, end, quote, category, severity, comment: comment.trim() },
        clock(),
      );
      return store.annotations.get(id)!;
    },

    remove(id: number): void {
      if (!store.annotations.remove(id)) throw new RedlineError('not_found', `There is no annotation with id ${id}.`);
    },

    /** A sentence's annotations, oldest first. */
    ofSegment(segmentId: number): Annotation[] {
      segmentOf(segmentId);
      return store.annotations.ofSegment(segmentId);
    },

    /** Every annotation of a document, in sentence order. */
    ofDocument(documentId: number): Annotation[] {
      requireDocument(documentId);
      return store.annotations.ofDocument(documentId);
    },

    summary,

    threshold(documentId: number): number {
      requireDocument(documentId);
      return store.qualityThreshold.get(documentId);
    },

    /** Sets the document's MQM pass mark (0 … 100) and returns the summary against it. */
    setThreshold(documentId: number, value: number): MqmSummary {
      requireDocument(documentId);
      store.qualityThreshold.set(documentId, checkThreshold(value));
      return summary(documentId);
    },
  };
}

export type AnnotationService = ReturnType<typeof annotationService>;
