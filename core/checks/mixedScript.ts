import type { SentenceCheck } from './context';
import { LOOKS_CYRILLIC, LOOKS_LATIN, onlyLatin, scriptOf, type Script } from './scripts';
import { makeFlag, quoted, shownAround, type Finding } from './text';

/**
 * Letters of the wrong alphabet: words left untranslated in another script (Cyrillic or Chinese in an English
 * text), and look-alike letters inside a word of another script (a Cyrillic `а` in `Almaty`), which look right
 * but break search, spelling and sorting. Latin words in a text of another script (brand names) are normal.
 */

interface Letter {
  char: string;
  at: number;
  script: Script;
}

function lettersOf(word: string, offset: number): Letter[] {
  const letters: Letter[] = [];
  let at = offset;
  for (const char of word) {
    const script = scriptOf(char);
    if (script) letters.push({ char, at, script });
    at += char.length;
  }
  return letters;
}

function majorityOf(letters: readonly Letter[], preferred: Script): Script {
  const counts = new Map<Script, number>();
  for (const { script } of letters) counts.set(script, (counts.get(script) ?? 0) + 1);
  let best = preferred;
  let most = counts.get(preferred) ?? 0;
  for (const [script, count] of counts) {
    if (count > most) {
      best = script;
      most = count;
    }
  }
  return best;
}

/** `looks like the Latin “a”` when every letter of `run` has a look-alike in the word's alphabet. */
function lookalike(run: string, majority: Script): string {
  const table = majority === 'Latin' ? LOOKS_LATIN : majority === 'Cyrillic' ? LOOKS_CYRILLIC : null;
  if (!table) return '';
  const mapped = [...run].map((char) => table[char]);
  return mapped.every((m) => m !== undefined) ? `, which looks like the ${majority} ${quoted(mapped.join(''))}` : '';
}

export const checkMixedScript: SentenceCheck = ({ ctx, text }) => {
  if (onlyLatin(text)) return [];
  const flags: Finding[] = [];
  const foreign: Array<{ start: number; end: number; script: Script }> = [];
  for (const match of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const word = match[0];
    const letters = lettersOf(word, match.index ?? 0);
    const scripts = new Set(letters.map((l) => l.script));
    if (scripts.size > 1) {
      const majority = majorityOf(letters, ctx.script);
      for (let k = 0; k < letters.length; ) {
        if (letters[k]!.script === majority) {
          k++;
          continue;
        }
        const script = letters[k]!.script;
        let j = k;
        while (j + 1 < letters.length && letters[j + 1]!.script === script) j++;
        const start = letters[k]!.at;
        const end = letters[j]!.at + letters[j]!.char.length;
        const run = text.slice(start, end);
        k = j + 1;
        const symbol = script === 'Greek' && run.length === 1 && LOOKS_LATIN[run] === undefined; // μm, β-carotene
        if (symbol) continue;
        // The word is cut around the run in the message: a long one may mix alphabets thousands of times.
        const shown = shownAround(text, match.index ?? 0, (match.index ?? 0) + word.length, start, end);
        flags.push(makeFlag('mixed-script', 'major', `${quoted(shown)} mixes alphabets: ${quoted(run)} is ${script}${lookalike(run, majority)}`, start, end, text));
      }
      continue;
    }
    const script = letters[0]?.script;
    if (!script || script === ctx.script || script === 'Latin' || script === 'other') continue;
    if (script === 'Greek' && letters.length === 1) continue; // a symbol: α, μ, Ω
    const start = match.index ?? 0;
    const last = foreign[foreign.length - 1];
    // Words of one script separated only by spaces, digits and punctuation are one untranslated stretch.
    if (last && last.script === script && !/\p{L}/u.test(text.slice(last.end, start))) last.end = start + word.length;
    else foreign.push({ start, end: start + word.length, script });
  }
  for (const { start, end, script } of foreign) {
    flags.push(makeFlag('mixed-script', 'major', `Untranslated ${script} text ${quoted(text.slice(start, end))}`, start, end, text));
  }
  return flags.sort((a, b) => a.start - b.start);
};
