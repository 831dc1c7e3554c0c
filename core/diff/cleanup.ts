import { diffArrays } from 'diff';
import type { DiffKind } from './diffOp';
import { graphemes } from './tokenize';

/** A stretch of the diff before offsets are assigned. */
export interface Run {
  kind: DiffKind;
  text: string;
}

/** A run of unchanged text, or one change: what was deleted and what was inserted in its place. */
type Piece = { equal: string } | { deleted: string; inserted: string };

const isChange = (piece: Piece | undefined): piece is { deleted: string; inserted: string } =>
  piece !== undefined && !('equal' in piece);

function toPieces(runs: readonly Run[]): Piece[] {
  const pieces: Piece[] = [];
  for (const { kind, text } of runs) {
    const last = pieces[pieces.length - 1];
    if (kind === 'equal') pieces.push({ equal: text });
    else if (isChange(last)) {
      if (kind === 'delete') last.deleted += text;
      else last.inserted += text;
    } else pieces.push(kind === 'delete' ? { deleted: text, inserted: '' } : { deleted: '', inserted: text });
  }
  return pieces;
}

const hasWord = ({ deleted, inserted }: Change) => /[\p{L}\p{N}]/u.test(deleted + inserted);

/**
 * An unchanged stretch this small between two reworded stretches only chops a rewritten clause into confetti:
 * spaces and punctuation, or one short word ("the", "of") with them. Between pure spacing or punctuation
 * fixes it stays, so each such fix shows exactly.
 */
function isTinyBetweenWords(text: string, before: Change, after: Change): boolean {
  if (!hasWord(before) && !hasWord(after)) return false;
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? text.length <= 3 : words.length === 1 && words[0]!.length <= 3 && text.length <= 5;
}

type Change = { deleted: string; inserted: string };

/** Merges tiny unchanged stretches into the changes around them, so a rewritten clause reads as one change. */
function mergeChoppy(pieces: Piece[], tiny: (text: string, before: Change, after: Change) => boolean): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const before = out[out.length - 1];
    const after = pieces[i + 1];
    if ('equal' in piece && isChange(before) && isChange(after) && tiny(piece.equal, before, after)) {
      before.deleted += piece.equal + after.deleted;
      before.inserted += piece.equal + after.inserted;
      i++; // `after` is now part of `before`
    } else if (isChange(piece) && isChange(before)) {
      before.deleted += piece.deleted;
      before.inserted += piece.inserted;
    } else {
      out.push(isChange(piece) ? { ...piece } : piece);
    }
  }
  return out;
}

/**
 * A replaced word that is mostly the same word (`organisation` → `organization`) is shown by the characters
 * that changed; where much of it changed (`Alma-Ata` → `Almaty`: half of it), the whole word is shown replaced,
 * which reads better than fragments of both spellings.
 */
function refineWord(deleted: string, inserted: string): Run[] | null {
  if (!deleted || !inserted || /\s/u.test(deleted) || /\s/u.test(inserted)) return null;
  const runs: Run[] = diffArrays(graphemes(deleted), graphemes(inserted)).map((c) => ({
    kind: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value.join(''),
  }));
  const pieces = mergeChoppy(toPieces(runs), (text) => text.length <= 2);
  const kept = pieces.reduce((n, p) => n + ('equal' in p ? p.equal.length : 0), 0);
  const changes = pieces.filter(isChange).length;
  if (kept * 3 <= Math.max(deleted.length, inserted.length) * 2 || changes > 2) return null;
  return toRuns(pieces);
}

function toRuns(pieces: readonly Piece[]): Run[] {
  return pieces.flatMap((piece): Run[] =>
    'equal' in piece
      ? [{ kind: 'equal', text: piece.equal }]
      : [
          { kind: 'delete', text: piece.deleted },
          { kind: 'insert', text: piece.inserted },
        ],
  );
}

/** Readable runs: choppy stretches merged, near-identical words refined to characters, deletions first. */
export function cleanUp(runs: readonly Run[]): Run[] {
  return mergeChoppy(toPieces(runs), isTinyBetweenWords).flatMap((piece) =>
    'equal' in piece ? toRuns([piece]) : (refineWord(piece.deleted, piece.inserted) ?? toRuns([piece])),
  );
}
