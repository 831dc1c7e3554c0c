import { z } from 'zod';
import { LONE_SURROGATE } from '../model/loneSurrogate';

/**
 * Text the store keeps must not hold control characters: a NUL ends a C string in every tool that reads the
 * file later, and the others are invisible in the window. Tab, line feed and carriage return are text; a
 * sentence may also keep the vertical tab and form feed that real documents carry (Word's line break inside a
 * paragraph, a page break in a plain-text file), so a sentence imported with one can still be saved.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_IN_FIELD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const describe = (char: string): string => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A sentence as typed or pasted, without the control characters the store refuses (a PDF's or a terminal's, pasted
 * in with the text): the window drops them as they come, so a save never fails on an invisible character.
 */
export const withoutForbiddenControls = (text: string): string =>
  FORBIDDEN_IN_TEXT.test(text) ? text.replace(new RegExp(FORBIDDEN_IN_TEXT.source, 'g'), '') : text;

/** The first forbidden control character in `text` as U+XXXX, or null. */
export function forbiddenControl(text: string, sentence = false): string | null {
  const found = (sentence ? FORBIDDEN_IN_TEXT : FORBIDDEN_IN_FIELD).exec(text);
  return found ? describe(found[0]) : null;
}

const refuse = (sentence: boolean) => (text: string, context: z.RefinementCtx) => {
  const char = forbiddenControl(text, sentence);
  if (char) {
    context.addIssue({
      code: 'custom',
      message: `contains the control character ${char}, which Redline does not store; remove it`,
    });
  }
  // Stored, it would become U+FFFD silently.
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    context.addIssue({ code: 'custom', message: `contains half of a character (${describe(lone[0])}, a lone surrogate), which cannot be stored; remove it` });
  }
};

/** A sentence's text: tab, line ends, vertical tab and form feed allowed, other control characters refused. */
export const sentenceString = (max: number) =>
  z.string().max(max, `A sentence may have at most ${max.toLocaleString('en-US')} characters.`).superRefine(refuse(true));
/** A title, note, rule or term: tab and line ends allowed, other control characters refused. */
export const fieldString = (max: number) => z.string().max(max).superRefine(refuse(false));
