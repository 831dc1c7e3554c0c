import type { DiffView } from './viewSettings';

const VIEWS: Array<{ view: DiffView; label: string }> = [
  { view: 'side-by-side', label: 'Side by side' },
  { view: 'inline', label: 'Inline' },
];

/** Switches between the two diff views; the choice is remembered. */
export function DiffViewToggle({ view, onChange }: { view: DiffView; onChange: (view: DiffView) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Diff view">
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          role="radio"
          aria-checked={view === option.view}
          className={view === option.view ? 'segmented-on' : undefined}
          onClick={() => onChange(option.view)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
