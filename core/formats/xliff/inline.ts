import { RedlineError } from '../../model/errors';
import { isTagChar, MAX_TAGS, TAG_BASE, tagChar } from '../types';
import { checkKeptTags, isDeletedWhole } from '../keptTags';
import { splitAtTagChars, UnitError } from '../units';
import { escapeKeepingCr } from '../xml/escape';
import { refuseCharXmlCannotHold } from '../xml/xmlChars';
import type { XmlElement } from './xmlTree';

/**
 * Inline content of an XLIFF <source> or <target>: text plus tags, each tag one private-use character
 * (types.ts). A paired element with content (1.2 <g>/<mrk>, 2.0 <pc>/<mrk>) is two tags, its start tag and its
 * end tag, with its content editable between them (except a tracked deletion and a protected span, below); every other inline element
 * (<x/>, <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it>, 2.0 <ph/>, <sc/>, <ec/>, <sm/>, <em/>, <cp/>, anything foreign
 * or self-closed), every comment and processing instruction, and any private-use character already in the file,
 * is one tag that stands for its exact markup, content included.
 *
 * Some of those single tags are the two ends of one span all the same (codeEnd): 1.2 <bpt>/<ept>, 2.0
 * <sc/>/<ec/> and <sm/>/<em/>. Unlike <g>/<pc> they may overlap other spans, so they are not held to nesting,
 * only to order: where both ends are in one <source> or <target>, the end may not come before its start, nor
 * one end be written without the other.
 */

export type TagKind = 'open' | 'close' | 'atom';

export interface XliffTag {
  kind: TagKind;
  /** The exact markup the tag stands for, as it was in the file. */
  markup: string;
  /** For an open tag its close tag's number, and the other way round. */
  partner?: number;
  /** On the start of a span of single tags (codeEnd: <bpt>, <sc/>, <sm/>), the number of its end tag. */
  spanEnd?: number;
  /** On the end of such a span (<ept>, <ec/>, <em/>), the number of its start tag. */
  spanStart?: number;
}

interface TagToken {
  kind: TagKind;
  markup: string;
  /** What makes the same tag recognizable in the source and the target. */
  identity: string;
  /** Index of the partner token in the same token list. */
  partner?: number;
  /** One end of a span of single tags (codeEnd): which end, and what pairs it with the other. */
  code?: { end: boolean; key: string };
  /** Index of the other end of that span in the same token list, once paired. */
  codePartner?: number;
}

type Token = string | TagToken;

const PAIRED = new Set(['g', 'mrk', 'pc']);

/**
 * Trados' tracked deletions (RWS's SdlXliff AttributeValues: DeletedRevisionMtype, FeedbackRevisionDeletedMtype):
 * text a reviewer struck out, still in the file until the change is accepted. It is no part of the translation,
 * so it is never offered as text: the whole <mrk> is one tag, written back as it was. Insertions
 * (`x-sdl-added`, `x-sdl-feedback-added`) are the translation's text and stay editable between their tags.
 */
export const DELETED_REVISION_MTYPES = new Set(['x-sdl-deleted', 'x-sdl-feedback-deleted']);

/** Whether an element is a tracked deletion (DELETED_REVISION_MTYPES) of the XLIFF namespace. */
export const isDeletedRevision = (element: XmlElement, xliffUri: string): boolean =>
  element.uri === xliffUri && element.local === 'mrk' && DELETED_REVISION_MTYPES.has(element.attrs.mtype ?? '');

/**
 * A span the file says is not to be translated: 1.2 <mrk mtype="protected">, 2.0 <mrk translate="no">. Like a
 * tracked deletion it is one tag standing for its markup and content, so the review cannot change its words.
 */
export const isProtectedSpan = (element: XmlElement, xliffUri: string): boolean =>
  element.uri === xliffUri &&
  element.local === 'mrk' &&
  (element.attrs.mtype === 'protected' || element.attrs.translate === 'no');

const badInput = (message: string): RedlineError => new RedlineError('bad_input', message);

/**
 * The single tags that are the start and end of one span, and what pairs them: 1.2 <bpt>/<ept> by `rid` when they
 * have one, else by `id`; 2.0 <sc>/<ec> and <sm>/<em> by the start's `id` and the end's `startRef`. A 2.0 code
 * marked isolated="yes" has its other end outside the unit, and a 2.0 span may run across segments: such ends
 * find no partner in the same container and stay unpaired single tags.
 */
