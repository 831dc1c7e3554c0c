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

export type Density = 'compact' | 'comfortable';
const isDensity = (value: unknown): value is Density => value === 'compact' || value === 'comfortable';

/** How tightly rows are set: compact for a long day on a small screen, comfortable for reading. Remembered. */
export const useDensity = () => useStoredState<Density>('redline.density', 'comfortable', isDensity);

/** The grid's text columns: which are shown and their relative widths. Remembered. */
export interface GridColumns {
  showSource: boolean;
  showMt: boolean;
  /** Relative widths (fr) of source, MT and correction. */
  widths: { source: number; mt: number; correction: number };
}

const DEFAULT_COLUMNS: GridColumns = { showSource: true, showMt: true, widths: { source: 1, mt: 1, correction: 1 } };

const isColumns = (value: unknown): value is GridColumns => {
  const v = value as GridColumns | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.showSource === 'boolean' &&
    typeof v.showMt === 'boolean' &&
    typeof v.widths === 'object' &&
    v.widths !== null &&
    [v.widths.source, v.widths.mt, v.widths.correction].every((w) => typeof w === 'number' && w >= 0.2 && w <= 5)
  );
};

export const useGridColumns = () => useStoredState<GridColumns>('redline.columns', DEFAULT_COLUMNS, isColumns);
