import { makeFlag, type Finding } from './text';

/**
 * A full stop the translation ends with where its source ends with none: a headline, a title or a caption
 * given a full stop (`… bottlenecked - China News Network.` for `…遇瓶颈——中新网`). Sure when the source is
 * written in a language whose sentences end with a mark of their own (。 in Chinese and Japanese), since a
 * source without it is then not a sentence; possible otherwise, as chat and forum sources often leave the last
 * stop out while a translation rightly adds it.
 */

/** Source languages that end every sentence with 。 (or ！ ？), so a source without one is a headline. */
const CJK_STOPS = new Set(['zh', 'ja']);
/** What may end a source sentence: stops, closing quotes and brackets, an ellipsis, in any script. */
const SOURCE_END = /[.!?。！？…．:：;；"”’»」』)）\]】》]\s*$/u;

export function finalPunctuationFlags(text: string, source: string | null, sourceLanguage: string | null): Finding[] {
  if (!source || source.trim().length === 0) return [];
  const match = /(?<![.\s])\.\s*$/u.exec(text);
  if (!match || SOURCE_END.test(source)) return [];
  // An abbreviation or an initial ending the text (`U.S.`, `Co.`) is not an added stop.
  if (/(?:\b\p{Lu}|\b\p{L}{1,3})\.\s*$/u.test(text) && !/\p{Ll}{2,}\.\s*$/u.test(text)) return [];
  const at = match.index;
  const sure = sourceLanguage !== null && CJK_STOPS.has(sourceLanguage);
  // No fix: source-mismatch flags are judged by the editor (a caption may rightly end with a stop).
  return [makeFlag('source-mismatch', 'minor', 'A full stop the source does not have: a headline or a title ends without one', at, at + 1, text, undefined, sure ? 'sure' : 'possible')];
}
