import { joinNotes, xmlNoteText } from './editorNotes';
import { tmxNote } from './tmx';
import { escapeAttributeDroppingNonXml as attribute, escapeDroppingNonXml } from './xml/escape';
import { isTagChar, TAG_BASE } from './types';

export interface TmxPair {
  key: string;
  source: string;
  target: string;
  /** The editor's note on the sentence, if any: a <note> in its <tu>, as the TMX writer puts it (tmx.ts). */
  note?: string;
}

/** The pair's note, before its <tuv>s as TMX wants it. */
function noteLine(pair: TmxPair): string {
  const note = joinNotes(pair.note === undefined ? [] : [xmlNoteText(pair.note)]);
  return note ? `      ${tmxNote(note)}\n` : '';
}

/** A unit's text for a TMX <seg>: escaped, each inline tag as a numbered <ph/> placeholder. */
function seg(text: string): string {
  return [...text].map((ch) => (isTagChar(ch) ? `<ph x="${ch.charCodeAt(0) - TAG_BASE + 1}"/>` : escapeDroppingNonXml(ch))).join('');
}

/**
 * A TMX 1.4b memory of reviewed pairs (what a client feeds back to its MT engine or its CAT tool). `created`
 * is an ISO basic UTC timestamp as TMX wants it (YYYYMMDDThhmmssZ).
 *
 * Unlike a file written back (tmx.ts, markdown.ts, XLIFF, DOCX: keptTags.ts), it does not refuse a sentence
 * whose correction lost or reordered tags: no markup is copied here, every tag is a stand-alone <ph x="n"/> with
 * nothing to pair or close, so the memory is well-formed whatever the order, and a target with a placeholder
 * fewer than its source is what a memory may hold (a CAT tool weighs the difference when it offers the match).
 * Only approved pairs are written, and the Tags check flags a lost tag before anyone approves it. The editor's
 * note on a pair goes in its <tu>, marked as the TMX writer marks it, so a memory read back into Redline and
 * written out again replaces it rather than adding a second.
 */
export function pairsToTmx(pairs: readonly TmxPair[], languages: { source: string; target: string }, created: string): string {
  const units = pairs
    .map(
      (p) =>
        `    <tu tuid="${attribute(p.key)}">\n` +
        noteLine(p) +
        `      <tuv xml:lang="${attribute(languages.source)}"><seg>${seg(p.source)}</seg></tuv>\n` +
        `      <tuv xml:lang="${attribute(languages.target)}"><seg>${seg(p.target)}</seg></tuv>\n` +
        '    </tu>\n',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<tmx version="1.4">\n' +
    `  <header creationtool="Redline" creationtoolversion="0.1.0" segtype="sentence" o-tmf="redline" adminlang="en"` +
    ` srclang="${attribute(languages.source)}" datatype="plaintext" creationdate="${created}"/>\n` +
    `  <body>\n${units}  </body>\n</tmx>\n`
  );
}

/** A TMX timestamp (YYYYMMDDThhmmssZ) of a moment. */
export const tmxDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
