/**
 * Where a write to the path the editor chose must land. A file is written atomically (a temp file, then a rename
 * over the name), and a rename replaces whatever has that name: a link would become a plain file and its target
 * keep the old content, a device or a FIFO would be swapped for a file. So links are followed to the file they
 * end at, and anything that is not a regular file is refused before a byte is written. Pure: the caller asks the
 * filesystem (lstat, readlink) and takes one step at a time, so hostile answers are testable here.
 */
import type { Stats } from 'node:fs';
import { dirname, isAbsolute, sep } from 'node:path';

/** What lstat finds at a path; a link with what readlink says it points to. */
export type Found =
  | { kind: 'nothing' | 'file' | 'folder' | 'FIFO' | 'socket' | 'device' | 'special file' }
  | { kind: 'link'; to: string };

/** The next step: write at `path`, look at where a link leads, or refuse with a message for the editor. */
export type WriteStep = { kind: 'write'; path: string } | { kind: 'follow'; path: string } | { kind: 'refuse'; message: string };

/** Links followed at most in a row, as Linux does (MAXSYMLINKS): beyond it is a loop, or as good as one. */
export const MAX_LINKS = 40;

type KindTests = 'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice';

/** What lstat's answer is. A file only when it is nothing else: whatever else it claims is the safer reading. */
export function foundKind(stats: Pick<Stats, KindTests>): Found['kind'] {
  if (stats.isSymbolicLink()) return 'link';
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return stats.isFile() ? 'file' : 'special file';
}

const refuse = (message: string): WriteStep => ({ kind: 'refuse', message });

/**
 * One step of writing to `chosen`: `at` is where the links followed so far (`links` of them) lead, `found` what
 * is there. A missing file is written where it would be (a dangling link creates its target; a missing folder
 * fails at the write, with its own message).
 */
export function writeStep(chosen: string, at: string, found: Found, links: number): WriteStep {
  const shown = at === chosen ? chosen : `${chosen} (a link to ${at})`;
  switch (found.kind) {
    case 'nothing':
    case 'file':
      return { kind: 'write', path: at };
    case 'link': {
      if (links >= MAX_LINKS) return refuse(`${chosen} is a link that leads to more than ${MAX_LINKS} links in a row (a loop?): choose a file to write.`);
      // readlink never answers these; a path with NUL cannot be used, and an empty one would name the folder.
      if (found.to === '' || found.to.includes('\0')) return refuse(`${shown} is a link to no usable path: choose a file to write.`);
      // A relative link is relative to the folder the link is in, not to the current folder. Not normalised: the
      // system resolves `..` after any linked folder, as it does when it follows the link itself.
      return { kind: 'follow', path: isAbsolute(found.to) ? found.to : `${dirname(at)}${sep}${found.to}` };
    }
    default: {
      const what = found.kind === 'folder' ? 'a folder' : found.kind === 'special file' ? 'a special file' : `a ${found.kind}`;
      return refuse(`${shown} is not a regular file (${what}): choose a file to write.`);
    }
  }
}
