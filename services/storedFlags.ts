import { checkSentence } from '../core/checks';
import { runToEnd, type StepProgress, type Steps } from '../core/model/steps';
import { rememberContext, type DocumentContext } from '../core/checks/context';
import { contextStateSteps, type ContextState } from '../core/checks/contextBuild';
import { patchInPlace } from '../core/checks/contextUpdate';
import { paragraphSignature } from '../core/checks/paragraphFacts';
import { nameWords } from '../core/checks/nameWords';
import { dependentsOf, documentFacts } from '../core/checks/dependencies';
import { isIgnored } from '../core/checks/ignoredFlags';
import type { CheckOptions, Flag } from '../core/checks/types';
import { languageOf } from '../core/checks/languages';
import { optionsDigest, shownByDefault } from './checkOptions';
import { awaitingCheck, STALE, withWritesAwaiting } from './writesAwaitingCheck';
import type { CheckState, StoredFlags } from '../db/repositories/flags';
import type { NameStanding } from '../db/repositories/nameFacts';
import type { SegmentText } from '../db/repositories/segments';
import type { Store } from '../db/store';

/** Sentences a whole-document check takes between two progress reports. */
const WHOLE_CHECK_SLICE = 500;
/** Sentences read a step when a context is built between requests (2,000 took up to 20 ms, a request's wait). */
const READ_PAGE = 500;
/**
 * Sentences a write re-checks in its own transaction, at most (about half a second of checking). A write that
 * reaches more — one changing the dominant script, or the quotation balance of a paragraph of thousands of
 * sentences (MT that lost its line breaks) — marks the flags stale instead: the window's next read checks the
 * document whole in a worker, with progress, and the write does not wait for it.
 */
export const RECHECK_ON_WRITE = 2000;

/** Stored names a step compares with a context built between requests. */
const NAMES_PAGE = 500;

const sameStanding = (a: NameStanding, b: NameStanding): boolean =>
  a.known === b.known && (a.variant === b.variant || (a.variant !== null && b.variant !== null && a.variant.every((v, i) => v === b.variant![i])));

/** How a spelling stands in a context's names index, as the stored name facts keep it. */
function standingIn(ctx: DocumentContext, form: string): NameStanding {
  const variant = ctx.names.variants.get(form);
  return { known: ctx.names.known.has(form), variant: variant ? [variant.preferred, variant.count, variant.tie] : null };
}

/** A document's check context as of a revision, with each sentence's id and the way back from id to index. */
interface CachedContext {
  state: ContextState;
  ids: number[];
  indexOf: Map<number, number>;
  /** The newest revision the context has seen: when the store's newest is this one, the context is current. */
  revision: number;
  /**
   * The document's first revision (revisions.firstOfDocument) when it was built: a document deleted and another
   * given its id (and its sentences' ids) has another, and the context is not the new one's.
   */
  born: number | null;
  /**
   * Built from the texts since the stored check state was last written: its names may differ from the stored
   * ones. Patches never change names (a patch that would is refused and the context built again).
   */
  rebuilt: boolean;
  /** Names whose standing changed in patches since the stored check state was last written. */
  pendingNames: Set<string>;
  /**
   * The version of the stored names (document_name_facts) that `pendingNames` are counted from: what this process
   * last stored (or null, not known). Another process sharing the file stores its own after its writes, and the
   * stored flags follow those: when the stored version is no longer this one, the patches since do not tell which
   * names changed from the stored ones (a write back to what this context last saw patches nothing, though the
   * other process's write in between changed the stored flags), so the stored names are compared instead.
   */
  storedNamesVersion: number | null;
  /**
   * What the patch up to `revision` told of the paragraphs: the sentences revised once in it whose new text left
   * unchanged what the rest of their paragraph reads of them (paragraphFacts.ts, `paragraphSignature`). A write of
   * one of those re-checks it alone, not its paragraph: in a plain text whose paragraph is thousands of lines,
   * that is the difference between a few milliseconds and a second.
   */
  quiet: { revision: number; sentences: ReadonlySet<number> } | null;
  /**
   * The context's texts are those as of `revision`. A build that read its pages between requests may have read
   * a sentence written meanwhile: its patch then cannot tell what the sentence was, and finds nothing quiet.
   */
  exact: boolean;
}

const NO_SENTENCES: ReadonlySet<number> = new Set();

