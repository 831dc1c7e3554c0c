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
  'conventions',
  'spelling',
  'untranslated',
  'hidden-text',
  'tags',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * How sure a check is that the flag marks a real error. `sure`: on the development sets most such flags land
 * on an error a human marked; `possible`: often an error but as often a matter of style or of a text the
 * check reads wrongly (straight quotes in English, a word the dictionary lacks). The default view shows the
 * sure ones.
 */
export const CONFIDENCES = ['sure', 'possible'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** One problem found in one sentence. */
export const flagSchema = z.object({
  check: z.enum(CHECK_IDS),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
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
  /**
   * The sentence's MT when it holds inline tags (the tags check compares the text's with its), null when it
   * holds none; left out when the caller does not know (the tags check then says nothing).
   */
  taggedMt?: string | null;
}

/** A glossary entry: the term to use, and the variants to replace by it. */
export interface GlossaryTerm {
  preferred: string;
  forbidden: string[];
  note?: string;
}

/**
 * A spelling dictionary of the target language, loaded outside core (services/spelling.ts): core only asks it
 * about words.
 */
export interface Speller {
  correct(word: string): boolean;
  /** A few likely corrections, best first. */
  suggest(word: string): string[];
  /**
   * Whether the dictionary holds this exact form (no case variants, nothing remembered): cheap enough to ask
   * of the hundreds of candidates a slip search makes (slips.ts). Without it, `correct` is asked.
   */
  listed?(word: string): boolean;
}

/** The document's languages as BCP 47 tags (`en`, `de-DE`, `zh-Hans`); null when not known. */
export interface Languages {
  source: string | null;
  target: string | null;
}

/** What the editor chose for one kind of check: off, or on with another severity. */
export interface CheckSetting {
  enabled: boolean;
  /** Replaces the severity the check gives its flags. */
  severity?: Severity;
  /** Shows the possible flags of this kind too, not only the sure ones. */
  showPossible?: boolean;
}

export interface CheckOptions {
  glossary?: readonly GlossaryTerm[];
  /** Checks to skip. */
  disabled?: readonly CheckId[];
  languages?: Partial<Languages>;
  /** The target language's dictionary; without one there is no spelling check. */
  speller?: Speller;
  /**
   * The source language's dictionary: with the target's, it tells the words of the source language left in
   * the MT (the untranslated check). Without it, only copies of the source's words are seen.
   */
  sourceSpeller?: Speller;
  /** Words never flagged as misspelled: the user's word list (compared case-insensitively). */
  knownWords?: ReadonlySet<string>;
  settings?: Partial<Record<CheckId, CheckSetting>>;
}

/** What the UI shows about a check. */
export interface CheckInfo {
  id: CheckId;
  title: string;
  description: string;
  /** Mechanical checks offer fixes that can be applied in bulk ("fix all of this kind"). */
  mechanical: boolean;
}