function codeEnd(element: XmlElement): { end: boolean; key: string } | undefined {
  const { local, attrs } = element;
  if (attrs.isolated === 'yes') return undefined;
  const key = (value: string | undefined, end: boolean) => (value === undefined ? undefined : { end, key: `${local === 'bpt' || local === 'ept' ? 'bpt' : local === 'sm' || local === 'em' ? 'sm' : 'sc'}:${value}` });
  switch (local) {
    case 'bpt':
      return key(attrs.rid ?? attrs.id, false);
    case 'ept':
      return key(attrs.rid ?? attrs.id, true);
    case 'sc':
    case 'sm':
      return key(attrs.id, false);
    case 'ec':
    case 'em':
      return key(attrs.startRef, true);
    default:
      return undefined;
  }
}

/** Pairs the ends of spans (codeEnd) within one token list: each end with the first unpaired start of its key. */
function pairCodes(tokens: Token[]): void {
  const starts = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    if (typeof token === 'string' || !token.code || token.code.end) return;
    starts.set(token.code.key, [...(starts.get(token.code.key) ?? []), index]);
  });
  tokens.forEach((token, index) => {
    if (typeof token === 'string' || !token.code?.end) return;
    const start = starts.get(token.code.key)?.shift();
    if (start === undefined) return;
    token.codePartner = start;
    (tokens[start] as TagToken).codePartner = index;
  });
}

/** Splits text so that private-use characters in the range Redline uses for tags become tags of their own. */
function pushText(tokens: Token[], text: string): void {
  for (const piece of splitAtTagChars(text)) {
    tokens.push(piece.kind === 'text' ? piece.text : { kind: 'atom', markup: piece.text, identity: `char:${piece.text}` });
  }
}

/** Reads an inline container (<source>, <target>) into text and tag tokens. */
export function tokenize(xml: string, container: XmlElement, xliffUri: string): Token[] {
  const tokens: Token[] = [];
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (child.type === 'text') pushText(tokens, child.text);
      else if (child.type !== 'element') {
        const markup = xml.slice(child.start, child.end);
        tokens.push({ kind: 'atom', markup, identity: `markup:${markup}` });
      } else if (
        !child.selfClosing &&
        child.uri === xliffUri &&
        PAIRED.has(child.local) &&
        !isDeletedRevision(child, xliffUri) &&
        !isProtectedSpan(child, xliffUri)
      ) {
        const id = child.attrs.id;
        const identity = id === undefined ? `markup:${xml.slice(child.start, child.openEnd)}` : `${child.qname}#${id}`;
        const open = tokens.length;
        tokens.push({ kind: 'open', markup: xml.slice(child.start, child.openEnd), identity: `open:${identity}` });
        walk(child);
        const close = tokens.length;
        tokens.push({ kind: 'close', markup: xml.slice(child.closeStart, child.end), identity: `close:${identity}`, partner: open });
        (tokens[open] as TagToken).partner = close;
      } else {
        const markup = xml.slice(child.start, child.end);
        const id = child.attrs.id;
        const code = child.uri === xliffUri ? codeEnd(child) : undefined;
        tokens.push({
          kind: 'atom',
          markup,
          identity: id === undefined ? `markup:${markup}` : `atom:${child.qname}#${id}`,
          ...(code && { code }),
        });
      }
    }
  };
  walk(container);
  pairCodes(tokens);
  return tokens;
}

export interface InlineUnit {
  /** The target text with tag characters. */
  target: string;
  /** The source text with tag characters (a tag that is also in the target has the target's character). */
  source: string | null;
  /** Every tag of the unit by number: first the target's own, then those found only in the source. */
  tags: XliffTag[];
  /** Tags 0 … required-1 are the target's: a reviewed text must keep each exactly once. */
  required: number;
}

/**
 * Numbers a unit's tags: the target's in order of appearance, then the source's that the target lacks (the
 * editor may bring those into the translation). A source tag is the target's when both have the same element
 * and id (or, without an id, the same markup).
 */
