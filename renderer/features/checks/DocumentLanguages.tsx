import { useCallback, useEffect, useId, useState } from 'react';
import type { Languages } from '../../../core/checks/types';
import { call, messageOf } from '../../lib/desktop';

/** Languages the checks have conventions, a dictionary or a detector for; a stored tag not listed is added. */
const KNOWN = ['en', 'de', 'fr', 'ru', 'es', 'it', 'pt', 'nl', 'pl', 'uk', 'zh', 'ja', 'ko'] as const;
const DETECT = 'detect';

const names = new Intl.DisplayNames(['en'], { type: 'language' });
/** `ru` → Russian; a tag the browser cannot name is shown as it is. */
export function languageName(tag: string | null): string {
  if (!tag) return 'unknown';
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

interface LanguagePickerProps {
  label: string;
  stored: string | null;
  used: string | null;
  onChange: (tag: string | null) => void;
  disabled: boolean;
}

function LanguagePicker({ label, stored, used, onChange, disabled }: LanguagePickerProps) {
  const id = useId();
  const tags: string[] = [...KNOWN];
  if (stored && !tags.includes(stored)) tags.push(stored);
  return (
    <span className="language-picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={stored ?? DETECT}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value === DETECT ? null : event.target.value)}
      >
        <option value={DETECT}>Detect{stored === null && used ? ` (${languageName(used)})` : ''}</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag)}
          </option>
        ))}
      </select>
    </span>
  );
}

interface DocumentLanguagesProps {
  documentId: number;
  /** The languages changed: the flags were checked again. */
  onChanged: () => void;
}

/** "Checked as Russian → English": the languages the checks use, and a way to set either (or detect it). */
export function DocumentLanguages({ documentId, onChanged }: DocumentLanguagesProps) {
  const [languages, setLanguages] = useState<{ stored: Languages; used: Languages } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      call('checks.languages', { documentId }).then(
        (result) => {
          setLanguages(result);
          setError(null);
        },
        (failure: unknown) => setError(messageOf(failure)),
      ),
    [documentId],
  );
  useEffect(() => void load(), [load]);

  const choose = (side: keyof Languages, tag: string | null) => {
    if (!languages) return;
    setBusy(true);
    const next = { ...languages.stored, [side]: tag };
    call('checks.setLanguages', { documentId, source: next.source, target: next.target })
      .then(load, (failure: unknown) => setError(messageOf(failure)))
      .then(onChanged)
      .finally(() => setBusy(false));
  };

  if (error) return <p className="inline-error">Could not read the document’s languages: {error}</p>;
  if (!languages) return null;
  const { stored, used } = languages;
  return (
    <section className="document-languages" aria-label="Languages" data-testid="document-languages">
      <p data-testid="checked-as">
        Checked as {used.source ? `${languageName(used.source)} → ` : ''}
        {languageName(used.target)}
      </p>
      <div className="panel-actions">
        <LanguagePicker label="Source" stored={stored.source} used={used.source} onChange={(tag) => choose('source', tag)} disabled={busy} />
        <LanguagePicker label="Target" stored={stored.target} used={used.target} onChange={(tag) => choose('target', tag)} disabled={busy} />
      </div>
    </section>
  );
}
