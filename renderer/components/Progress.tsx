interface ProgressProps {
  done: number;
  total: number;
  label: string;
}

/** A thin bar with its figures, for "sentences corrected of total". */
export function Progress({ done, total, label }: ProgressProps) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <span className="progress" title={`${done} of ${total} ${label}`}>
      <progress value={done} max={Math.max(total, 1)} aria-label={label} />
      <span className="progress-text">
        {done}/{total} {label}
        <span className="progress-percent"> · {percent}%</span>
      </span>
    </span>
  );
}
