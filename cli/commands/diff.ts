import { wordDiff, type DiffOp } from '../../core/diff';
import { UsageError, type Command } from '../args';

const RESET = '\u001b[0m';
/** Red, struck through. */
const DELETED = '\u001b[31;9m';
/** Green, underlined. */
const INSERTED = '\u001b[32;4m';

/** The diff on one line: ANSI colours for a terminal, or git's word-diff markers `[-deleted-]{+inserted+}`. */
export function renderDiff(ops: readonly DiffOp[], color: boolean): string {
  return ops
    .map(({ kind, text }) => {
      if (kind === 'equal') return text;
      if (color) return `${kind === 'delete' ? DELETED : INSERTED}${text}${RESET}`;
      return kind === 'delete' ? `[-${text}-]` : `{+${text}+}`;
    })
    .join('');
}

export const diff: Command = {
  options: ['json', 'color', 'no-color'],
  run(args, options, io) {
    if (args.length !== 2) throw new UsageError('diff needs two texts: MT and CORRECTION.');
    if (options.color && options['no-color']) throw new UsageError('Give --color or --no-color, not both.');
    const ops = wordDiff(args[0]!, args[1]!);
    if (options.json) {
      io.out(JSON.stringify(ops, null, 2));
      return 0;
    }
    // Colours when asked for, or on a terminal unless NO_COLOR (https://no-color.org) is set.
    const color = options.color === true || (!options['no-color'] && io.isTTY === true && !io.env.NO_COLOR);
    io.out(renderDiff(ops, color));
    return 0;
  },
};
