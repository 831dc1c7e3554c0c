import type { SentenceCheck } from './context';
import { makeFlag, matchCapitalization, quoted, replacing, spanBefore, type Finding } from './text';

/**
 * Terms the glossary forbids, as whole words, with the preferred term as the fix. A variant written with a
 * capital (`Alma-Ata`) is matched as written; a lower-case one in any case, and the fix follows the case of
 * what it replaces (`Colour` → `Color`, `COLOUR` → `COLOR`). A variant found inside the preferred term itself
 * (`mail` in `e-mail`) is not a violation.
 */
/** [start, end) lies inside one of `spans` (in order, not overlapping): only the last to start by `start` can hold it. */
function within(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  const k = spanBefore(spans, start);
  return k >= 0 && end <= spans[k]![1];
}

export const checkTerminology: SentenceCheck = ({ text, glossary }) => {
  if (glossary.length === 0) return [];
  const found: Array<Finding & { length: number }> = [];
  for (const term of glossary) {
    const preferredSpans = [...text.matchAll(term.preferredPattern)].map((m): [number, number] => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
    for (const variant of term.variants) {
      for (const match of text.matchAll(variant.pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        const caseOnly = match[0].toLowerCase() === term.preferred.toLowerCase();
        if (!caseOnly && within(preferredSpans, start, end)) continue;
        const replacement = variant.caseSensitive ? term.preferred : matchCapitalization(match[0], term.preferred);
        const message = `Use ${quoted(replacement)}, not ${quoted(match[0])}` + (term.note ? ` (${term.note})` : '');
        const fix = variant.fixable ? replacing(start, end, replacement) : undefined;
        found.push({ ...makeFlag('terminology', 'major', message, start, end, text, fix), length: end - start });
      }
    }
  }
  // Overlapping matches (`Alma Ata` and `Ata`): the longest wins.
  found.sort((a, b) => a.start - b.start || b.length - a.length);
  const flags: Finding[] = [];
  let reached = 0;
  for (const { length: _length, ...flag } of found) {
    if (flag.start < reached) continue;
    flags.push(flag);
    reached = flag.end;
  }
  return flags;
};
