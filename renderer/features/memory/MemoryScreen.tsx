import { useState } from 'react';
import type { FixRule } from '../../../core/model/fixRule';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { TableScreenHeader } from '../../components/TableScreenHeader';
import { useTableRows } from '../../components/useTableRows';
import { call } from '../../lib/desktop';
import { followStored, type RuleTexts } from './ruleDraft';

interface MemoryScreenProps {
  onBack: () => void;
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void;
}

function RuleRow({ rule, onSaved, onError }: { rule: FixRule; onSaved: () => void; onError: (e: unknown) => void }) {
  const stored: RuleTexts = { find: rule.find, replace: rule.replace };
  const [draft, setDraft] = useState(stored);
  // The row lives as long as its rule, through every save: a stored change shows, typing not yet saved stays.
  const [seen, setSeen] = useState(stored);
  if (seen.find !== stored.find || seen.replace !== stored.replace) {
    setSeen(stored);
    setDraft(followStored(draft, seen, stored));
  }
  const { find, replace } = draft;
  const dirty = find !== rule.find || replace !== rule.replace;
  const update = (patch: Partial<FixRule>) =>
    void call('memory.update', { id: rule.id, ...patch }).then(onSaved, onError);
  return (
    <tr data-testid="memory-rule">
      <td>
        <input aria-label="Find" value={find} onChange={(e) => setDraft((d) => ({ ...d, find: e.target.value }))} />
      </td>
      <td>
        <input aria-label="Replace with" value={replace} onChange={(e) => setDraft((d) => ({ ...d, replace: e.target.value }))} />
      </td>
      <td>
        <input type="checkbox" aria-label="Whole words" checked={rule.wholeWord} onChange={(e) => update({ wholeWord: e.target.checked })} />
      </td>
      <td>
        <input type="checkbox" aria-label="Match case" checked={rule.caseSensitive} onChange={(e) => update({ caseSensitive: e.target.checked })} />
      </td>
      <td>
        <input type="checkbox" aria-label="Enabled" checked={rule.enabled} onChange={(e) => update({ enabled: e.target.checked })} />
      </td>
      <td className="numeric">{rule.uses}</td>
      <td className="table-actions">
        <button type="button" disabled={!dirty || !find} onClick={() => update({ find, replace })}>
          Save
        </button>
        <ConfirmDelete
          name={`${rule.find} → ${rule.replace}`}
          onDelete={() =>
            call('memory.remove', { id: rule.id }).then(onSaved, (e: unknown) => {
              onError(e);
              throw e;
            })
          }
        />
      </td>
    </tr>
  );
}

/** The fix memory: every correction Redline learnt, to edit, switch off, export and import as CSV. */
export function MemoryScreen({ onBack, onNotice }: MemoryScreenProps) {
  const { rows: rules, load, onError } = useTableRows('memory.list', onNotice);

  return (
    <div className="screen">
      <TableScreenHeader
        title="Fix memory"
        table="memory"
        rows="rules"
        onBack={onBack}
        onImported={load}
        onNotice={onNotice}
        onError={onError}
      />
      <div className="table-screen">
        <p className="muted">
          When you apply a correction to other sentences, Redline keeps it here and offers it for documents you open
          later (Fix memory… in a document).
        </p>
        {rules === null ? (
          <p className="muted">Loading…</p>
        ) : rules.length === 0 ? (
          <p className="muted">No rules yet.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>Find</th>
                <th>Replace with</th>
                <th>Whole words</th>
                <th>Match case</th>
                <th>On</th>
                <th>Uses</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <RuleRow key={rule.id} rule={rule} onSaved={load} onError={onError} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
