import { useRef, type Ref } from 'react';
import type { DiffView, GridColumns } from './viewSettings';

type Column = keyof GridColumns['widths'];

interface ColumnHeaderProps {
  view: DiffView;
  showSource: boolean;
  showMt: boolean;
  columns: GridColumns;
  onColumns: (columns: GridColumns) => void;
  /** The header's box: the grid measures it to keep rows clear of it. */
  ref?: Ref<HTMLDivElement>;
}

const LABELS: Record<Column, string> = { source: 'Source', mt: 'Machine translation', correction: 'Correction' };

/**
 * The grid's header: column names, with a handle between two text columns to drag their border (the pair
 * keeps its total width, so the other columns stay put). Widths are remembered.
 */
export function ColumnHeader({ view, showSource, showMt, columns, onColumns, ref }: ColumnHeaderProps) {
  const shown: Column[] = view === 'inline' ? [] : [...(showSource ? ['source' as const] : []), ...(showMt ? ['mt' as const] : []), 'correction'];
  const cells = useRef<Array<HTMLSpanElement | null>>([]);

  const startDrag = (index: number, event: React.PointerEvent<HTMLSpanElement>) => {
    const left = shown[index]!;
    const right = shown[index + 1]!;
    const leftBox = cells.current[index]?.getBoundingClientRect();
    const rightBox = cells.current[index + 1]?.getBoundingClientRect();
    if (!leftBox || !rightBox) return;
    const pair = columns.widths[left] + columns.widths[right];
    const pixels = leftBox.width + rightBox.width;
    const startX = event.clientX;
    event.currentTarget.setPointerCapture(event.pointerId);
    const onMove = (move: PointerEvent) => {
      const leftPixels = Math.min(Math.max(leftBox.width + move.clientX - startX, pixels * 0.15), pixels * 0.85);
      const leftShare = Math.round((pair * leftPixels * 100) / pixels) / 100;
      onColumns({ ...columns, widths: { ...columns.widths, [left]: leftShare, [right]: Math.round((pair - leftShare) * 100) / 100 } });
    };
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  };

  return (
    <div className="grid-header" aria-hidden="true" ref={ref}>
      <span>#</span>
      {view === 'inline' ? (
        <span>Changes to the machine translation</span>
      ) : (
        shown.map((column, index) => (
          <span key={column} className="grid-header-cell" ref={(el) => void (cells.current[index] = el)}>
            {LABELS[column]}
            {index < shown.length - 1 && (
              <span className="column-resizer" title="Drag to resize the columns" onPointerDown={(event) => startDrag(index, event)} />
            )}
          </span>
        ))
      )}
      <span>HTER</span>
    </div>
  );
}