export function numberTags(targetTokens: Token[], sourceTokens: Token[] | null, where: string): InlineUnit {
  const tags: XliffTag[] = [];
  const targetNumbers = new Map<number, number>();
  let target = '';
  targetTokens.forEach((token, index) => {
    if (typeof token === 'string') {
      target += token;
      return;
    }
    targetNumbers.set(index, tags.length);
    target += tagChar(tags.length);
    tags.push({ kind: token.kind, markup: token.markup });
  });
  targetTokens.forEach((token, index) => {
    if (typeof token !== 'string' && token.partner !== undefined) {
      const self = targetNumbers.get(index);
      const partner = targetNumbers.get(token.partner);
      if (self !== undefined && partner !== undefined) (tags[self] as XliffTag).partner = partner;
    }
  });
  linkCodes(targetTokens, targetNumbers, tags);
  const required = tags.length;

  let source: string | null = null;
  if (sourceTokens) {
    const used = new Set<number>();
    const sourceNumbers = new Map<number, number>();
    const byIdentity = new Map<string, number[]>();
    targetTokens.forEach((token, index) => {
      if (typeof token === 'string') return;
      const list = byIdentity.get(token.identity) ?? [];
      list.push(targetNumbers.get(index) as number);
      byIdentity.set(token.identity, list);
    });
    source = '';
    sourceTokens.forEach((token, index) => {
      if (typeof token === 'string') {
        source += token;
        return;
      }
      let number: number | undefined;
      if (token.kind === 'close' && token.partner !== undefined) {
        // A close tag follows its open tag: matched with it, or new with it.
        const open = sourceNumbers.get(token.partner);
        const partner = open === undefined ? undefined : tags[open]?.partner;
        if (open !== undefined && open < required && partner !== undefined && !used.has(partner)) number = partner;
      } else {
        number = byIdentity.get(token.identity)?.find((n) => !used.has(n));
      }
      if (number === undefined) {
        number = tags.length;
        tags.push({ kind: token.kind, markup: token.markup });
        if (token.kind === 'close' && token.partner !== undefined) {
          const open = sourceNumbers.get(token.partner);
          if (open !== undefined && open >= required) {
            (tags[open] as XliffTag).partner = number;
            (tags[number] as XliffTag).partner = open;
          }
        }
      }
      used.add(number);
      sourceNumbers.set(index, number);
      source += tagChar(number);
    });
    // A span of the source the target lacks: both its ends new, the editor may bring it in whole.
    const added = new Map([...sourceNumbers].filter(([, number]) => number >= required));
    linkCodes(sourceTokens, added, tags);
  }
  if (tags.length > MAX_TAGS) {
    throw badInput(`${where} has ${tags.length} inline tags; Redline handles at most ${MAX_TAGS} in one unit.`);
  }
  return { target, source, tags, required };
}

/** Gives the tags of both ends of each paired span (tokens' codePartner) each other's number, where both are numbered. */
function linkCodes(tokens: readonly Token[], numbers: ReadonlyMap<number, number>, tags: XliffTag[]): void {
  tokens.forEach((token, index) => {
    if (typeof token === 'string' || token.codePartner === undefined || token.code?.end) return;
    const start = numbers.get(index);
    const end = numbers.get(token.codePartner);
    if (start === undefined || end === undefined) return;
    (tags[start] as XliffTag).spanEnd = end;
    (tags[end] as XliffTag).spanStart = start;
  });
}

const describe = (tag: XliffTag | undefined, n: number): string =>
  tag ? `tag ${n + 1} (${tag.markup.length > 60 ? `${tag.markup.slice(0, 57)}…` : tag.markup})` : `tag ${n + 1}`;



/** Markup of one end of a span of single tags, or of an isolated one (1.2 <bx/>, <ex/>, <it>). */
const SPAN_END_MARKUP = /^<(?:[\w.-]+:)?(?:bpt|ept|sc|ec|sm|em|bx|ex|it)[\s/>]/;

/**
 * The tags' roles as checkKeptTags reads them: a pair's open and close (a <g>/<pc>, or both ends of a span of
 * single tags in the unit) `o` and `c`, one end of a span whose other end is beyond the unit `x`, others `a`.
 */
export function tagRoles(tags: readonly XliffTag[]): string {
  return tags
    .map((tag) => {
      if (tag.kind === 'open' || tag.spanEnd !== undefined) return 'o';
      if (tag.kind === 'close' || tag.spanStart !== undefined) return 'c';
      return SPAN_END_MARKUP.test(tag.markup) ? 'x' : 'a';
    })
    .join('');
}

