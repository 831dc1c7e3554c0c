import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foundKind, MAX_LINKS, writeStep, type Found, type WriteStep } from '../../services/writeTarget';

// writeStep only computes paths: none of these exist.
const CHOSEN = '/exports/out.txt';
const refused = (step: WriteStep): string => {
  expect(step.kind).toBe('refuse');
  return (step as { message: string }).message;
};

describe('writeStep: where a write lands', () => {
  it('writes a new file, or over a regular file, at the chosen path', () => {
    expect(writeStep(CHOSEN, CHOSEN, { kind: 'nothing' }, 0)).toEqual({ kind: 'write', path: CHOSEN });
    expect(writeStep(CHOSEN, CHOSEN, { kind: 'file' }, 0)).toEqual({ kind: 'write', path: CHOSEN });
  });

  it('writes where the links lead: the file they end at, or where a dangling one points', () => {
    expect(writeStep(CHOSEN, '/real/out.txt', { kind: 'file' }, 2)).toEqual({ kind: 'write', path: '/real/out.txt' });
    expect(writeStep(CHOSEN, '/real/new.txt', { kind: 'nothing' }, 1)).toEqual({ kind: 'write', path: '/real/new.txt' });
  });

  it.each([
    ['an absolute link as it is', '/elsewhere/t.txt', '/elsewhere/t.txt'],
    ['a relative link from the link’s folder, not the current one', 't.txt', `/exports${sep}t.txt`],
    ['a relative link into a subfolder', 'sub/t.txt', `/exports${sep}sub/t.txt`],
    // Not normalised: `..` after a linked folder is the system's to resolve, as when it follows the link.
    ['a link with .. unnormalised', 'linked/../t.txt', `/exports${sep}linked/../t.txt`],
    ['a link climbing out of the folder', '../../../etc/passwd', `/exports${sep}../../../etc/passwd`],
    ['a link to a name with a newline', 'a\nb.txt', `/exports${sep}a\nb.txt`],
  ])('follows %s', (_name, to, next) => {
    expect(writeStep(CHOSEN, CHOSEN, { kind: 'link', to }, 0)).toEqual({ kind: 'follow', path: next });
  });

  it('follows a link named relative to the current folder from that folder', () => {
    expect(writeStep('link.txt', 'link.txt', { kind: 'link', to: 'target.txt' }, 0)).toEqual({ kind: 'follow', path: `.${sep}target.txt` });
  });
});

describe('writeStep: hostile targets are refused before anything is written', () => {
  it.each([
    ['a folder', 'folder', 'a folder'],
    ['a FIFO', 'FIFO', 'a FIFO'],
    ['a socket', 'socket', 'a socket'],
    ['a character or block device', 'device', 'a device'],
    ['something else lstat knows', 'special file', 'a special file'],
  ] as const)('refuses %s with a one-line message naming the chosen path', (_name, kind, what) => {
    const message = refused(writeStep(CHOSEN, CHOSEN, { kind }, 0));
    expect(message).toBe(`${CHOSEN} is not a regular file (${what}): choose a file to write.`);
    expect(message).not.toContain('\n');
  });

  it('names where a link leads when that is refused', () => {
    expect(refused(writeStep(CHOSEN, '/dev/full', { kind: 'device' }, 1))).toBe(
      `${CHOSEN} (a link to /dev/full) is not a regular file (a device): choose a file to write.`,
    );
  });

  it(`refuses a chain of more than ${MAX_LINKS} links (a loop), having followed ${MAX_LINKS}`, () => {
    const link: Found = { kind: 'link', to: 'a.txt' };
    expect(writeStep(CHOSEN, '/exports/a.txt', link, MAX_LINKS - 1).kind).toBe('follow');
    expect(refused(writeStep(CHOSEN, '/exports/a.txt', link, MAX_LINKS))).toMatch(/^\/exports\/out\.txt is a link that leads to more than 40 links in a row \(a loop\?\): choose a file to write\.$/);
    expect(writeStep(CHOSEN, '/exports/a.txt', link, Number.MAX_SAFE_INTEGER).kind).toBe('refuse');
  });

  it.each([
    ['an empty link (it would name its own folder)', ''],
    ['a link with NUL', 'out.txt\0.png'],
    ['a link that is a NUL alone', '\0'],
  ])('refuses %s', (_name, to) => {
    expect(refused(writeStep(CHOSEN, CHOSEN, { kind: 'link', to }, 0))).toMatch(/is a link to no usable path: choose a file to write\.$/);
  });
});

describe('foundKind: what lstat says', () => {
  const KINDS = ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isCharacterDevice', 'isBlockDevice'] as const;
  const stats = (...yes: (typeof KINDS)[number][]) =>
    Object.fromEntries(KINDS.map((name) => [name, () => yes.includes(name)])) as Record<(typeof KINDS)[number], () => boolean>;

  it.each([
    ['isFile', 'file'],
    ['isDirectory', 'folder'],
    ['isSymbolicLink', 'link'],
    ['isFIFO', 'FIFO'],
    ['isSocket', 'socket'],
    ['isCharacterDevice', 'device'],
    ['isBlockDevice', 'device'],
  ] as const)('%s is a %s', (yes, kind) => {
    expect(foundKind(stats(yes))).toBe(kind);
  });

  it('is a special file when lstat says none of these, never a file', () => {
    expect(foundKind(stats())).toBe('special file');
  });

  it('takes the safer reading of an answer claiming two kinds: a link before all, a file only when nothing else', () => {
    expect(foundKind(stats('isFile', 'isSymbolicLink', 'isDirectory', 'isFIFO'))).toBe('link');
    expect(foundKind(stats('isFile', 'isCharacterDevice'))).toBe('device');
    expect(foundKind(stats('isFile', 'isDirectory'))).toBe('folder');
  });
});
