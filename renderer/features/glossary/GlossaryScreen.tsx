import { useState, type KeyboardEvent } from 'react';
import type { GlossaryEntry } from '../../../core/model/glossary';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { TableScreenHeader } from '../../components/TableScreenHeader';
import { useTableRows } from '../../components/useTableRows';
import { call } from '../../lib/desktop';

interface GlossaryScreenProps {
  onBack: () => void;
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void;
}

const splitVariants = (text: string) => text.split(/[|,;]/).map((v) => v.trim()).filter(Boolean);

function TermForm({ entry, onSaved, onError }: { entry?: GlossaryEntry; onSaved: () => void; onError: (e: unknown) => void }) {
  const [preferred, setPreferred] = useState(entry?.preferred ?? '');
  const [forbidden, setForbidden] = useState(entry?.forbidden.join(', ') ?? '');
  const [note, setNote] = useState(entry?.note ?? '');
  // One save at a time: a second Enter (or Add) while the first is on its way would add the term twice.
  const [saving, setSaving] = useState(false);
  const save = () => {
    setSaving(true);
    void call('glossary.save', { id: entry?.id, preferred, forbidden: splitVariants(forbidden), note })
      .then(() => {
        if (!entry) {
          setPreferred('');
          setForbidden('');
          setNote('');
        }
        onSaved();
      }, onError)
      .finally(() => setSaving(false));
  };
  const canSave = preferred.trim() !== '' && !saving;
  // Enter in a field of the new-term row adds the term, as in a form (not while an input method composes). A
  // term's own row is remounted by its save, which would drop the keyboard: there Save stays a button only.
  const addOnEnter = (e: KeyboardEvent) =>
    !entry && e.key === 'Enter' && !e.repeat && !e.nativeEvent.isComposing && e.target instanceof HTMLInputElement && canSave && save();
  return (
    <tr data-testid={entry ? 'glossary-term' : 'glossary-new'} onKeyDown={addOnEnter}>
      <td>
        <input aria-label="Preferred term" value={preferred} onChange={(e) => setPreferred(e.target.value)} placeholder="Almaty" />
      </td>
      <td>
        <input aria-label="Forbidden variants" value={forbidden} onChange={(e) => setForbidden(e.target.value)} placeholder="Alma-Ata, Alma Ata" />
      </td>
      <td>
        <input aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
      </td>
      <td className="table-actions">
        <button type="button" disabled={!canSave} onClick={save}>
          {entry ? 'Save' : 'Add'}
        </button>
        {entry && (
          <ConfirmDelete
            name={entry.preferred}
            onDelete={() =>
              call('glossary.remove', { id: entry.id }).then(onSaved, (e: unknown) => {
                onError(e);
                throw e;
              })
            }
          />
        )}
      </td>
    </tr>
  );
}

/** The glossary: preferred terms and the variants the terminology check replaces by them. */
export function GlossaryScreen({ onBack, onNotice }: GlossaryScreenProps) {
  const { rows: terms, load, onError } = useTableRows('glossary.list', onNotice);

  return (
    <div className="screen">
      <TableScreenHeader
        title="Glossary"
        table="glossary"
        rows="terms"
        onBack={onBack}
        onImported={load}
        onNotice={onNotice}
        onError={onError}
      />
      <div className="table-screen">
        <p className="muted">
          Variants listed here are flagged in every document, with the preferred term as their fix. In CSV: columns
          preferred, forbidden (variants separated by “|”), note.
        </p>
        <table className="data-table">
          <thead>
            <tr>
              <th>Preferred term</th>
              <th>Forbidden variants</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(terms ?? []).map((term) => (
              <TermForm key={`${term.id}-${term.updatedAt}`} entry={term} onSaved={load} onError={onError} />
            ))}
            <TermForm onSaved={load} onError={onError} />
          </tbody>
        </table>
      </div>
    </div>
  );
}
