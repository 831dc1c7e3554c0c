import { RedlineError } from '../model/errors';
import { MAX_TAGS, TAG_BASE, isTagChar, tagChar, type ParsedDocument, type ReviewedUnit } from './types';

/**
 * Helpers the format handlers share: reviewed texts in unit order, and inline tags (one private-use character
 * per tag in a unit's text, the markup it stands for kept in the skeleton).
 */

/** The reviewed text of every unit of the document, in order; a unit the list leaves out keeps its MT. */
export function reviewedTexts(document: ParsedDocument, units: readonly ReviewedUnit[]): string[] {
  return reviewedUnits(document, units).map((u) => u.text);
}

/** Every unit of the document as reviewed (status not_started and the MT when the list leaves it out). */
export function reviewedUnits(document: ParsedDocument, units: readonly ReviewedUnit[]): ReviewedUnit[] {
  const byKey = new Map<string, ReviewedUnit>();
  for (const unit of units) byKey.set(unit.key, unit);
  const known = new Set(document.units.map((u) => u.key));
  for (const key of byKey.keys()) {
    if (!known.has(key)) throw new RedlineError('bad_request', `The document has no unit “${key}”.`);
  }
  return document.units.map((u) => byKey.get(u.key) ?? { key: u.key, text: u.target, status: 'not_started' });
}

/**
 * A writer's refusal of one unit's reviewed text (its tags, a character the file cannot hold, a locked unit):
 * `detail` says what is wrong without naming the unit, so the caller can name the sentence as the editor knows it.
 */
export class UnitError extends RedlineError {
  constructor(
    readonly unit: string,
    readonly detail: string,
    message = `Unit "${unit}": ${detail}`,
  ) {
    super('bad_input', message);
  }
}

/** Collects the markup of one unit's tags while its text is built. */
export class TagCollector {
  readonly tags: string[] = [];

  constructor(private readonly where: () => string) {}

  /** The tag character standing for `markup` (the next one of the unit). */
  add(markup: string): string {
    if (this.tags.length >= MAX_TAGS) {
      throw new RedlineError('bad_input', `${this.where()} has more than ${MAX_TAGS} inline tags.`);
    }
    this.tags.push(markup);
    return tagChar(this.tags.length - 1);
  }
}

/**
 * A unit's text with each tag character replaced by its markup and everything else passed through `escape`.
 * A tag the unit never had is refused, naming the unit.
 */
export function expandTags(text: string, tags: readonly string[], where: string, escape: (s: string) => string = (s) => s): string {
  let out = '';
  let plain = '';
  for (const ch of text) {
    if (isTagChar(ch)) {
      const markup = tags[ch.charCodeAt(0) - TAG_BASE];
      if (markup === undefined) {
        throw new RedlineError('bad_input', `${where} has a tag (U+${ch.charCodeAt(0).toString(16).toUpperCase()}) that the original did not have.`);
      }
      out += escape(plain) + markup;
      plain = '';
    } else {
      plain += ch;
    }
  }
  return out + escape(plain);
}

/**
 * Text read from a file, cut so that each private-use character of the range tags use (a gaiji, an icon font's
 * glyph) is a piece of its own: a format makes each such piece a tag standing for itself, so that it cannot pass
 * for one of the unit's tags and comes back as the character it was.
 */
export function splitAtTagChars(text: string): Array<{ kind: 'text' | 'tagChar'; text: string }> {
  const pieces: Array<{ kind: 'text' | 'tagChar'; text: string }> = [];
  let plain = '';
  for (const ch of text) {
    if (!isTagChar(ch)) {
      plain += ch;
      continue;
    }
    if (plain) pieces.push({ kind: 'text', text: plain });
    plain = '';
    pieces.push({ kind: 'tagChar', text: ch });
  }
  if (plain) pieces.push({ kind: 'text', text: plain });
  return pieces;
}
