import { buildContext, median, type DocumentContext } from './context';
import { capitalTally, NOUN_CAPITALS, occurrencesIn, shareOf, tokens, type Token } from './nameIndex';
import { profileOf } from './pairs';
import { countScripts, type Script } from './scripts';
import { words } from './text';
import type { CheckedSentence } from './types';

/**
 * A document's check context with what it takes to patch it after a write instead of building it again:
 * each sentence's name tokens, the tally behind the capitalization share, the letters per script.
 */
export interface ContextState {
  readonly ctx: DocumentContext;
  readonly tokenized: ReadonlyArray<readonly Token[]>;
  readonly counted: number;
  readonly capitals: number;
  readonly scripts: ReadonlyMap<Script, number>;
}

export function contextState(sentences: readonly CheckedSentence[], language: string | null = null): ContextState {
  const ctx = buildContext(sentences.map((s) => ({ ...s })), language);
  const tokenized = ctx.sentences.map((s, i) => tokens(s.text, ctx.words[i]!));
  let counted = 0;
  let capitals = 0;
  for (const sentence of tokenized) {
    const tally = capitalTally(sentence);
    counted += tally.counted;
    capitals += tally.capitals;
  }
  const scripts = ctx.sentences.reduce((into, s) => countScripts(s.text, into), new Map<Script, number>());
  return { ctx, tokenized, counted, capitals, scripts };
}

const capitalKeys = (all: readonly Token[]): string =>
  all
    .filter((t) => t.capitalized)
    .map((t) => `${t.text}\u0000${t.initial ? 1 : 0}`)
    .sort()
    .join('\u0001');

const formsOf = (text: string, all: readonly Token[], known: ReadonlySet<string>): string =>
  occurrencesIn(text, all, known)
    .map((o) => o.form)
    .sort()
    .join('\u0001');

/**
 * The state after sentences got new texts (same paragraphs), patched in time proportional to the changed
 * sentences plus a pass over word counts — or null when a change reaches the names index (a name added,
 * removed or respelled, the capitalization share crossing its threshold) or leaves two scripts tied: then the
 * caller builds the context again. A patched context equals a freshly built one (tests check it).
 */
export function patchContext(state: ContextState, changes: ReadonlyArray<{ index: number; text: string }>): ContextState | null {
  const { ctx } = state;
  const sentences = [...ctx.sentences];
  const split = [...ctx.words];
  const profiles = [...ctx.profiles];
  const lowProfiles = [...ctx.lowProfiles];
  const tokenized = [...state.tokenized];
  const scripts = new Map(state.scripts);
  let { counted, capitals } = state;
  for (const { index, text } of changes) {
    const before = sentences[index]!;
    if (before.text === text) continue;
    const newWords = words(text);
    const newTokens = tokens(text, newWords);
    const oldTokens = tokenized[index]!;
    if (capitalKeys(oldTokens) !== capitalKeys(newTokens)) return null;
    if (formsOf(before.text, oldTokens, ctx.names.known) !== formsOf(text, newTokens, ctx.names.known)) return null;
    const oldTally = capitalTally(oldTokens);
    const newTally = capitalTally(newTokens);
    counted += newTally.counted - oldTally.counted;
    capitals += newTally.capitals - oldTally.capitals;
    for (const [script, n] of countScripts(before.text)) scripts.set(script, scripts.get(script)! - n);
    countScripts(text, scripts);
    sentences[index] = { ...before, text };
    split[index] = newWords;
    profiles[index] = profileOf(text, false);
    lowProfiles[index] = profileOf(text, true);
    tokenized[index] = newTokens;
  }
  const strictBefore = shareOf(state.counted, state.capitals) > NOUN_CAPITALS;
  if (shareOf(counted, capitals) > NOUN_CAPITALS !== strictBefore) return null;
  for (const [script, n] of [...scripts]) if (n === 0) scripts.delete(script);
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
  const lengths = split.map((w) => w.length).filter((n) => n >= 3);
  return {
    ctx: {
      sentences,
      paragraphMembers: ctx.paragraphMembers,
      profiles,
      lowProfiles,
      names: ctx.names,
      words: split,
      typicalWords: median(lengths),
      language: ctx.language,
      script: best ?? 'Latin',
    },
    tokenized,
    counted,
    capitals,
    scripts,
  };
}
