import { useLayoutEffect, useRef } from 'react';
import type { DiffOp } from '../../core/diff';
import { MAX_SEGMENT_LENGTH } from '../../core/ipc/contract';
import { lockTitle, type LockReason } from '../../core/model/segment';
import { withoutForbiddenControls } from '../../core/ipc/storedText';
import { countsAsKeystroke } from '../lib/keystrokes';
import { leaveToDocument } from '../lib/fieldUndo';
import { isLetterKey } from '../lib/letterKey';
import type { TypingHistory } from '../lib/typingHistory';
import { DiffText, type FlagMark } from './DiffText';

interface CorrectionEditorProps {
  value: string;
  ops: readonly DiffOp[];
  /** The flagged words of the text the ops are of, underlined in the backdrop. */
  marks?: readonly FlagMark[];
  label: string;
  onChange: (text: string) => void;
  /** The editor acted in the field: entered it (keystroke false) or pressed a key. */
  onActivity?: (keystroke: boolean) => void;
  autoFocus?: boolean;
  onBlur?: () => void;
  /** The sentence is locked: it is shown and can be selected and copied, never changed. */
  readOnly?: boolean;
  /** Why it is read-only (the file locks it, or it is too long to edit here), said in the field's title. */
  lockedBy?: LockReason | null;
  /**
   * The sentence came with line breaks of its own (a Word line break inside it): they are kept as the editor
   * types. Enter never adds one.
   */
  keepLineBreaks?: boolean;
  /**
   * The field's own undo (Ctrl+Z) and redo (Ctrl+Y), kept by the app: the browser's would take back one character
   * at a time, since the live diff changes the page between keys (typingHistory.ts).
   */
  history?: TypingHistory;
}

/** A sentence holds no line breaks of its own: typed or pasted ones become spaces. */
const singleLine = (text: string) => text.replace(/\r\n|[\r\n]/g, ' ');

/**
 * A plain textarea over a backdrop that draws the insertions at the very same place, so the editor sees the
 * live diff inside the field they type in. Both layers share every metric that affects wrapping.
 */
export function CorrectionEditor({ value, ops, marks, label, onChange, onActivity, autoFocus, onBlur, readOnly, lockedBy, keepLineBreaks, history }: CorrectionEditorProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  // The selection an undo or redo puts back, once the field shows its text.
  const selection = useRef<[number, number] | null>(null);
  useLayoutEffect(() => {
    if (selection.current && field.current) field.current.setSelectionRange(...selection.current);
    selection.current = null;
  }, [value]);
  // The text when an input method began composing: the whole composition is one change, recorded at its end.
  const composedFrom = useRef<string | null>(null);
  const normalized = (text: string) => withoutForbiddenControls(keepLineBreaks ? text.replace(/\r\n?/g, '\n') : singleLine(text));
  return (
    <div className={`editor${readOnly ? ' editor-locked' : ''}`}>
      <div className="editor-layer editor-backdrop" aria-hidden="true" data-testid="correction-diff" data-find-column="target">
        <DiffText ops={ops} side="correction" marks={marks} />
        {'\u200b'}
      </div>
      <textarea
        ref={field}
        className="editor-layer editor-input"
        aria-label={label}
        value={value}
        rows={1}
        // What the store takes of a sentence: typing or pasting stops there rather than failing to save.
        maxLength={MAX_SEGMENT_LENGTH}
        spellCheck={!readOnly}
        readOnly={readOnly}
        aria-readonly={readOnly}
        title={readOnly ? `${lockTitle(lockedBy ?? null)}: this sentence cannot be changed` : undefined}
        autoFocus={autoFocus}
        onFocus={() => {
          history?.close();
          onActivity?.(false);
        }}
        onBlur={onBlur}
        data-position={label.replace(/\D+/g, '')}
        onChange={(event) => {
          if (readOnly) return;
          const typed = event.target.value;
          const next = normalized(typed);
          if (composedFrom.current === null) history?.record(value, next, performance.now(), event.target.selectionStart);
          onChange(next);
          // Characters dropped (a pasted control character): the caret stays after what was pasted, not at the end.
          if (next.length !== typed.length) {
            const field = event.target;
            const caret = normalized(typed.slice(0, field.selectionStart)).length;
            requestAnimationFrame(() => field.setSelectionRange(caret, caret));
          }
        }}
        onCompositionStart={() => {
          composedFrom.current = value;
        }}
        onCompositionEnd={(event) => {
          const from = composedFrom.current;
          composedFrom.current = null;
          if (from !== null && !readOnly) history?.record(from, normalized(event.currentTarget.value), performance.now(), event.currentTarget.selectionStart);
        }}
        onKeyDown={(event) => {
          if (countsAsKeystroke(event.key)) onActivity?.(true);
          if (event.key === 'Enter') event.preventDefault();
          if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
          // A locked sentence has no typing of its own: its Ctrl+Z and Ctrl+Y are the document's.
          if (readOnly && (isLetterKey(event, 'z') || isLetterKey(event, 'y'))) leaveToDocument(event.nativeEvent);
          if (!history || readOnly) return;
          const redo = isLetterKey(event, 'y');
          // Ctrl+Z went on to the document while the field's undone typing waited: Ctrl+Y redoes the document's
          // steps first, then the field's (DocumentEditor.redoWaiting), so N undos and N redos bring all back.
          if (redo && history.redoesDocumentFirst()) {
            leaveToDocument(event.nativeEvent);
            return;
          }
          const state = isLetterKey(event, 'z') ? history.undo(value) : redo ? history.redo(value) : undefined;
          // Nothing typed in the field left to take back (never typed in, all its typing undone, or forgotten as a
          // status, fix or undo landed on the sentence since): the document's undo takes the key. The field's undo
          // was saved into its typing's step, which then ends where it began and which the document's undo goes
          // past (documentEditor.ts `change`). Nothing of the field's to redo
          // because its text changed since (a document undo): the document's redo does. After fresh typing there is
          // nothing to redo anywhere (the save ends the document's redo).
          if (state === null && (!redo || history.isBlank() || history.isStale(value))) {
            leaveToDocument(event.nativeEvent);
            // The document's undo goes on from here: a Ctrl+Y now is its redo before the field's (whose save would
            // be a new step, which ends the document's redo).
            if (!redo) history.handOver();
          }
          if (!state) return;
          event.preventDefault();
          selection.current = state.selection;
          onChange(state.text);
        }}
      />
    </div>
  );
}
