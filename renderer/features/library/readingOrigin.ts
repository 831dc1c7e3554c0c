import type { FormatId } from '../../../core/formats/types';

/** Below this the encoding detection is a guess the editor should check against the preview. */
const SURE = 0.9;

/** What the Format label says of the format: found by detection, or picked by the editor. */
export const formatOrigin = (chosen: boolean): string => (chosen ? '(chosen)' : '(detected)');

/** What the Encoding label says of the encoding: picked, detected, or guessed by detection. */
export const encodingOrigin = (chosen: boolean, confidence: number): string =>
  chosen ? '(chosen)' : confidence < SURE ? '(guessed — check the preview)' : '(detected)';

/** What the editor picked in the dialog so far: the reading every later request keeps. */
export interface Picks {
  format?: FormatId;
  encoding?: string;
}

/**
 * The request that reads the picked file again with what the editor picked so far (`picks`, the latest pick in
 * it), the format otherwise as first read. The encoding goes with it only once the editor chose one: a detected
 * encoding sent along is read as forced, which the reading reports as certain, so a guess turned into
 * "(detected)" when only the format was changed. Built from the picks, not from the last answer, so a pick made
 * before the answer to the one before it arrived keeps both.
 */
export function rereadRequest(token: string, readAs: FormatId, picks: Picks): { token: string; format: FormatId; encoding?: string } {
  return { token, format: picks.format ?? readAs, ...(picks.encoding !== undefined ? { encoding: picks.encoding } : {}) };
}
