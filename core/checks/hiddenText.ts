import type { SentenceCheck } from './context';
import { makeFlag, replacing, type Finding } from './text';

/**
 * Characters that change how a sentence looks without being seen: bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) can make a sentence display in an order other than the one it is
 * stored and exported in ("Trojan Source"); zero-width spaces, word joiners, a byte order mark inside the text
 * and the Mongolian vowel separator split or join words invisibly; C1 control characters show as nothing or a
 * box, most often a Windows-1252 quote or dash read as Latin-1 (C0 ones and DEL are leaked text:
 * leakedText.ts). The fix removes the character. Joiners that scripts need (ZWJ, ZWNJ) and the directional marks RLM/LRM/ALM,
 * which right-to-left text uses legitimately, are left alone.
 */

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const INVISIBLE = /[\u200B\u2060\uFEFF\u180E]/g;
const C1_CONTROL = /[\u0080-\u009F]/g;

const NAMES: Record<string, string> = {
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\u200B': 'zero-width space',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space (byte order mark)',
  '\u180E': 'Mongolian vowel separator',
};

/** Characters a display must not show raw (those this check flags, and the control characters leaked text flags). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const HIDDEN_CHARS = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u180E\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

export const codePoint = (char: string): string => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export const checkHiddenText: SentenceCheck = ({ text }) => {
  const flags: Finding[] = [];
  for (const [pattern, severity, effect] of [
    [BIDI_CONTROL, 'major', 'it can make the sentence display in a different order from the text that is stored and exported'],
    [INVISIBLE, 'minor', 'it splits or joins words without showing'],
    [C1_CONTROL, 'minor', 'it does not show (often a quote or dash of Windows-1252 text read as Latin-1)'],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      const char = match[0];
      flags.push(
        makeFlag(
          'hidden-text',
          severity,
          `A hidden ${NAMES[char] ?? 'control'} character (${codePoint(char)}): ${effect}`,
          at,
          at + 1,
          text,
          replacing(at, at + 1, ''),
        ),
      );
    }
  }
  return flags.sort((a, b) => a.start - b.start);
};
