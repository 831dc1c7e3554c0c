import { useRef, useState } from 'react';
import type { BeadCounts } from '../../../core/align/beads';
import type { FormatId } from '../../../core/formats/types';
import type { RequestOf, ResponseOf } from '../../../core/ipc';
import type { DocumentSummary } from '../../../core/model/document';
import { Modal } from '../../components/Modal';
import { call, DesktopError, messageOf } from '../../lib/desktop';
import { AlignmentReview, type Alignment } from './AlignmentReview';
import { ImportProgressView } from './ImportProgressView';
import { encodingOrigin, formatOrigin, rereadRequest, type Picks } from './readingOrigin';

type Picked = NonNullable<ResponseOf<'documents.pickFile'>>;

const FORMAT_LABELS: Record<string, string> = {
  text: 'Plain text',
  markdown: 'Markdown',
  xliff: 'XLIFF',
  sdlxliff: 'Trados SDLXLIFF',
  mqxliff: 'memoQ MQXLIFF',
  tmx: 'TMX',
  csv: 'CSV / TSV',
  po: 'gettext PO',
};
const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'windows-1252', 'iso-8859-1'];

/** The encodings to choose from, the detected one first even when it is none of the usual. */
const EncodingOptions = ({ current }: { current: string }) =>
  [...new Set([current, ...ENCODINGS])].map((e) => (
    <option key={e} value={e}>
      {e}
    </option>
  ));

interface ImportChoices {
  format: FormatId;
  encoding: string;
  sourceLang?: string;
  targetLang?: string;
  columns?: { source?: string; target: string; id?: string };
  missingTargets?: 'empty' | 'source';
}

interface ImportDialogProps {
  picked: Picked;
  formats: readonly string[];
  onImported: (document: DocumentSummary) => void;
  /** The editor cancelled the running import; the message says nothing was stored. */
  onCancelled: (message: string) => void;
  onClose: () => void;
  onError: (error: unknown) => void;
}

/** Where the dialog is: choosing how to read the file, checking an alignment with its source, importing. */
type Step =
  | { kind: 'choose' }
  | { kind: 'align'; alignment: Alignment; counts: BeadCounts }
  | { kind: 'working'; what: 'Aligning' | 'Importing' };

/** A detected column (a header name or a 0-based number) as the header name the selects show. */
const columnName = (columns: readonly string[], column: string | number | undefined) =>
  column === undefined ? '' : typeof column === 'number' ? (columns[column] ?? '') : column;

/** The columns the file was taken to have, as the selects show them. */
const mappingOf = (view: Picked) => {
  const columns = view.columns ?? [];
  return { source: columnName(columns, view.mapping?.source), target: columnName(columns, view.mapping?.target), id: columnName(columns, view.mapping?.id) };
};
/** The language pair to review out of a multilingual file's: the one it declares first, else its first two. */
const pairOf = (view: Picked) => {
  const languages = view.languages ?? [];
  const source = view.sourceLang ?? languages[0] ?? '';
  return { source, target: languages.find((l) => l !== source) ?? '' };
};

/**
 * Opens a picked file: shows what it was taken for (format, encoding, how it reads) and lets the editor change
 * it first; for a plain text, takes its source text from a second file and shows the alignment to check;
 * then imports with a progress bar and a cancel button.
 */
