/**
 * The XML declaration's encoding pseudo-attribute (`<?xml version="1.0" encoding="ISO-8859-1"?>`): what a
 * file's bytes say they are, and the one thing to change when the file is written in another encoding.
 */

/** XML's S production: spaces, tabs and line breaks. */
const S = '[ \\t\\r\\n]';
/** The declaration up to its encoding's value (group 2), which XML's EncName production spells. */
const ENCODING_DECLARATION = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(?:"[^"]*"|'[^']*')${S}+encoding${S}*=${S}*(["'])([A-Za-z][A-Za-z0-9._-]*)\\1`,
);

/** The encoding an XML declaration at the very start of `text` names, or null (no declaration, or none named). */
export function declaredEncoding(text: string): string | null {
  return ENCODING_DECLARATION.exec(text)?.[2] ?? null;
}

/**
 * `text` with the encoding its XML declaration names replaced by `encoding`, the rest of the prolog as it was;
 * unchanged when there is no declaration, it names no encoding, or it names this one already (in any case).
 */
export function withDeclaredEncoding(text: string, encoding: string): string {
  const match = ENCODING_DECLARATION.exec(text);
  const named = match?.[2];
  if (!match || named === undefined || named.toLowerCase() === encoding.toLowerCase()) return text;
  const valueStart = match[0].length - 1 - named.length;
  return text.slice(0, valueStart) + encoding + text.slice(valueStart + named.length);
}
