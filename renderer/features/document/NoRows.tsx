interface NoRowsProps {
  /** Why no row shows (noRowsMessage). */
  message: string;
  onShowAll: () => void;
}

/** Where the filters leave no sentence: says which, and offers the way back, instead of a blank grid. */
export function NoRows({ message, onShowAll }: NoRowsProps) {
  return (
    <div className="no-rows" role="status" data-testid="no-rows">
      <p>{message}</p>
      <button type="button" onClick={onShowAll}>
        Show all sentences
      </button>
    </div>
  );
}
