import { z } from 'zod';
import { count } from '../model/fields';

/** How much a flagged problem matters to the reader of the final text. */
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every check Redline runs; one module in core/checks per id. */
export const CHECK_IDS = [
  'spacing',
  'orphaned-punctuation',
  'quotes-brackets',
  'repeated-words',
  'resumptive-pronoun',
  'leaked-text',
  'joined-sentences',
  'lost-attribution',
  'mixed-script',
  'name-variants',
  'terminology',
  'source-mismatch',
  'hidden-text',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** One problem found in one sentence. */
export const flagSchema = z.object({
  check: z.enum(CHECK_IDS),
  severity: z.enum(SEVERITIES),
  /** Written for the editor: what is wrong, naming the words involved. */
  message: z.string(),
  /** The exact span in the sentence's text, [start, end) in UTF-16 code units. */
  start: count,
  end: count,
  /** The whole sentence after fixing this one problem, when the fix is mechanical and safe. */
  fix: z.string().optional(),
});
export type Flag = z.infer<typeof flagSchema>;

/** A sentence as the checks see it, in document order. */
export interface CheckedSentence {
  /** 1-based paragraph number; sentences of one paragraph share it. */
  paragraph: number;
  text: string;
  /** The source sentence, when the document has one. */
  source?: string | null;
}

/** A glossary entry: the term to use, and the variants to replace by it. */
export interface GlossaryTerm {
  preferred: string;
  forbidden: string[];
  note?: string;
}

export interface CheckOptions {
  glossary?: readonly GlossaryTerm[];
  /** Checks to skip. */
  disabled?: readonly CheckId[];
}

/** What the UI shows about a check. */
export interface CheckInfo {
  id: CheckId;
  title: string;
  description: string;
  /** Mechanical checks offer fixes that can be applied in bulk ("fix all of this kind"). */
  mechanical: boolean;
}
