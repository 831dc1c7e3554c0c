import type { TerOptions } from '../../../core/metrics';
import { useStoredState } from '../../lib/useStoredState';

export type DiffView = 'side-by-side' | 'inline';

const isDiffView = (value: unknown): value is DiffView => value === 'side-by-side' || value === 'inline';

const isTerOptions = (value: unknown): value is Required<TerOptions> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as TerOptions).normalize === 'boolean' &&
  typeof (value as TerOptions).caseSensitive === 'boolean';

/** How the diff is shown: MT and correction side by side, or one inline column. Remembered. */
export const useDiffView = () => useStoredState<DiffView>('redline.diffView', 'side-by-side', isDiffView);

/** How HTER compares words (tercom's normalization, case). Remembered; the research conventions by default. */
export const useTerOptions = () =>
  useStoredState<Required<TerOptions>>('redline.terOptions', { normalize: true, caseSensitive: true }, isTerOptions);
