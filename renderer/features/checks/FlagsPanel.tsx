import { SidePanel } from '../../components/SidePanel';
import { plural } from '../../lib/format';
import { CHECKS } from '../../../core/checks';
import type { CheckId } from '../../../core/checks/types';
import { DocumentLanguages } from './DocumentLanguages';
import { checkedSoFar } from './checkedSoFar';
import type { DocumentChecks } from './useDocumentChecks';

interface FlagsPanelProps {
  documentId: number;
  checks: DocumentChecks;
  /** The check the grid is filtered to, 'any' for every flagged sentence, or null for no filter. */
  filter: CheckId | 'any' | null;
  onFilter: (filter: CheckId | 'any' | null) => void;
  onFixAll: (check: CheckId) => void;
  onNext: (direction: 1 | -1) => void;
  /** Opens the check settings (which checks, their severity, unsure flags, the dictionary words). */
  onSettings: () => void;
  onClose: () => void;
}

/** What looks garbled in the document, check by check: filter the grid to it, or fix a mechanical kind at once. */
export function FlagsPanel({ documentId, checks, filter, onFilter, onFixAll, onNext, onSettings, onClose }: FlagsPanelProps) {
  const { flagged } = checks;
  const listed = CHECKS.filter((check) => (checks.counts[check.id] ?? 0) > 0);
  return (
    <SidePanel title="Flags" name="flags" onClose={onClose}>
      {checks.error && <p className="inline-error">Could not check the document: {checks.error}</p>}
      <p className="muted" data-testid="flagged-count">
        {checks.pending
          ? `${flagged === 0 ? 'Checking the document' : `${plural(flagged, 'sentence')} flagged before; checking again`}${checkedSoFar(checks.pending)}…`
          : flagged === 0
            ? 'Nothing looks garbled.'
            : `${plural(flagged, 'sentence')} flagged.`}
      </p>
      <DocumentLanguages documentId={documentId} onChanged={checks.refresh} />
      <p>
        <button type="button" className="button-quiet" onClick={onSettings}>
          Check settings…
        </button>
      </p>
      <div className="panel-actions">
        <label>
          <input
            type="checkbox"
            checked={filter !== null}
            onChange={(event) => onFilter(event.target.checked ? 'any' : null)}
          />
          Flagged sentences only
        </label>
        <span>
          <button type="button" onClick={() => onNext(-1)} title="Previous flagged sentence (Shift+F8)">
            ↑
          </button>
          <button type="button" onClick={() => onNext(1)} title="Next flagged sentence (F8)">
            ↓ Next
          </button>
        </span>
      </div>
      <ul className="check-list">
        {listed.map((check) => (
          <li key={check.id} className={filter === check.id ? 'check-on' : undefined} data-testid="check-row" data-check={check.id}>
            <button
              type="button"
              className="check-name button-quiet"
              onClick={() => onFilter(filter === check.id ? null : check.id)}
              title={check.description}
              aria-pressed={filter === check.id}
            >
              <span>{check.title}</span>
              <span className="check-count">{checks.counts[check.id]}</span>
            </button>
            {check.mechanical && (
              <button type="button" className="flag-button" onClick={() => onFixAll(check.id)}>
                Fix all…
              </button>
            )}
          </li>
        ))}
      </ul>
    </SidePanel>
  );
}
