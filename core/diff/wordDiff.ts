import { diffArrays } from 'diff';
import { cleanUp, type Run } from './cleanup';
import type { DiffOp } from './diffOp';
import { tokenize } from './tokenize';

/** Beyond this many token edits two texts have little in common: show a whole replacement instead. */
const MAX_EDIT_LENGTH = 400;

function buildOps(runs: readonly Run[]): DiffOp[] {
  const ops: DiffOp[] = [];
  let a = 0;
  let b = 0;
  for (const { kind, text } of runs) {
    if (text.length === 0) continue;
    const aLength = kind === 'insert' ? 0 : text.length;
    const bLength = kind === 'delete' ? 0 : text.length;
    const last = ops[ops.length - 1];
    if (last && last.kind === kind) {
      last.text += text;
      last.aEnd += aLength;
      last.bEnd += bLength;
    } else {
      ops.push({ kind, text, aStart: a, aEnd: a + aLength, bStart: b, bEnd: b + bLength });
    }
    a += aLength;
    b += bLength;
  }
  return ops;
}

/**
 * Word-level diff of an MT sentence and its correction, over tokens that keep spaces and punctuation apart,
 * cleaned up for reading (see cleanup.ts). Deletions come before insertions at the same place. Identical
 * texts give a single equal op (or none for two empty strings).
 */
export function wordDiff(mt: string, correction: string): DiffOp[] {
  if (mt === correction) return buildOps([{ kind: 'equal', text: mt }]);
  const changes = diffArrays(tokenize(mt), tokenize(correction), { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    return buildOps([
      { kind: 'delete', text: mt },
      { kind: 'insert', text: correction },
    ]);
  }
  return buildOps(
    cleanUp(
      changes.map((change) => ({
        kind: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
        text: change.value.join(''),
      })),
    ),
  );
}
