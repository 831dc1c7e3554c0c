import { useMemo } from 'react';
import { CHECKS } from '../../../core/checks';
import type { Flag } from '../../../core/checks/types';
import { wordDiff } from '../../../core/diff';
import { DiffText } from '../../components/DiffText';
import { flaggedWords } from '../../../core/checks/ignoredFlags';
import { plural } from '../../lib/format';
import { flaggedWordsLabel } from './flaggedWords';

interface FlagListProps {
  flags: readonly Flag[];
  text: string;
  /** Fixes apply to the stored text only: while the editor types, they wait. */
  canFix: boolean;
  onFix: (flag: Flag) => void;
  /** `words`: the text the flag is about, by which it is remembered. */
  onIgnore: (flag: Flag, words: string) => void;
  /** "Add to dictionary" for a spelling flag: the flagged word is never flagged again. */
  onAddWord?: (word: string) => void;
  /** How many flags the editor ignored on the sentence, and the way to show them again. */
  ignored: number;
  onShowIgnored: () => void;
}

function FixDiff({ text, fix }: { text: string; fix: string }) {
  const ops = useMemo(() => wordDiff(text, fix), [text, fix]);
  return (
    <span className="flag-fix-diff" data-testid="flag-fix-diff">
      <DiffText ops={ops} side="inline" />
    </span>
  );
}

/**
 * Ignoring is per flag: the flag's check on the words it flags, in this sentence. Should the sentence flag the
 * same words for the same reason more than once, those go together, and the button says so.
 */
function IgnoreButton({ flag, flags, text, onIgnore }: { flag: Flag; flags: readonly Flag[]; text: string; onIgnore: (flag: Flag, words: string) => void }) {
  const words = flaggedWords(flag, text);
  const same = flags.filter((f) => f.check === flag.check && flaggedWords(f, text) === words).length;
  const title = CHECKS.find((c) => c.id === flag.check)?.title ?? flag.check;
  const what = flag.start === flag.end ? 'this flag' : flaggedWordsLabel(words);
  return (
    <button
      type="button"
      className="flag-button button-quiet"
      title={`Stop flagging ${what} (${title.toLowerCase()}) in this sentence${same > 1 ? `: all ${same} times it is flagged` : ''}`}
      onClick={() => onIgnore(flag, words)}
    >
      {same > 1 ? `Ignore these ${same}` : 'Ignore'}
    </button>
  );
}

/** The problems found in a sentence: what is wrong, the fix as a diff, one click to apply or ignore. */
export function FlagList({ flags, text, canFix, onFix, onIgnore, onAddWord, ignored, onShowIgnored }: FlagListProps) {
  return (
    <>
      {flags.length > 0 && (
        <ul className="flag-list" aria-label="Flags">
          {flags.map((flag, i) => (
            <li key={`${flag.check}-${flag.start}-${i}`} className={`flag flag-${flag.severity}`} data-testid="flag" data-check={flag.check}>
              <span className="flag-severity" title={flag.severity}>
                {flag.severity === 'critical' ? '■' : flag.severity === 'major' ? '▲' : '●'}
              </span>
              <span className="flag-message">{flag.message}</span>
              {flag.fix !== undefined && <FixDiff text={text} fix={flag.fix} />}
              {flag.fix !== undefined && (
                <button type="button" className="flag-button" disabled={!canFix} onClick={() => onFix(flag)}>
                  Apply fix
                </button>
              )}
              {flag.check === 'spelling' && onAddWord && flag.end > flag.start && (
                <button
                  type="button"
                  className="flag-button button-quiet"
                  title={`Never flag “${text.slice(flag.start, flag.end)}” as misspelt again`}
                  onClick={() => onAddWord(text.slice(flag.start, flag.end))}
                >
                  Add to dictionary
                </button>
              )}
              <IgnoreButton flag={flag} flags={flags} text={text} onIgnore={onIgnore} />
            </li>
          ))}
        </ul>
      )}
      {ignored > 0 && (
        <p className="flags-ignored" data-testid="flags-ignored">
          {plural(ignored, 'flag')} ignored here
          <button type="button" className="flag-button button-quiet" onClick={onShowIgnored} title="Show every flag ignored in this sentence again">
            Show again
          </button>
        </p>
      )}
    </>
  );
}
