import type { FormatId } from '../../../core/formats/types';

/** Below this the encoding detection is a guess the editor should check against the preview. */
const SURE = 0.9;

/** What the Format label says of the format: found by detection, or picked by the editor. */
export const formatOrigin = (chosen: boolean): string => (chosen ? '(chosen)' : '(detected)');

/** What the Encoding label says of the encoding: picked, detected, or guessed by detection. */
export const encodingOrigin = (chosen: boolean, confidence: number): string =>
  chosen ? '(chosen)' : confidence < SURE ? '(guessed — check the preview)' : '(detected)';

/**
 * The request that reads the picked file again with a format or an encoding the editor picked. The encoding
 * goes with it only once the editor chose one: a detected encoding sent along is read as forced, which the
 * reading reports as certain, so a guess turned into "(detected)" when only the format was changed.
 */
export function rereadRequest(
  token: string,
  current: { format: FormatId; encoding: string },
  encodingChosen: boolean,
  patch: { format?: FormatId; encoding?: string },
): { token: string; format: FormatId; encoding?: string } {
  return { token, format: current.format, ...(encodingChosen ? { encoding: current.encoding } : {}), ...patch };
}
