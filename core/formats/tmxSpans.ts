import { isTagChar, TAG_BASE } from './types';
import { UnitError } from './units';

/**
 * The order of a TMX segment's tags, checked before a reviewed text is written. A TMX unit keeps each tag as the
 * markup it stands for (tmx.ts): the start and end tags of a <hi> (which must nest, or the file is not XML), and
 * native codes whole, of which <bpt> and <ept> are the two ends of one span, paired by their `i` attribute
 * (TMX 1.4b). The markup is read here rather than
 * stored, so memories imported before this check get it too.
 */

type Role =
  | { kind: 'open'; name: string }
  | { kind: 'close'; name: string }
  | { kind: 'start' | 'end'; key: string }
  | { kind: 'atom' };

const ATTRIBUTES = String.raw`(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*`;
const START_TAG = new RegExp(String.raw`^<([^\s/>!?]+)(${ATTRIBUTES})>$`);
const CODE = new RegExp(String.raw`^<(bpt|ept)(${ATTRIBUTES})/?>`);
const CLOSE_TAG = /^<\/([^\s>]+)\s*>$/;

function roleOf(markup: string): Role {
  const code = CODE.exec(markup);
  if (code) {
    const i = /\si\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(code[2] ?? '');
    if (!i) return { kind: 'atom' };
    return { kind: code[1] === 'bpt' ? 'start' : 'end', key: i[1] ?? i[2] ?? '' };
  }
  const open = START_TAG.exec(markup);
  if (open) return { kind: 'open', name: open[1]! };
  const close = CLOSE_TAG.exec(markup);
  if (close) return { kind: 'close', name: close[1]! };
  return { kind: 'atom' };
}

const describe = (markup: string, n: number): string => `tag ${n + 1} (${markup.length > 60 ? `${markup.slice(0, 57)}…` : markup})`;

/**
 * Refuses (naming the unit and the tags, as a UnitError so the export names the sentence) a text whose <hi> tags do not nest, or whose <ept> comes before its
 * <bpt>, or that has one end of a span whose other end the unit has. A lone <bpt> or <ept> the unit has no
 * partner for, and tags left in the order of the `original` target, are left alone (the file was written so).
 */
export function checkTmxSpans(text: string, original: string, tags: readonly string[], where: string, unit: string): void {
  const order = [...text].filter(isTagChar).map((ch) => ch.charCodeAt(0) - TAG_BASE);
  // Tags in the order the file had them are the file's own business (a well-formed file, if odd TMX).
  if (order.join() === [...original].filter(isTagChar).map((ch) => ch.charCodeAt(0) - TAG_BASE).join()) return;
  const roles = tags.map(roleOf);
  const refuse = (message: string): never => {
    throw new UnitError(unit, message, `${where}: ${message}`);
  };
  const unitHas = (kind: 'start' | 'end', key: string): number =>
    roles.findIndex((role) => role.kind === kind && role.key === key);
  const open: number[] = [];
  const started = new Map<string, number[]>();
  order.forEach((n, at) => {
    const role = roles[n];
    const markup = tags[n] ?? '';
    if (!role) return; // a tag the unit never had: expandTags names it
    if (role.kind === 'open') open.push(n);
    else if (role.kind === 'close') {
      const top = open.pop();
      if (top === undefined) refuse(`${describe(markup, n)} closes no tag opened before it.`);
      else if ((roles[top] as { name: string }).name !== role.name) {
        refuse(`${describe(markup, n)} does not close the innermost open ${describe(tags[top] ?? '', top)}: tags overlap.`);
      }
    } else if (role.kind === 'start') started.set(role.key, [...(started.get(role.key) ?? []), n]);
    else if (role.kind === 'end') {
      if (started.get(role.key)?.shift() !== undefined) return;
      const later = order.slice(at + 1).find((m) => roles[m]?.kind === 'start' && (roles[m] as { key: string }).key === role.key);
      if (later !== undefined) {
        refuse(`${describe(markup, n)} ends ${describe(tags[later] ?? '', later)}, which comes after it: a span's start must come first.`);
      }
      const start = unitHas('start', role.key);
      if (start >= 0) refuse(`${describe(markup, n)} ends ${describe(tags[start] ?? '', start)}, which the text lacks.`);
    }
  });
  const unclosed = open.pop();
  if (unclosed !== undefined) refuse(`${describe(tags[unclosed] ?? '', unclosed)} is not closed.`);
  for (const [key, starts] of started) {
    const end = unitHas('end', key);
    if (starts.length > 0 && end >= 0) {
      refuse(`${describe(tags[starts[0]!] ?? '', starts[0]!)} starts a span whose end, ${describe(tags[end] ?? '', end)}, the text lacks.`);
    }
  }
}
