import { describe, expect, it } from 'vitest';
import { USAGE } from '../../cli/run';
import { wordDiff, type DiffOp } from '../../core/diff';
import { tempDir } from '../electron/support';
import { cli } from './support';

const MT = 'The cat sat on mat.';
const CORRECTION = 'The black cat sat on the mat!';
const RED = '\u001b[31;9m';
const GREEN = '\u001b[32;4m';
const RESET = '\u001b[0m';

describe('diff MT CORRECTION', () => {
  it('prints git-style word-diff markers when stdout is not a terminal', () => {
    const result = cli(['diff', MT, CORRECTION]);
    expect(result).toMatchObject({ code: 0, err: '', out: 'The {+black +}cat sat on [-mat.-]{+the mat!+}' });
    expect(cli(['diff', MT, CORRECTION], tempDir(), { isTTY: false }).out).toBe(result.out);
  });

  it('shows deletions red and struck through, insertions green and underlined, on a terminal', () => {
    const { code, out } = cli(['diff', MT, CORRECTION], tempDir(), { isTTY: true });
    expect(code).toBe(0);
    expect(out).toBe(`The ${GREEN}black ${RESET}cat sat on ${RED}mat.${RESET}${GREEN}the mat!${RESET}`);
  });

  it('--color forces colours, --no-color and NO_COLOR turn them off', () => {
    const colored = cli(['diff', MT, CORRECTION], tempDir(), { isTTY: true }).out;
    const plain = cli(['diff', MT, CORRECTION]).out;
    expect(cli(['diff', MT, CORRECTION, '--color']).out).toBe(colored);
    expect(cli(['diff', '--color', MT, CORRECTION], tempDir(), { isTTY: false }).out).toBe(colored);
    expect(cli(['diff', MT, CORRECTION, '--no-color'], tempDir(), { isTTY: true }).out).toBe(plain);
    expect(cli(['diff', MT, CORRECTION], tempDir(), { isTTY: true, env: { NO_COLOR: '1' } }).out).toBe(plain);
    expect(cli(['diff', MT, CORRECTION, '--color'], tempDir(), { env: { NO_COLOR: '1' } }).out).toBe(colored);
  });

  it('prints identical texts unmarked, and texts after -- even when they start with a dash', () => {
    expect(cli(['diff', MT, MT], tempDir(), { isTTY: true }).out).toBe(MT);
    expect(cli(['diff', '--', '-5 degrees', '-6 degrees']).out).toBe('-[-5-]{+6+} degrees');
  });

  it("--json prints core's DiffOp array with offsets into both texts", () => {
    const { code, out, err } = cli(['diff', MT, CORRECTION, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const ops = JSON.parse(out) as DiffOp[];
    expect(ops).toEqual(wordDiff(MT, CORRECTION));
    expect(ops.map((op) => op.kind)).toEqual(['equal', 'insert', 'equal', 'delete', 'insert']);
    for (const op of ops) {
      expect(Object.keys(op)).toEqual(['kind', 'text', 'aStart', 'aEnd', 'bStart', 'bEnd']);
      expect(MT.slice(op.aStart, op.aEnd)).toBe(op.kind === 'insert' ? '' : op.text);
      expect(CORRECTION.slice(op.bStart, op.bEnd)).toBe(op.kind === 'delete' ? '' : op.text);
    }
  });

  it('--json is not coloured on a terminal', () => {
    expect(cli(['diff', MT, CORRECTION, '--json'], tempDir(), { isTTY: true }).out).not.toContain('\u001b');
  });
});

describe('diff usage errors (exit 2, with the usage)', () => {
  it.each([
    ['no texts', ['diff']],
    ['one text', ['diff', MT]],
    ['three texts', ['diff', MT, CORRECTION, 'more']],
    ['--color with --no-color', ['diff', MT, CORRECTION, '--color', '--no-color']],
    ['an option of another command', ['diff', MT, CORRECTION, '--ignore-case']],
  ])('%s', (_name, argv) => {
    const result = cli(argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(USAGE);
  });

  it('names the problem', () => {
    expect(cli(['diff', MT]).err).toMatch(/^redline: diff needs two texts: MT and CORRECTION\./);
    expect(cli(['diff', 'a', 'b', '--ignore-case']).err).toMatch(/^redline: diff does not take --ignore-case\./);
  });
});
