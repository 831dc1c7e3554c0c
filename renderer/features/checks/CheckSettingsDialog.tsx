import { useCallback, useEffect, useRef, useState } from 'react';
import { CHECKS } from '../../../core/checks';
import { SEVERITIES, type CheckId, type CheckSetting, type Severity } from '../../../core/checks/types';
import { Modal } from '../../components/Modal';
import { call, messageOf } from '../../lib/desktop';

type Settings = Partial<Record<CheckId, CheckSetting>>;

interface CheckSettingsDialogProps {
  documentId: number;
  /** A setting or the word list changed: the document's flags are to be asked for again (it is checked again). */
  onChanged: () => void;
  onClose: () => void;
}

/** What a check does unless told otherwise: on, its own severity, its sure flags only. */
const DEFAULT: CheckSetting = { enabled: true, showPossible: false };
const OWN_SEVERITY = '';

/**
 * Each kind of check on or off, at the severity the editor gives it, with its unsure ("possible") flags shown
 * or not — for this document, or for every document (the document's own setting wins) — and the words added
 * to the dictionary, to take one back. The global settings and the words travel with an exported glossary.
 */
export function CheckSettingsDialog({ documentId, onChanged, onClose }: CheckSettingsDialogProps) {
  const [forAll, setForAll] = useState(false);
  const [settings, setSettings] = useState<{ global: Settings; document: Settings } | null>(null);
  const [words, setWords] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Saves still under way: what the store holds is read back once the last of them is written, so a quick
  // second click's setting is not shown undone in between.
  const saving = useRef(0);
  const wordsHeading = useRef<HTMLHeadingElement>(null);
  // The button pressed went with its word: once the list is drawn again, the keyboard goes to the next word's
  // button, else to the heading.
  const focusAfterRemoval = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null || words === null) return;
    focusAfterRemoval.current = null;
    const buttons = document.querySelectorAll<HTMLButtonElement>('.word-list button');
    (buttons[Math.min(index, buttons.length - 1)] ?? wordsHeading.current)?.focus();
  }, [words]);

  const load = useCallback(
    () =>
      Promise.all([call('checks.settings', { documentId }), call('checks.words', {})]).then(
        ([next, list]) => {
          setSettings(next);
          setWords(list);
        },
        (failure: unknown) => setError(messageOf(failure)),
      ),
    [documentId],
  );
  useEffect(() => void load(), [load]);

  /** The setting in force for a check in the scope shown: this document's own, else the global one. */
  const shown = (check: CheckId): CheckSetting =>
    (forAll ? settings?.global[check] : (settings?.document[check] ?? settings?.global[check])) ?? DEFAULT;
  const ownSetting = (check: CheckId) => !forAll && settings?.document[check] !== undefined;

  const save = (check: CheckId, setting: CheckSetting | null) => {
    setError(null);
    // Shown at once (the control follows the click); what the store holds is read back once it is written.
    setSettings((now) => {
      if (!now) return now;
      const scope = forAll ? 'global' : 'document';
      const { [check]: _replaced, ...rest } = now[scope];
      return { ...now, [scope]: setting === null ? rest : { ...rest, [check]: setting } };
    });
    saving.current++;
    void call('checks.setSetting', { documentId, forAll, check, setting })
      .then(onChanged, (failure: unknown) => setError(messageOf(failure)))
      .finally(() => {
        if (--saving.current === 0) void load();
      });
  };
  const change = (check: CheckId, patch: Partial<CheckSetting>) => {
    const next: CheckSetting = { ...shown(check), ...patch };
    if (next.severity === undefined) delete next.severity;
    save(check, next);
  };

  const removeWord = (word: string, index: number) => {
    setError(null);
    void call('checks.removeWord', { word }).then(
      () => {
        onChanged();
        focusAfterRemoval.current = index;
        return load();
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  };

  return (
    <Modal title="Check settings" onClose={onClose} wide footer={<button type="button" onClick={onClose}>Done</button>}>
      <fieldset className="settings-scope">
        <legend>Settings for</legend>
        <label>
          <input type="radio" name="scope" checked={!forAll} onChange={() => setForAll(false)} /> This document
        </label>
        <label>
          <input type="radio" name="scope" checked={forAll} onChange={() => setForAll(true)} /> All documents (this document’s own
          settings win)
        </label>
      </fieldset>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      {settings === null ? (
        !error && <p className="muted">Reading the settings…</p>
      ) : (
        <table className="settings-table">
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">On</th>
              <th scope="col">Severity</th>
              <th scope="col">Unsure flags too</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {CHECKS.map((check) => {
              const setting = shown(check.id);
              return (
                <tr key={check.id} data-check={check.id}>
                  <th scope="row" title={check.description}>
                    {check.title}
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${check.title} on`}
                      checked={setting.enabled}
                      onChange={(event) => change(check.id, { enabled: event.target.checked })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${check.title} severity`}
                      value={setting.severity ?? OWN_SEVERITY}
                      disabled={!setting.enabled}
                      onChange={(event) => change(check.id, { severity: (event.target.value || undefined) as Severity | undefined })}
                    >
                      <option value={OWN_SEVERITY}>As the check says</option>
                      {SEVERITIES.map((severity) => (
                        <option key={severity} value={severity}>
                          {severity[0]!.toUpperCase() + severity.slice(1)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${check.title}: unsure flags too`}
                      checked={setting.showPossible ?? false}
                      disabled={!setting.enabled}
                      onChange={(event) => change(check.id, { showPossible: event.target.checked })}
                    />
                  </td>
                  <td>
                    {ownSetting(check.id) && (
                      <button
                        type="button"
                        className="button-quiet"
                        onClick={() => save(check.id, null)}
                        aria-label={`Reset ${check.title} to the setting for all documents`}
                        title="Use the setting for all documents"
                      >
                        Reset
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h3 ref={wordsHeading} tabIndex={-1}>
        Words added to the dictionary
      </h3>
      {words === null ? null : words.length === 0 ? (
        <p className="muted">None yet: “Add to dictionary” on a spelling flag puts a word here.</p>
      ) : (
        <ul className="word-list" aria-label="Words added to the dictionary">
          {words.map((word, index) => (
            <li key={word}>
              {word}{' '}
              <button type="button" className="button-quiet" aria-label={`Remove ${word}`} onClick={() => removeWord(word, index)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
