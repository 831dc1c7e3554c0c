export type DiffKind = 'equal' | 'delete' | 'insert';

/**
 * One run of a diff between an MT text (a) and its correction (b), with its offsets in both.
 * A deletion is empty in b (bStart === bEnd); an insertion is empty in a.
 */
export interface DiffOp {
  kind: DiffKind;
  text: string;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}
