import { SaxesParser, type SaxesTagNS } from 'saxes';
import { RedlineError } from '../../model/errors';
import { elementBudget, MAX_XML_DEPTH, XmlBudget } from '../xml/limits';

/**
 * A light XML tree over the decoded file text, built with saxes (a strict, non-validating parser that knows only
 * the five predefined entities and never reads a DTD, so nothing external is ever fetched or expanded). Every
 * element keeps its offsets into the text, so the writer can copy the original bytes around whatever it changes.
 */

export interface XmlElement {
  type: 'element';
  /** The name as written, with its prefix. */
  qname: string;
  local: string;
  /** The namespace URI ('' for none). */
  uri: string;
  /** Attribute values (decoded) by their names as written. */
  attrs: Record<string, string>;
  /** Offset of the `<` of the start tag. */
  start: number;
  /** Offset just after the `>` of the start tag (for `<x/>`, the end of the element). */
  openEnd: number;
  /** Offset of the `<` of the end tag (for `<x/>`, equal to openEnd). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  /** 1-based line of the start tag. */
  line: number;
  children: XmlNode[];
}

export interface XmlText {
  type: 'text';
  /** Decoded text (entities and character references resolved, line ends normalized to \n). */
  text: string;
}

/** A comment or processing instruction, kept only as its range. */
export interface XmlMarkup {
  type: 'comment' | 'pi';
  start: number;
  end: number;
}

export type XmlNode = XmlElement | XmlText | XmlMarkup;

export interface XmlTree {
  root: XmlElement;
  /** The DOCTYPE declaration's text after `<!DOCTYPE`, if any. */
  doctype: string | null;
}

const badInput = (message: string): RedlineError => new RedlineError('bad_input', message);

