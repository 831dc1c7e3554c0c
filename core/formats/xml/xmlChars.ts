import { UnitError } from '../units';

/** A character XML 1.0 cannot hold, literal or as a reference (most C0 controls, lone surrogates, U+FFFE/F). */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The text without the characters XML cannot hold (where dropping them loses nothing that matters: a note). */
export const withoutCharsXmlCannotHold = (text: string): string => text.replace(new RegExp(NOT_XML_CHAR.source, 'gu'), '');

/**
 * Refuses a unit's reviewed text holding such a character (a control character pasted in), naming the unit and
 * the character: an XML file cannot carry it, and dropping it unseen would change the text behind the editor.
 */
export function refuseCharXmlCannotHold(text: string, unit: string): void {
  const bad = NOT_XML_CHAR.exec(text);
  if (!bad) return;
  const code = bad[0].codePointAt(0) ?? 0;
  throw new UnitError(unit, `the text contains U+${code.toString(16).toUpperCase().padStart(4, '0')}, a character XML cannot hold.`);
}
