import { checkDocument, checkSentence } from '../core/checks';
import { contextOf } from '../core/checks/context';
import { dependentSentences, documentFacts, type DocumentFacts } from '../core/checks/dependencies';
import type { CheckOptions, CheckedSentence, Flag } from '../core/checks/types';
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
export function storedFlags(store: Store, options: () => CheckOptions) {
  const glossaryDigest = (opts: CheckOptions) => JSON.stringify(opts.glossary ?? []);

  function visible(flags: Flag[], ignored: Set<string> | undefined): Flag[] {
    return ignored ? flags.filter((flag) => !ignored.has(flag.check)) : flags;
  }

  function checkWhole(documentId: number, rows = store.segments.texts(documentId), opts = options()): void {
    const sentences = sentencesOf(rows);
    const ignored = store.ignoredFlags.ofDocument(documentId);
    const all = checkDocument(sentences, opts);
    store.transaction(() => {
      store.flags.clear(documentId);
      store.flags.put(
        documentId,
        rows.map((row, i) => ({ segmentId: row.id, position: row.position, flags: visible(all[i] ?? [], ignored.get(row.id)) })),
      );
      const facts = sentences.length > 0 ? documentFacts(contextOf(sentences)) : { known: [], variants: [], typicalWords: 0, script: 'Latin' };
      store.flags.setState(documentId, stateOf(glossaryDigest(opts), facts));
    });
  }

  /** Makes sure a document's stored flags are there and were computed with the current glossary. */
  function ensure(documentId: number): void {
    const state = store.flags.state(documentId);
    if (!state || state.glossary !== glossaryDigest(options())) checkWhole(documentId);
  }

  /** Re-checks what writes to `segmentIds` of a document can have changed. Runs inside the write's transaction. */
  function afterWrite(documentId: number, segmentIds: readonly number[]): void {
    const state = store.flags.state(documentId);
    if (!state) return; // never checked: its first read checks it whole
    const opts = options();
    const rows = store.segments.texts(documentId);
    if (state.glossary !== glossaryDigest(opts)) return checkWhole(documentId, rows, opts);
    const sentences = sentencesOf(rows);
    const ctx = contextOf(sentences);
    const facts = documentFacts(ctx);
    const indexOf = new Map(rows.map((row, i) => [row.id, i]));
    const written = segmentIds.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
    const dependents = dependentSentences(ctx, written, factsOf(state), facts);
    if (dependents === 'all') return checkWhole(documentId, rows, opts);
    const ignored = store.ignoredFlags.ofDocument(documentId);
    const updates: StoredFlags[] = dependents.map((i) => {
      const row = rows[i]!;
      return { segmentId: row.id, position: row.position, flags: visible(checkSentence(sentences, i, row.text, opts), ignored.get(row.id)) };
    });
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
