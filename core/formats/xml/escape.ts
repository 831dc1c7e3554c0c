import { withoutCharsXmlCannotHold } from './xmlChars';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const entity = (ch: string): string => ENTITY[ch]!;

/** Text as XML character data: & < > as entities. */
export const escapeCharData = (text: string): string => text.replace(/[&<>]/g, entity);

/**
 * Text as XML character data that keeps its carriage returns: a raw one would be read back as a line feed
 * (XML normalizes line ends), so it is written as &#13;.
 */
export const escapeKeepingCr = (text: string): string => text.replace(/[&<>\r]/g, entity);

/** escapeKeepingCr, leaving out the characters XML 1.0 cannot hold at all (most C0 controls). */
export const escapeDroppingNonXml = (text: string): string => escapeKeepingCr(withoutCharsXmlCannotHold(text));

/** A double-quoted attribute value: escapeDroppingNonXml, and " as &quot;. */
export const escapeAttributeDroppingNonXml = (text: string): string => escapeDroppingNonXml(text).replace(/"/g, '&quot;');
