import { checkDocument, checkSentence } from '../core/checks';
import { rememberContext } from '../core/checks/context';
import { contextState, patchContext, type ContextState } from '../core/checks/contextUpdate';
import { dependentSentences, documentFacts, type DocumentFacts } from '../core/checks/dependencies';
import type { CheckOptions, CheckedSentence, Flag } from '../core/checks/types';
import { languageOf } from '../core/checks/languages';
import { optionsDigest, shownByDefault } from './checkOptions';
import type { CheckState, StoredFlags } from '../db/repositories/flags';
import type { SegmentText } from '../db/repositories/segments';
import type { Store } from '../db/store';

const sentencesOf = (rows: readonly SegmentText[]): CheckedSentence[] =>
  rows.map((row) => ({ paragraph: row.paragraph, text: row.text, source: row.source }));

const stateOf = (glossary: string, facts: DocumentFacts): CheckState => ({
  glossary,
  names: JSON.stringify({ known: facts.known, variants: facts.variants }),
  typicalWords: facts.typicalWords,
  script: facts.script,
});

function factsOf(state: CheckState): DocumentFacts {
  const names = JSON.parse(state.names) as Pick<DocumentFacts, 'known' | 'variants'>;
  return { ...names, typicalWords: state.typicalWords, script: state.script };
}

/**
 * The machinery that keeps every sentence's flags in the store: a document is checked whole once (the first
 * time its flags are asked for, or when the glossary changed since), and afterwards each write re-checks the
 * written sentences and only those whose flags depend on what changed (see core/checks/dependencies.ts), in
 * the write's transaction. The stored flags are the visible ones: ignored flags are left out.
 */
export function storedFlags(store: Store, options: (documentId: number) => CheckOptions) {
  /**
   * Per document, its check context as of a revision, with each sentence's id: a write patches it (see
   * contextUpdate.ts) rather than building it from every text again. Sentences revised since — by this write
   * or by another process sharing the file — are found through the revisions table and patched in.
   */
  const cache = new Map<number, { state: ContextState; ids: number[]; revision: number }>();

  function freshContext(documentId: number, rows: readonly SegmentText[]): ContextState {
    const state = contextState(sentencesOf(rows), languageOf(options(documentId).languages?.target));
    cache.set(documentId, { state, ids: rows.map((row) => row.id), revision: store.flags.lastRevision() });
    return state;
  }

  /** The document's context as it is now, patched from the cache when it can be; and its rows' ids and positions. */
  function currentContext(documentId: number): { state: ContextState; ids: number[] } {
    const cached = cache.get(documentId);
    if (cached) {
      const revised = store.flags.revisedSince(cached.revision, documentId);
      const indexOf = new Map(cached.ids.map((id, i) => [id, i]));
      const changes = revised.map((id) => ({ index: indexOf.get(id), text: store.segments.get(id)?.currentText }));
      if (changes.every((c) => c.index !== undefined && c.text !== undefined)) {
        const patched = patchContext(cached.state, changes as Array<{ index: number; text: string }>);
        if (patched) {
          cache.set(documentId, { state: patched, ids: cached.ids, revision: store.flags.lastRevision() });
          return { state: patched, ids: cached.ids };
        }
      }
    }
    const rows = store.segments.texts(documentId);
    return { state: freshContext(documentId, rows), ids: rows.map((row) => row.id) };
  }

  const glossaryDigest = optionsDigest;

  /** What the flags panel shows: the flags the default view shows, less those the editor ignored. */
  function visible(flags: Flag[], ignored: Set<string> | undefined, opts: CheckOptions): Flag[] {
    return flags.filter((flag) => shownByDefault(flag, opts) && !ignored?.has(flag.check));
  }

  function checkWhole(documentId: number, rows = store.segments.texts(documentId), opts = options(documentId)): void {
    const { ctx } = freshContext(documentId, rows);
    rememberContext(ctx);
    const ignored = store.ignoredFlags.ofDocument(documentId);
    const all = checkDocument(ctx.sentences, opts);
    store.transaction(() => {
      store.flags.clear(documentId);
      store.flags.put(
        documentId,
        rows.map((row, i) => ({ segmentId: row.id, position: row.position, flags: visible(all[i] ?? [], ignored.get(row.id), opts) })),
        true,
      );
      const facts = rows.length > 0 ? documentFacts(ctx) : { known: [], variants: [], typicalWords: 0, script: 'Latin' };
      store.flags.setState(documentId, stateOf(glossaryDigest(opts), facts));
    });
  }

  /** Makes sure a document's stored flags are there and were computed with the current glossary. */
  function ensure(documentId: number): void {
    const state = store.flags.state(documentId);
    if (!state || state.glossary !== glossaryDigest(options(documentId))) checkWhole(documentId);
  }

  /** Re-checks what writes to `segmentIds` of a document can have changed. Runs inside the write's transaction. */
  function afterWrite(documentId: number, segmentIds: readonly number[]): void {
    const state = store.flags.state(documentId);
    if (!state) return; // never checked: its first read checks it whole
    const opts = options(documentId);
    if (state.glossary !== glossaryDigest(opts)) return checkWhole(documentId, store.segments.texts(documentId), opts);
    const { state: context, ids } = currentContext(documentId);
    const { ctx } = context;
    rememberContext(ctx);
    const facts = documentFacts(ctx);
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const written = segmentIds.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
    const dependents = dependentSentences(ctx, written, factsOf(state), facts);
    if (dependents === 'all') return checkWhole(documentId, store.segments.texts(documentId), opts);
    const updates: StoredFlags[] = dependents.map((i) => ({
      segmentId: ids[i]!,
      position: i + 1,
      flags: visible(checkSentence(ctx.sentences, i, ctx.sentences[i]!.text, opts), store.ignoredFlags.ofSegment(ids[i]!), opts),
    }));
    store.flags.put(documentId, updates);
    store.flags.setState(documentId, stateOf(state.glossary, facts));
  }

  /** A flag of one sentence was ignored or shown again: its stored (visible) flags change. */
  function afterIgnore(documentId: number, segmentId: number): void {
    if (!store.flags.state(documentId)) return;
    afterWrite(documentId, [segmentId]);
  }

  return { ensure, checkWhole, afterWrite, afterIgnore };
}

export type StoredFlagsService = ReturnType<typeof storedFlags>;
