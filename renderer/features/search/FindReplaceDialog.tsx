import { useState } from 'react';
import { Modal } from '../../components/Modal';

export interface ReplaceOptions {
  find: string;
  replace: string;
  regex: boolean;
  caseSensitive: boolean;
  wholeWord: boolean;
}

interface FindReplaceDialogProps {
  initial?: Partial<ReplaceOptions>;
  /** Looks for the changes: null once their preview is shown, else why there are none (said in the dialog). */
  onPreview: (options: ReplaceOptions) => Promise<string | null>;
  onClose: () => void;
}

/** Find and replace in the document: plain or regular expression, case and whole words; previewed before applying. */
export function FindReplaceDialog({ initial, onPreview, onClose }: FindReplaceDialogProps) {
  const [options, setOptions] = useState<ReplaceOptions>({
    find: '',
    replace: '',
    regex: false,
    // Case is ignored until asked for, as in the find bar (and Word, VS Code, memoQ).
    caseSensitive: false,
    wholeWord: false,
    ...initial,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const set = (patch: Partial<ReplaceOptions>) => {
    setOptions((o) => ({ ...o, ...patch }));
    setProblem(null);
  };
  const preview = async () => {
    if (!options.find || looking) return;
    setLooking(true);
    const why = await onPreview(options);
    setLooking(false);
    setProblem(why);
  };
  return (
    <Modal
      title="Find and replace"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button-primary" disabled={!options.find || looking} onClick={() => void preview()}>
            {looking ? 'Looking…' : 'Preview changes'}
          </button>
        </>
      }
    >
      <div className="form-grid" onKeyDown={(e) => e.key === 'Enter' && void preview()}>
        <label>
          <span>Find</span>
          {/* Taken from the find bar, the words are selected: typing finds something else. */}
          <input autoFocus value={options.find} onFocus={(e) => e.currentTarget.select()} onChange={(e) => set({ find: e.target.value })} />
        </label>
        <label>
          <span>Replace with</span>
          <input value={options.replace} onChange={(e) => set({ replace: e.target.value })} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={options.regex} onChange={(e) => set({ regex: e.target.checked })} />
          Regular expression ($1 for capture groups)
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={options.caseSensitive} onChange={(e) => set({ caseSensitive: e.target.checked })} />
          Match case
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={options.wholeWord} onChange={(e) => set({ wholeWord: e.target.checked })} />
          Whole words
        </label>
      </div>
      {problem && (
        <p className="inline-error" role="alert" data-testid="replace-problem">
          {problem}
        </p>
      )}
    </Modal>
  );
}