/** The tag characters of a text, in order. */
const tagsOf = (text: string): string => [...text].filter(isTagChar).join('');

/**
 * Turns a reviewed text back into target markup: text escaped, each tag character its markup. Refuses (naming
 * the unit and the tag) a text whose tags do not match the unit's: a tag of the target missing or repeated, a
 * tag the unit does not have, a close tag before its open tag, pairs that overlap, a span's end tag before its
 * start or without it (and the other way round; checked only where the text's tags are not those of `original`,
 * the target as the file had it, in its order), or a character XML cannot hold.
 */
export function renderTarget(text: string, tags: readonly XliffTag[], required: number, unitKey: string, original = ''): string {
  refuseCharXmlCannotHold(text, unitKey);
  // Spans are checked where the edit moved tags: tags in the order the file had them are its own business.
  const checkSpans = tagsOf(text) !== tagsOf(original);
  const seen = new Set<number>();
  const open: number[] = [];
  let out = '';
  let run = '';
  for (const ch of text) {
    if (!isTagChar(ch)) {
      run += ch;
      continue;
    }
    out += escapeKeepingCr(run);
    run = '';
    const n = ch.charCodeAt(0) - TAG_BASE;
    const tag = tags[n];
    if (!tag) throw new UnitError(unitKey, `${describe(undefined, n)} is not one of the unit's tags.`);
    if (seen.has(n)) throw new UnitError(unitKey, `${describe(tag, n)} appears more than once.`);
    seen.add(n);
    // Only a source-only half of a pair whose other half the target already has (sources and targets that
    // disagree on their pairs) lacks a partner: it cannot be placed without breaking the markup.
    if (tag.kind !== 'atom' && tag.partner === undefined) {
      throw new UnitError(unitKey, `${describe(tag, n)} is half of a pair the target lacks; it cannot be used.`);
    }
    // The end of a span of single tags after its start (both in the text, or the start is reported missing).
    if (checkSpans && tag.spanStart !== undefined && !seen.has(tag.spanStart)) {
      const start = tag.spanStart;
      if (text.includes(tagChar(start))) {
        throw new UnitError(unitKey, `${describe(tag, n)} ends ${describe(tags[start], start)}, which comes after it: a span's start must come first.`);
      }
      if (start >= required) throw new UnitError(unitKey, `${describe(tag, n)} ends ${describe(tags[start], start)}, which the text lacks.`);
    }
    if (tag.kind === 'open') open.push(n);
    else if (tag.kind === 'close') {
      const top = open.pop();
      if (top !== tag.partner) {
        const opener = tag.partner === undefined ? undefined : tags[tag.partner];
        throw new UnitError(
          unitKey,
          top === undefined && tag.partner !== undefined && !seen.has(tag.partner)
            ? `${describe(tag, n)} has no opening ${describe(opener, tag.partner)} before it.`
            : `${describe(tag, n)} does not close the innermost open tag${
                top === undefined ? '' : ` ${describe(tags[top], top)}`
              }: tags overlap.`,
        );
      }
    }
    out += tag.markup;
  }
  out += escapeKeepingCr(run);
  const unclosed = open.pop();
  if (unclosed !== undefined) {
    const partner = tags[unclosed]?.partner ?? unclosed;
    throw new UnitError(unitKey, `${describe(tags[partner], partner)} (closing ${describe(tags[unclosed], unclosed)}) is missing.`);
  }
  if (isDeletedWhole(text)) {
    // A segment deleted whole takes its own tags with it (keptTags.ts), not one end of a span beyond it.
    const mt = Array.from({ length: required }, (_, n) => tagChar(n)).join('');
    checkKeptTags(text, mt, tags.map((tag) => tag.markup), unitKey, tagRoles(tags));
  } else {
    for (let n = 0; n < required; n++) {
      if (!seen.has(n)) throw new UnitError(unitKey, `${describe(tags[n], n)} is missing.`);
    }
  }
  // A span brought in from the source needs its end as well.
  for (const n of checkSpans ? seen : []) {
    const end = tags[n]?.spanEnd;
    if (end !== undefined && !seen.has(end)) {
      throw new UnitError(unitKey, `${describe(tags[n], n)} starts a span whose end, ${describe(tags[end], end)}, the text lacks.`);
    }
  }
  return out;
}