/**
 * The machinery that keeps every sentence's flags in the store: a document is checked whole once (the first
 * time its flags are asked for, or when the glossary changed since), and afterwards each write re-checks the
 * written sentences and only those whose flags depend on what changed (see core/checks/dependencies.ts), in
 * the write's transaction. The stored flags are the visible ones: ignored flags are left out. A write's cost
 * does not grow with the document: the context is patched in place, known current by the newest revision's id,
 * and the sentences using a name are found through the stored names index (migration 0010).
 */
export function storedFlags(store: Store, options: (documentId: number) => CheckOptions) {
  const cache = new Map<number, CachedContext>();
  // A failed transaction undid writes a cached context may have followed (it has seen a revision id the store
  // no longer has, and that id will be used again): such a context goes. A refused step that wrote nothing
  // leaves the caches alone.
  store.onRollback(() => {
    const last = store.flags.lastRevision();
    for (const [documentId, entry] of cache) if (entry.revision > last) cache.delete(documentId);
  });

  /** Every sentence's text, read a page a step (the segments of a document are fixed: a write changes texts). */
  function* pagedTexts(documentId: number): Steps<void, SegmentText[]> {
    const all: SegmentText[] = [];
    for (const page of store.segments.textPages(documentId, READ_PAGE)) {
      for (const row of page) all.push(row);
      yield;
    }
    return all;
  }

  /** Builds of a context started between requests (see `warm`), by document. */
  const warming = new Map<number, Steps<void, CachedContext>>();

  /**
   * Builds a document's context from its stored texts a slice at a time and caches it. `revision`: the newest
   * revision when `rows` were read, taken before them (a later one is patched in again).
   */
  function* buildSteps(documentId: number, rows?: readonly SegmentText[], revision = store.flags.lastRevision()): Steps<void, CachedContext> {
    const texts = rows ?? (yield* pagedTexts(documentId));
    // Rows given were read at once after `revision` was taken; pages read a step at a time may straddle a write.
    const exact = rows !== undefined || store.flags.lastRevision() === revision;
    const state = yield* contextStateSteps(texts, languageOf(options(documentId).languages?.target));
    const ids: number[] = [];
    const indexOf = new Map<number, number>();
    for (let i = 0; i < texts.length; i++) {
      ids.push(texts[i]!.id);
      indexOf.set(texts[i]!.id, i);
      if (i % READ_PAGE === READ_PAGE - 1) yield;
    }
    const entry: CachedContext = {
      state,
      ids,
      indexOf,
      revision,
      born: store.revisions.firstOfDocument(documentId),
      rebuilt: true,
      pendingNames: new Set(),
      storedNamesVersion: null,
      quiet: null,
      exact,
    };
    cache.set(documentId, entry);
    rememberContext(state.ctx);
    return entry;
  }

  const build = (documentId: number, rows?: readonly SegmentText[], revision?: number): CachedContext =>
    runToEnd(buildSteps(documentId, rows, revision));

  /**
   * Whether the cached context of a document is there, is this document's (not a deleted one's whose id it took),
   * and was built for its current target language.
   */
  function cachedFor(documentId: number): CachedContext | undefined {
    const cached = cache.get(documentId);
    if (cached && cached.born !== store.revisions.firstOfDocument(documentId)) {
      cache.delete(documentId);
      return undefined;
    }
    return cached && cached.state.ctx.language === languageOf(options(documentId).languages?.target) ? cached : undefined;
  }

  /**
   * The document's context as it is now: the cached one when no revision was written since (one lookup), else
   * patched with the sentences revised since — by this process or another sharing the file — else built again.
   * A build `warm` started and has not finished is finished here: a write does not wait for what is left.
   */
  function currentContext(documentId: number): CachedContext {
    const started = warming.get(documentId);
    if (started) {
      warming.delete(documentId);
      runToEnd(started);
    }
    const cached = cachedFor(documentId);
    if (cached) {
      const last = store.flags.lastRevision();
      if (last === cached.revision) return cached;
      if (last > cached.revision) {
        const revised = store.flags.revisedSince(cached.revision, documentId);
        const changes = [...revised].map(([id, revisions]) => ({ index: cached.indexOf.get(id), text: store.segments.get(id)?.currentText, revisions }));
        if (changes.every((c) => c.index !== undefined && c.text !== undefined)) {
          const patched = changes as Array<{ index: number; text: string; revisions: number }>;
          const { sentences } = cached.state.ctx;
          const quiet = new Set<number>();
          for (const { index, text, revisions } of patched) {
            if (cached.exact && revisions === 1 && paragraphSignature(sentences[index]!.text) === paragraphSignature(text)) quiet.add(index);
          }
          const names = patchInPlace(cached.state, patched, (words) => usersOf(documentId, cached, words));
          if (names) {
            for (const name of names) cached.pendingNames.add(name);
            cached.revision = last;
            cached.quiet = { revision: last, sentences: quiet };
            cached.exact = true;
            return cached;
          }
        }
      }
    }
    return build(documentId);
  }

  /**
   * Steps that build a checked document's context ahead of its first write, for the app to run between requests
   * when the document is opened: a book's first save then patches a context that is ready instead of building
   * it from every sentence. Null when there is nothing to build (built already, being built, or the document
   * never checked — its whole check builds it).
   */
  function warm(documentId: number): Steps<void, void> | null {
    if (warming.has(documentId) || cachedFor(documentId) || !store.flags.state(documentId)) return null;
    const steps = buildSteps(documentId);
    warming.set(documentId, steps);
    return (function* () {
      let built: CachedContext | undefined;
      try {
        built = yield* steps;
      } finally {
        if (warming.get(documentId) === steps) warming.delete(documentId);
      }
      // Stopped (a whole check built its own context meanwhile), the build gives nothing to settle.
      if (!built) return;
      yield;
      yield* settleNamesSteps(documentId, built);
    })();
  }

  /**
   * The names whose standing in `ctx` differs from the stored names (document_name_facts): a page of stored names
   * a step, then those the context has and the store does not. Null when `still()` turns false between steps.
   */
  function* namesDifferingSteps(documentId: number, ctx: DocumentContext, still: () => boolean = () => true): Steps<void, Set<string> | null> {
    const differing = new Set<string>();
    const stored = new Set<string>();
    for (let after = ''; ; ) {
      const page = store.nameFacts.page(documentId, after, NAMES_PAGE);
      for (const [form, standing] of page) {
        stored.add(form);
        if (!sameStanding(standing, standingIn(ctx, form))) differing.add(form);
      }
      if (page.length < NAMES_PAGE) break;
      after = page[page.length - 1]![0];
      yield;
      if (!still()) return null;
    }
    let looked = 0;
    for (const form of [...ctx.names.known, ...ctx.names.variants.keys()]) {
      if (!stored.has(form)) differing.add(form);
      if (++looked % NAMES_PAGE === 0) {
        yield;
        if (!still()) return null;
      }
    }
    return differing;
  }

  /**
   * A context just built from the texts is compared with the stored names here, between requests, rather than by
   * the first save: the names whose standing differs are then pending, as a patch would have left them. Only for
   * a context no write has reached since it was built: a write meanwhile (by this process or another) leaves the
   * comparison to the next save.
   */
  function* settleNamesSteps(documentId: number, entry: CachedContext): Steps<void, void> {
    const state = store.flags.state(documentId);
    const untouched = () =>
      cachedFor(documentId) === entry && entry.rebuilt && entry.revision === store.flags.lastRevision() && store.flags.state(documentId)?.namesVersion === state?.namesVersion;
    if (!state || !untouched()) return;
    const differing = yield* namesDifferingSteps(documentId, entry.state.ctx, untouched);
    if (!differing) return;
    for (const form of differing) entry.pendingNames.add(form);
    entry.rebuilt = false;
    entry.storedNamesVersion = state.namesVersion;
  }

  /** The sentences holding any of `words`, through the stored names index, as indices of the cached context. */
  function usersOf(documentId: number, entry: CachedContext, words: readonly string[]): number[] {
    return store.names.users(documentId, words).flatMap((id) => {
      const i = entry.indexOf.get(id);
      return i === undefined ? [] : [i];
    });
  }

  const glossaryDigest = optionsDigest;

  /** What the flags panel shows: the flags the default view shows, less those the editor ignored. */
  function visible(flags: Flag[], text: string, ignored: Set<string> | undefined, opts: CheckOptions): Flag[] {
    return flags.filter((flag) => shownByDefault(flag, opts) && !isIgnored(flag, text, ignored));
  }

  /**
   * Checks a document whole, a slice of sentences a step (yielding how far it has got), then stores every
   * sentence's flags, its names and its check state in one transaction. Sentences revised while it ran (by
   * another connection: the window saving while a worker checks) are patched in and re-checked in that same
   * transaction, so what it stores is current. Stopped early (`return()`), it stores nothing.
   */
  function* checkWholeSteps(documentId: number, given?: readonly SegmentText[], opts = options(documentId)): Steps<StepProgress, void> {
    const revision = store.flags.lastRevision();
    const rows = given ?? store.segments.texts(documentId);
    // Built here, from these rows: a build started between requests is stopped, not left to finish for nothing.
    const started = warming.get(documentId);
    warming.delete(documentId);
    started?.return(undefined as unknown as CachedContext);
    const entry = build(documentId, rows, revision);
    const { ctx } = entry.state;
    const ignored = store.ignoredFlags.ofDocument(documentId);
    const stored: StoredFlags[] = [];
    for (let at = 0; at < rows.length; at += WHOLE_CHECK_SLICE) {
      const end = Math.min(rows.length, at + WHOLE_CHECK_SLICE);
      for (let i = at; i < end; i++) {
        const row = rows[i]!;
        stored.push({ segmentId: row.id, position: row.position, flags: visible(checkSentence(ctx.sentences, i, row.text, opts), row.text, ignored.get(row.id), opts) });
      }
      if (end < rows.length) yield { done: end, total: rows.length };
    }
    store.transaction(() => {
      store.flags.clear(documentId);
      store.flags.put(documentId, stored, true);
      store.names.clear(documentId);
      store.names.put(documentId, rows.map((row) => ({ segmentId: row.id, names: nameWords(row.text) })), true);
      const facts = rows.length > 0 ? documentFacts(ctx) : { known: [], variants: [], typicalWords: 0, script: 'Latin' };
      store.nameFacts.replace(documentId, facts);
      const checkState: CheckState = {
        glossary: glossaryDigest(opts),
        namesVersion: (store.flags.state(documentId)?.namesVersion ?? 0) + 1,
        typicalWords: facts.typicalWords,
        script: facts.script,
      };
      store.flags.setState(documentId, checkState);
      entry.rebuilt = false;
      entry.pendingNames.clear();
      entry.storedNamesVersion = checkState.namesVersion;
      const revised = [...store.flags.revisedSince(entry.revision, documentId).keys()];
      if (revised.length > 0) afterWrite(documentId, revised);
    });
  }

  function checkWhole(documentId: number, rows?: readonly SegmentText[], opts = options(documentId)): void {
    runToEnd(checkWholeSteps(documentId, rows, opts));
  }

  /** Whether a document's stored flags are there and were computed with the current glossary. */
  function isChecked(documentId: number): boolean {
    return store.flags.state(documentId)?.glossary === glossaryDigest(options(documentId));
  }

  /** Makes sure a document's stored flags are there and were computed with the current glossary. */
  function ensure(documentId: number): void {
    const state = caughtUp(documentId);
    if (!state || state.glossary !== glossaryDigest(options(documentId))) checkWhole(documentId);
  }

  /**
   * Re-checks what writes to `segmentIds` of a document can have changed. Runs inside the write's transaction.
   * `kind`: 'texts' for new texts, whose paragraphs are checked again unless the context's last patch found them
   * quiet; 'awaited' for writes that awaited their check (the context may have followed them since, so its last
   * patch does not tell what the stored flags were computed against, and each paragraph is checked again);
   * 'ignore' for a flag ignored or shown again, which changes no text.
   */
  function afterWrite(documentId: number, segmentIds: readonly number[], kind: 'texts' | 'awaited' | 'ignore' = 'texts'): void {
    const state = store.flags.state(documentId);
    if (!state) return; // never checked: its first read checks it whole
    const opts = options(documentId);
    // Checked with other options than the app has now (another glossary, word list or settings, or a dictionary
    // still being built): this write is not checked, and the state says so — the sentences it wrote are checked
    // once the options agree again (catchUp), or the document whole if they never do. Stale flags never pass for
    // current once the digests agree again.
    if (state.glossary !== glossaryDigest(opts)) {
      return store.flags.setState(documentId, { ...state, glossary: withWritesAwaiting(state.glossary, segmentIds) });
    }
    const entry = currentContext(documentId);
    const { ctx } = entry.state;
    const written = segmentIds.map((id) => entry.indexOf.get(id)).filter((i): i is number => i !== undefined);
    const users = (keys: readonly string[]) => usersOf(documentId, entry, keys);
    const quiet = kind === 'texts' && entry.quiet?.revision === store.flags.lastRevision() ? entry.quiet.sentences : NO_SENTENCES;
    const reaches = (index: number) => kind !== 'ignore' && !quiet.has(index);
    let dependents: number[] | 'all';
    let changed: ReadonlySet<string>;
    if (entry.rebuilt || entry.storedNamesVersion !== state.namesVersion) {
      // Built from the texts, or the stored flags were last kept by another process: which names changed is told
      // by the names the stored flags were computed with (comparing them costs what reading them did).
      changed = runToEnd(namesDifferingSteps(documentId, ctx))!;
      dependents = ctx.script !== state.script ? 'all' : dependentsOf(ctx, written, changed, users, reaches);
    } else {
      // Patched all along since the names were stored: the patches said which names changed.
      changed = entry.pendingNames;
      dependents = ctx.script !== state.script ? 'all' : dependentsOf(ctx, written, changed, users, reaches);
    }
    if (dependents === 'all' || dependents.length > RECHECK_ON_WRITE) {
      // The names index stays current all the same: patches of the context find a name's users through it.
      store.names.put(documentId, written.map((i) => ({ segmentId: entry.ids[i]!, names: nameWords(ctx.sentences[i]!.text) })));
      return store.flags.setState(documentId, { ...state, glossary: STALE });
    }
    const updates: StoredFlags[] = dependents.map((i) => ({
      segmentId: entry.ids[i]!,
      position: i + 1,
      flags: visible(checkSentence(ctx.sentences, i, ctx.sentences[i]!.text, opts), ctx.sentences[i]!.text, store.ignoredFlags.ofSegment(entry.ids[i]!), opts),
    }));
    store.flags.put(documentId, updates);
    store.names.put(
      documentId,
      written.map((i) => ({ segmentId: entry.ids[i]!, names: nameWords(ctx.sentences[i]!.text) })),
    );
    // The names whose standing changed are written, not the document's every name.
    let namesVersion = state.namesVersion;
    if (changed.size > 0) {
      store.nameFacts.set(documentId, [...changed].map((form) => [form, standingIn(ctx, form)] as const));
      namesVersion += 1;
    }
    if (namesVersion !== state.namesVersion || ctx.typicalWords !== state.typicalWords) {
      store.flags.setState(documentId, { ...state, namesVersion, typicalWords: ctx.typicalWords });
    }
    entry.rebuilt = false;
    entry.pendingNames.clear();
    entry.storedNamesVersion = namesVersion;
  }

  /**
   * The document's check state, once writes that awaited their check (see services/writesAwaitingCheck.ts) are
   * checked, when the app has the options the stored flags were computed with again: a few sentences checked,
   * where the whole document used to be.
   */
  function caughtUp(documentId: number): CheckState | null {
    const state = store.flags.state(documentId);
    const awaiting = state && awaitingCheck(state.glossary);
    if (!awaiting || awaiting.digest !== glossaryDigest(options(documentId))) return state;
    store.transaction(() => {
      store.flags.setState(documentId, { ...state, glossary: awaiting.digest });
      afterWrite(documentId, awaiting.segmentIds, 'awaited');
    });
    return store.flags.state(documentId);
  }

  /** Checks the writes that awaited their check if it can (a write); then whether the stored flags are current. */
  function catchUp(documentId: number): boolean {
    return caughtUp(documentId)?.glossary === glossaryDigest(options(documentId));
  }

  /** A flag of one sentence was ignored or shown again: its stored (visible) flags change. */
  function afterIgnore(documentId: number, segmentId: number): void {
    if (!store.flags.state(documentId)) return;
    afterWrite(documentId, [segmentId], 'ignore');
  }

  /**
   * The document's current check context and where a sentence is in it, for checking a sentence as it is
   * typed without reading the document: built once per process, then kept current by revisions.
   */
  function context(documentId: number): { ctx: DocumentContext; indexOf: ReadonlyMap<number, number> } {
    const entry = currentContext(documentId);
    return { ctx: entry.state.ctx, indexOf: entry.indexOf };
  }

  return { ensure, isChecked, catchUp, checkWhole, checkWholeSteps, afterWrite, afterIgnore, context, warm };
}

export type StoredFlagsService = ReturnType<typeof storedFlags>;
