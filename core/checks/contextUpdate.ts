import type { DocumentContext } from './context';
import { medianOfTally, type ContextState } from './contextBuild';
import { scanUsers } from './dependencies';
import { capitalTally, NOUN_CAPITALS, shareOf, tokens, type Token } from './nameIndex';
import { copyNameIndex, copyNameState, updateNames, type SentenceChange } from './nameIndexUpdate';
import { profileOf, type PairProfile } from './pairs';
import { patchParagraphFacts } from './paragraphFacts';
import { countScripts, type Script } from './scripts';
import { words } from './text';
import type { CheckedSentence } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The state after sentences got new texts (same paragraphs), as a new state; the one given is left as it was.
 * Null when the change reaches the names index; see patchInPlace. Copies the per-sentence arrays (O(document)):
 * the stored-flags cache, which owns its state, patches in place instead.
 */
export function patchContext(state: ContextState, changes: ReadonlyArray<{ index: number; text: string }>): ContextState | null {
  const { ctx } = state;
  const copy: ContextState = {
    ctx: {
      ...ctx,
      sentences: [...ctx.sentences],
      profiles: [...ctx.profiles],
      lowProfiles: [...ctx.lowProfiles],
      names: copyNameIndex(ctx.names),
    },
    counted: state.counted,
    capitals: state.capitals,
    scripts: new Map(state.scripts),
    lengths: new Map(state.lengths),
    names: copyNameState(state.names),
  };
  return patchInPlace(copy, changes) ? copy : null;
}

/**
 * Gives sentences new texts (same paragraphs) in the state itself — its context object and arrays keep their
 * identity — in time proportional to the changed sentences and the sentences using the names they touch
 * (`usersOf` finds those; by default every sentence is read). Returns the names whose standing changed, or null,
 * with nothing changed, when the capitalization share crosses its threshold or two scripts end tied: then the
 * caller builds the context again. A patched context equals a freshly built one (tests check it).
 */
export function patchInPlace(
  state: ContextState,
  changes: ReadonlyArray<{ index: number; text: string }>,
  usersOf: (words: readonly string[]) => Iterable<number> = (keys) => scanUsers(state.ctx, keys),
): Set<string> | null {
  const { ctx } = state;
  const scripts = new Map(state.scripts);
  const lengths = new Map(state.lengths);
  let { counted, capitals } = state;
  const planned: Array<{ index: number; text: string; before: Token[]; tokens: Token[] }> = [];
  const seen = new Set<number>();
  // The last change of a sentence wins; each is judged against the stored text before any is applied.
  for (let k = changes.length - 1; k >= 0; k--) {
    const { index, text } = changes[k]!;
    if (seen.has(index)) continue;
    seen.add(index);
    const before = ctx.sentences[index]!;
    if (before.text === text) continue;
    const newWords = words(text);
    const newTokens = tokens(text, newWords);
    const oldWords = words(before.text);
    const oldTokens = tokens(before.text, oldWords);
    const oldTally = capitalTally(oldTokens);
    const newTally = capitalTally(newTokens);
    counted += newTally.counted - oldTally.counted;
    capitals += newTally.capitals - oldTally.capitals;
    for (const [script, n] of countScripts(before.text)) scripts.set(script, scripts.get(script)! - n);
    countScripts(text, scripts);
    const oldLength = oldWords.length;
    if (oldLength >= 3) lengths.set(oldLength, lengths.get(oldLength)! - 1);
    if (newWords.length >= 3) lengths.set(newWords.length, (lengths.get(newWords.length) ?? 0) + 1);
    planned.push({ index, text, before: oldTokens, tokens: newTokens });
  }
  const strictBefore = shareOf(state.counted, state.capitals) > NOUN_CAPITALS;
  if (shareOf(counted, capitals) > NOUN_CAPITALS !== strictBefore) return null;
  for (const [script, n] of [...scripts]) if (n === 0) scripts.delete(script);
  for (const [length, n] of [...lengths]) if (n === 0) lengths.delete(length);
  let best: Script | null = null;
  let most = 0;
  let tied = false;
  for (const [script, n] of scripts) {
    if (n > most) {
      best = script;
      most = n;
      tied = false;
    } else if (n === most) tied = true;
  }
  if (tied) return null; // the first in the document's order would win: not known from counts alone

  const into = ctx as Mutable<DocumentContext>;
  const sentences = ctx.sentences as CheckedSentence[];
  const profiles = ctx.profiles as PairProfile[];
  const lowProfiles = ctx.lowProfiles as PairProfile[];
  const tokenChanges: SentenceChange[] = planned.map((change) => ({ index: change.index, before: change.before, after: change.tokens }));
  const changedTokens = new Map(planned.map((change) => [change.index, change.tokens]));
  for (const change of planned) {
    const before = { text: sentences[change.index]!.text, profile: profiles[change.index]!, lowProfile: lowProfiles[change.index]! };
    sentences[change.index] = { ...sentences[change.index]!, text: change.text };
    profiles[change.index] = profileOf(change.text, false);
    lowProfiles[change.index] = profileOf(change.text, true);
    patchParagraphFacts(ctx, change.index, before);
  }
  into.typicalWords = medianOfTally(lengths);
  into.script = best ?? 'Latin';
  const mutable = state as Mutable<ContextState>;
  mutable.counted = counted;
  mutable.capitals = capitals;
  mutable.scripts = scripts;
  mutable.lengths = lengths;
  // The tokens of the few other sentences whose names are looked at again are split afresh.
  const tokensOf = (i: number): readonly Token[] => {
    const text = sentences[i]!.text;
    return changedTokens.get(i) ?? tokens(text, words(text));
  };
  return updateNames(ctx.names, state.names, (i) => sentences[i]!.text, tokensOf, tokenChanges, usersOf);
}