/** Parses `text`; a well-formedness error becomes a bad_input naming the file, the line and the column. */
export function parseXmlTree(text: string, name: string): XmlTree {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | null = null;
  let doctype: string | null = null;
  const stack: XmlElement[] = [];
  // The end of the last markup seen: text cannot hold a literal `<`, so the next markup starts at the first `<`
  // after it.
  let cursor = 0;
  const nextMarkup = (): number => {
    const at = text.indexOf('<', cursor);
    return at < 0 ? cursor : at;
  };
  const append = (node: XmlNode): void => {
    stack[stack.length - 1]?.children.push(node);
  };
  let openLine = 1;
  const budget = new XmlBudget(name, MAX_XML_DEPTH, elementBudget(text.length));

  parser.on('opentagstart', () => {
    openLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    budget.open(openLine, tag.isSelfClosing);
    const start = nextMarkup();
    const end = parser.position;
    const attrs: Record<string, string> = {};
    for (const [qname, attr] of Object.entries(tag.attributes)) attrs[qname] = attr.value;
    const element: XmlElement = {
      type: 'element',
      qname: tag.name,
      local: tag.local,
      uri: tag.uri,
      attrs,
      start,
      openEnd: end,
      closeStart: end,
      end,
      selfClosing: tag.isSelfClosing,
      line: openLine,
      children: [],
    };
    if (stack.length === 0) root = element;
    else append(element);
    cursor = end;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (tag.isSelfClosing) return; // its range was set when it opened
    budget.close();
    const element = stack.pop();
    if (!element) return;
    element.closeStart = nextMarkup();
    element.end = parser.position;
    cursor = element.end;
  });
  parser.on('text', (value: string) => {
    if (stack.length > 0) append({ type: 'text', text: value });
  });
  parser.on('cdata', (value: string) => {
    const start = nextMarkup();
    cursor = text.indexOf(']]>', start) + 3;
    if (stack.length > 0) append({ type: 'text', text: value });
  });
  parser.on('comment', () => {
    const start = nextMarkup();
    const end = text.indexOf('-->', start + 4) + 3;
    cursor = end;
    append({ type: 'comment', start, end });
  });
  parser.on('processinginstruction', () => {
    const start = nextMarkup();
    const end = text.indexOf('?>', start + 2) + 2;
    cursor = end;
    append({ type: 'pi', start, end });
  });
  parser.on('xmldecl', () => {
    cursor = text.indexOf('?>', nextMarkup()) + 2;
  });
  parser.on('doctype', (value: string) => {
    doctype = value;
    const line = (text.slice(0, nextMarkup()).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    cursor = parser.position;
    // An internal subset is where entities are declared (the XXE and "billion laughs" payloads): refuse it
    // before any of the document is read. A bare DOCTYPE naming an external DTD is kept as text and ignored.
    if (value.includes('[')) {
      throw badInput(
        `${name} has declarations in its DOCTYPE (line ${line}), where XML entities are declared; Redline ` +
          'never expands entities, so it does not open such files.',
      );
    }
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof RedlineError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const where = /^(\d+):(\d+): (.*)$/s.exec(message);
    // saxes reads a bare `&` as the start of a reference running to the next `;`, so it reports the damage far
    // away (often at the end of the file): point at the ampersand itself when it comes first.
    const ampersand = bareAmpersand(text);
    if (ampersand && (!where || ampersand.line <= Number(where[1]))) {
      throw badInput(
        `${name} is not well-formed XML: line ${ampersand.line}, column ${ampersand.column}: a bare "&" (write it as &amp;).`,
      );
    }
    if (where) {
      // saxes does not say which entity it does not know: the reference just before where it stopped does.
      const entity = /^undefined entity/.test(where[3] ?? '') ? referenceBefore(text, Number(where[1]), Number(where[2])) : null;
      const what = entity
        ? `undefined entity ${entity} (XML knows only &amp; &lt; &gt; &quot; &apos;: write the character itself, or a character reference such as &#160;)`
        : where[3]?.replace(/\.$/, '');
      throw badInput(`${name} is not well-formed XML: line ${where[1]}, column ${where[2]}: ${what}.`);
    }
    throw badInput(`${name} is not well-formed XML: ${message}`);
  }
  if (!root) throw badInput(`${name} is not well-formed XML: it has no root element.`);
  return { root, doctype };
}

/** The entity reference (`&name;`) ending at or just before a line and column (1-based), if there is one. */
function referenceBefore(text: string, line: number, column: number): string | null {
  let at = 0;
  for (let n = 1; n < line && at >= 0; n++) {
    const next = text.slice(at).search(/\r\n|\r|\n/);
    at = next < 0 ? -1 : at + next + (text.startsWith('\r\n', at + next) ? 2 : 1);
  }
  if (at < 0) return null;
  const before = text.slice(Math.max(at, at + column - 200), at + column);
  const found = [...before.matchAll(/&[^\s&;<>"'#]+;/g)].at(-1);
  return found ? found[0] : null;
}

/** The line and column (1-based) of the first `&` that starts no entity or character reference, if any. */
function bareAmpersand(text: string): { line: number; column: number } | null {
  const pattern =
    /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[^\s&;<>"'#]+;)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] !== '&') continue;
    const before = text.slice(0, match.index);
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    return { line: (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1, column: match.index - lineStart + 1 };
  }
  return null;
}

/** The direct child elements of `element`. */
export const childElements = (element: XmlElement): XmlElement[] =>
  element.children.filter((child): child is XmlElement => child.type === 'element');

/** The concatenated text inside `element`, at any depth. */
export function textContent(element: XmlElement): string {
  let out = '';
  for (const child of element.children) {
    if (child.type === 'text') out += child.text;
    else if (child.type === 'element') out += textContent(child);
  }
  return out;
}

export interface AttributeSpan {
  name: string;
  /** Offset (in the file) of the whitespace before the attribute. */
  start: number;
  /** Offset just after its closing quote. */
  end: number;
}

/**
 * The attributes of an element's start tag as written, with their ranges in the file, and where a new attribute
 * goes (just after the last one, or after the name). The tag has passed the parser, so a simple scan is exact.
 */
export function scanStartTag(text: string, element: XmlElement): { attributes: AttributeSpan[]; insertAt: number } {
  const tag = text.slice(element.start, element.openEnd);
  const attributes: AttributeSpan[] = [];
  const nameEnd = 1 + element.qname.length;
  const pattern = /(\s+)([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/gy;
  pattern.lastIndex = nameEnd;
  let insertAt = element.start + nameEnd;
  for (let match = pattern.exec(tag); match; match = pattern.exec(tag)) {
    const start = element.start + match.index;
    const end = start + match[0].length;
    attributes.push({ name: match[2] ?? '', start, end });
    insertAt = end;
  }
  return { attributes, insertAt };
}
