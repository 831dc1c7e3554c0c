import { useEffect, useState } from 'react';
import { describeImport, importBarFraction, type ImportProgress } from '../../../core/model/importProgress';
import { call } from '../../lib/desktop';

/** How often the bar asks main how far the import is: often enough to move smoothly, cheap for main. */
const POLL_MS = 150;

interface ImportProgressViewProps {
  token: string;
  fileName: string;
  /** What main is doing with the file: aligning it with its source (for review), or importing it. */
  what: 'Aligning' | 'Importing';
  cancelling: boolean;
}

/** A bar for an import (or an alignment) running in main, polled by the picked file's token. */
export function ImportProgressView({ token, fileName, what, cancelling }: ImportProgressViewProps) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setInterval(() => {
      void call('documents.importProgress', { token }).then(
        (next) => live && next && setProgress(next),
        () => undefined, // the import's own answer reports any failure
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token]);
  // While the file is read the bar is indeterminate: it moves, and claims no share done.
  const fraction = importBarFraction(progress);
  return (
    <div className="import-progress">
      <p>
        {cancelling ? `Cancelling… (${fileName})` : `${what} ${fileName}`}
        {fraction !== null && <span className="muted"> · {Math.round(fraction * 100)}%</span>}
      </p>
      {fraction === null ? <progress aria-label="Import progress" max={1} /> : <progress aria-label="Import progress" value={fraction} max={1} />}
      <p className="muted" data-testid="import-phase">
        {progress ? describeImport(progress) : 'Starting…'}
      </p>
    </div>
  );
}