export function ImportDialog({ picked, formats, onImported, onCancelled, onClose, onError }: ImportDialogProps) {
  const [view, setView] = useState(picked);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [source, setSource] = useState<Picked | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const languages = view.languages ?? [];
  const [sourceLang, setSourceLang] = useState(() => pairOf(view).source);
  const [targetLang, setTargetLang] = useState(() => pairOf(view).target);
  const columns = view.columns ?? [];
  const [mapping, setMapping] = useState(() => mappingOf(view));
  const [missingTargets, setMissingTargets] = useState<'empty' | 'source'>('empty');
  // Once the file is read in an encoding the editor picked, the label says so: detection no longer decides it.
  const [encodingChosen, setEncodingChosen] = useState(false);
  // Likewise the format, once the editor picked one.
  const [formatChosen, setFormatChosen] = useState(false);
  // What the editor picked (format, encoding) and how many readings were asked for: see reread.
  const picks = useRef<Picks>({});
  const readings = useRef(0);
  const bilingualXml = view.format === 'xliff' || view.format === 'sdlxliff' || view.format === 'mqxliff';
  const choices = (): ImportChoices => ({
    format: view.format,
    encoding: view.encoding,
    ...(bilingualXml && missingTargets === 'source' ? { missingTargets } : {}),
    ...(view.format === 'tmx' && languages.length > 1 ? { sourceLang, targetLang } : {}),
    ...(view.format === 'csv' && columns.length > 0 && mapping.target
      ? { columns: { target: mapping.target, ...(mapping.source ? { source: mapping.source } : {}), ...(mapping.id ? { id: mapping.id } : {}) } }
      : {}),
  });
  const columnSelect = (label: string, key: 'source' | 'target' | 'id', optional: boolean) => (
    <label>
      <span>{label}</span>
      <select aria-label={label} value={mapping[key]} onChange={(e) => setMapping({ ...mapping, [key]: e.target.value })}>
        {optional && <option value="">—</option>}
        {columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
  // Read again as another format or encoding, the file may have other columns or languages: the choices shown
  // are then the new reading's (they were the first reading's, while the import used none of them).
  const reread = (patch: Picks) => {
    picks.current = { ...picks.current, ...patch };
    if (patch.encoding !== undefined) setEncodingChosen(true);
    if (patch.format !== undefined) setFormatChosen(true);
    const asked = ++readings.current;
    return call('documents.inspectPicked', rereadRequest(picked.token, picked.format, picks.current)).then((next) => {
      // An answer to an earlier pick arriving after a later one's is not what the dialog shows.
      if (asked !== readings.current) return;
      const read = { ...view, ...next };
      setView(read);
      if ((read.columns ?? []).join('\n') !== columns.join('\n')) setMapping(mappingOf(read));
      if ((read.languages ?? []).join() !== languages.join()) {
        setSourceLang(pairOf(read).source);
        setTargetLang(pairOf(read).target);
      }
    }, onError);
  };
  const withSource = source !== null && view.format === 'text';

  async function pickSource() {
    try {
      const file = await call('documents.pickFile', {});
      // Said now, not after "Align…": the source is split into sentences as plain text, which a Word file or
      // a bilingual file is not.
      if (file && file.format !== 'text' && file.format !== 'markdown') {
        onError(new Error(`${file.fileName} is read as ${FORMAT_LABELS[file.format] ?? file.format}: the source text to align must be a plain text file.`));
      } else if (file) setSource(file);
    } catch (error) {
      onError(error);
    }
  }
  const isCancelled = (error: unknown) => error instanceof DesktopError && error.code === 'cancelled';

  async function align() {
    if (!source) return;
    setStep({ kind: 'working', what: 'Aligning' });
    try {
      const alignment = await call('documents.alignPicked', {
        token: picked.token,
        encoding: view.encoding,
        source: { token: source.token, encoding: source.encoding },
      });
      setStep({ kind: 'align', alignment, counts: alignment.counts });
    } catch (error) {
      setStep({ kind: 'choose' });
      if (!isCancelled(error)) onError(error);
    } finally {
      setCancelling(false);
    }
  }
  async function startImport(request: RequestOf<'documents.importPicked'>) {
    if (step.kind === 'working') return;
    setStep({ kind: 'working', what: 'Importing' });
    try {
      onImported(await call('documents.importPicked', request));
    } catch (error) {
      if (isCancelled(error)) {
        onCancelled(messageOf(error));
        return;
      }
      setCancelling(false);
      setStep(step);
      onError(error);
    }
  }
  const cancelImport = () => {
    setCancelling(true);
    void call('documents.cancelImport', { token: picked.token }).catch(onError);
  };

  if (step.kind === 'working') {
    return (
      <Modal
        key="working"
        title={`Open ${picked.fileName}`}
        onClose={cancelImport}
        closeOnBackdrop={false}
        footer={
          <button type="button" disabled={cancelling} onClick={cancelImport}>
            {cancelling ? 'Cancelling…' : step.what === 'Aligning' ? 'Cancel' : 'Cancel import'}
          </button>
        }
      >
        <ImportProgressView token={picked.token} fileName={picked.fileName} what={step.what} cancelling={cancelling} />
      </Modal>
    );
  }

  if (step.kind === 'align' && source) {
    // Rows merged or split by hand are work: a stray click beside the dialog or Esc must not throw them away.
    const changed = step.counts.join() !== step.alignment.counts.join();
    const closeAlignment = () => {
      if (!changed || window.confirm('Discard the changes you made to this alignment?')) onClose();
    };
    return (
      <Modal
        key="align"
        title={`Align ${picked.fileName} with ${source.fileName}`}
        wide
        onClose={closeAlignment}
        closeOnBackdrop={false}
        footer={
          <>
            <span className="muted">Each row becomes one sentence to review, with its source beside it.</span>
            <button type="button" onClick={() => setStep({ kind: 'choose' })}>
              Back
            </button>
            <button
              type="button"
              className="button-primary"
              onClick={() =>
                void startImport({
                  token: picked.token,
                  format: 'text',
                  encoding: view.encoding,
                  source: { token: source.token, encoding: source.encoding, counts: step.counts.map(([a, b]) => [a, b]) },
                })
              }
            >
              Open
            </button>
          </>
        }
      >
        <AlignmentReview alignment={step.alignment} counts={step.counts} onChange={(counts) => setStep({ ...step, counts })} />
      </Modal>
    );
  }

  // Each step is its own dialog (a key apiece), so focus moves into it as it opens.
  return (
    <Modal
      key="choose"
      title={`Open ${picked.fileName}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {withSource ? (
            <button type="button" className="button-primary" autoFocus onClick={() => void align()}>
              Align…
            </button>
          ) : (
            <button type="button" className="button-primary" autoFocus onClick={() => void startImport({ token: picked.token, ...choices() })}>
              Open
            </button>
          )}
        </>
      }
    >
      <div className="form-grid">
        <label>
          <span>Format {formatOrigin(formatChosen)}</span>
          <select aria-label="Format" value={view.format} onChange={(e) => void reread({ format: e.target.value as FormatId })}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f] ?? f}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>
            Encoding {encodingOrigin(encodingChosen, view.confidence)}
          </span>
          <select aria-label="Encoding" value={view.encoding} onChange={(e) => void reread({ encoding: e.target.value })}>
            <EncodingOptions current={view.encoding} />
          </select>
        </label>
        {view.format === 'tmx' && languages.length > 1 && (
          <>
            <label>
              <span>Source language</span>
              <select aria-label="Source language" value={sourceLang} onChange={(e) => setSourceLang(e.target.value)}>
                {languages.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
            <label>
              <span>Language to review</span>
              <select aria-label="Language to review" value={targetLang} onChange={(e) => setTargetLang(e.target.value)}>
                {languages.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
          </>
        )}
        {bilingualXml && (
          <label>
            <span>Units without a translation</span>
            <select
              aria-label="Units without a translation"
              value={missingTargets}
              onChange={(e) => setMissingTargets(e.target.value === 'source' ? 'source' : 'empty')}
            >
              <option value="empty">Empty, to translate</option>
              <option value="source">Copy the source in</option>
            </select>
          </label>
        )}
        {view.format === 'csv' && columns.length > 0 && (
          <>
            {columnSelect('MT column', 'target', false)}
            {columnSelect('Source column', 'source', true)}
            {columnSelect('Id column', 'id', true)}
          </>
        )}
        {view.format === 'text' && (
          <div className="import-source">
            <span>Source text (optional)</span>
            {source ? (
              <span className="import-source-file">
                <strong>{source.fileName}</strong>
                <select
                  aria-label="Source encoding"
                 
                  value={source.encoding}
                  onChange={(e) =>
                    void call('documents.inspectPicked', { token: source.token, format: 'text', encoding: e.target.value }).then(
                      (next) => setSource({ ...source, ...next }),
                      onError,
                    )
                  }
                >
                  <EncodingOptions current={source.encoding} />
                </select>
                <button type="button" className="button-quiet" onClick={() => setSource(null)}>
                  Remove
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => void pickSource()}>
                Add source text…
              </button>
            )}
          </div>
        )}
      </div>
      <pre className="import-preview" data-testid="import-preview">{view.preview}</pre>
      {withSource && (
        <pre className="import-preview" data-testid="source-preview">
          {source.preview}
        </pre>
      )}
    </Modal>
  );
}
