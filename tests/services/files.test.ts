import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../services/fileReading';
import { MAX_INPUT_BYTES, MAX_SDLXLIFF_BYTES, maxInputBytes, readInputFile, writablePath, writeFileAtomically } from '../../services/files';
import { tempDir } from '../electron/support';
import { thrown } from '../support/thrown';

describe('readInputFile', () => {
  it('reads the bytes of a file', () => {
    const file = join(tempDir(), 'a.txt');
    writeFileSync(file, Buffer.from([0xef, 0xbb, 0xbf, 0x41]));
    expect(Buffer.from(readInputFile(file))).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x41]));
  });

  it('answers not_found for a missing file', () => {
    const file = join(tempDir(), 'missing.txt');
    expect(thrown(() => readInputFile(file))).toMatchObject({
      name: 'RedlineError',
      code: 'not_found',
      message: `${file} does not exist.`,
    });
  });

  it('answers not_found when a parent folder is missing too', () => {
    expect(thrown(() => readInputFile(join(tempDir(), 'no', 'such', 'a.txt'))).code).toBe('not_found');
  });

  it('answers bad_input for a folder', () => {
    const dir = tempDir();
    expect(thrown(() => readInputFile(dir))).toMatchObject({ code: 'bad_input', message: `${dir} is a folder, not a file.` });
  });

  it.skipIf(process.platform === 'win32')('answers bad_input for a device rather than reading it', () => {
    expect(thrown(() => readInputFile('/dev/zero'))).toMatchObject({ code: 'bad_input', message: '/dev/zero is not a regular file.' });
  });

  it('answers io, not not_found, when a path component is a file', () => {
    const file = join(tempDir(), 'a.txt');
    writeFileSync(file, 'x');
    expect(thrown(() => readInputFile(join(file, 'inner.txt'))).code).toBe('io');
  });

  it('refuses a file over the size limit before reading it', () => {
    const file = join(tempDir(), 'big.txt');
    writeFileSync(file, 'x'.repeat(101));
    const error = thrown(() => readInputFile(file, 100));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/^big\.txt is .* MB; Redline opens files up to .* MB\.$/);
  });

  it('reads a file of exactly the size limit', () => {
    const file = join(tempDir(), 'edge.txt');
    writeFileSync(file, 'x'.repeat(100));
    expect(readInputFile(file, 100)).toHaveLength(100);
  });

  it('has a limit of 20 MB by default', () => {
    expect(MAX_INPUT_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe('size limits by format', () => {
  it('lets SDLXLIFF, which embeds its original document, be 64 MB; everything else 20 MB', () => {
    expect(MAX_SDLXLIFF_BYTES).toBe(64 * 1024 * 1024);
    expect(maxInputBytes('report.docx.sdlxliff')).toBe(MAX_SDLXLIFF_BYTES);
    expect(maxInputBytes('REPORT.SDLXLIFF')).toBe(MAX_SDLXLIFF_BYTES);
    expect(maxInputBytes('report.xlf', 'sdlxliff')).toBe(MAX_SDLXLIFF_BYTES);
    expect(maxInputBytes('report.sdlxliff', 'text')).toBe(MAX_INPUT_BYTES);
    expect(maxInputBytes('report.xlf')).toBe(MAX_INPUT_BYTES);
  });

  it('reads an SDLXLIFF over 20 MB, and refuses a file so named that turns out to be something else', () => {
    const dir = tempDir();
    const filler = 'A'.repeat(MAX_INPUT_BYTES);
    const sdl = join(dir, 'big.sdlxliff');
    writeFileSync(
      sdl,
      '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">' +
        `<file original="a.docx" source-language="en" target-language="de" datatype="x"><header><reference><internal-file form="base64">${filler}</internal-file></reference></header>` +
        '<body><trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file></xliff>',
    );
    expect(readFile(sdl).handler.id).toBe('sdlxliff');
    // A Word document under that name: Word's limit.
    const docx = join(dir, 'big-docx.sdlxliff');
    writeFileSync(docx, zipSync({ 'word/document.xml': strToU8(filler) }, { level: 0 }));
    expect(thrown(() => readFile(docx)).message).toMatch(/^big-docx\.sdlxliff is 20\.0 MB; Redline opens files up to 20\.0 MB\.$/);
  });
});

describe('writeFileAtomically', () => {
  it('writes the bytes and leaves no temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'out.txt');
    writeFileAtomically(file, Buffer.from('clean text'));
    expect(readFileSync(file, 'utf8')).toBe('clean text');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('replaces an existing file wholly, including a longer one', () => {
    const dir = tempDir();
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'an older and much longer export');
    writeFileAtomically(file, Buffer.from('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('throws io for a missing folder and creates nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'missing', 'out.txt');
    const error = thrown(() => writeFileAtomically(file, Buffer.from('x')));
    expect(error).toMatchObject({ name: 'RedlineError', code: 'io' });
    expect(error.message).toContain(file);
    expect(error.message).toContain('ENOENT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder before writing anything, leaving the folder as it was', () => {
    const dir = tempDir();
    const target = join(dir, 'out.txt');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'keep');
    expect(thrown(() => writeFileAtomically(target, Buffer.from('x')))).toMatchObject({
      code: 'bad_input',
      message: `${target} is not a regular file (a folder): choose a file to write.`,
    });
    expect(readdirSync(dir)).toEqual(['out.txt']);
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });
});

// A rename over a link replaces the link, over a device the device: a write goes through links, and refuses the rest.
describe.skipIf(process.platform === 'win32')('writeFileAtomically: links and special files', () => {
  const isLink = (path: string) => lstatSync(path).isSymbolicLink();

  it('writes through a link to the file it points to; the link stays a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'target.txt'), 'old and longer');
    symlinkSync('target.txt', join(dir, 'link.txt'));
    writeFileAtomically(join(dir, 'link.txt'), Buffer.from('new'));
    expect(isLink(join(dir, 'link.txt'))).toBe(true);
    expect(readlinkSync(join(dir, 'link.txt'))).toBe('target.txt');
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'target.txt']);
  });

  it('follows a chain of links, relative ones from their own folder, to the file at its end', () => {
    const dir = tempDir();
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(b, 'real.txt'), 'old');
    symlinkSync('real.txt', join(b, 'second.txt'));
    symlinkSync(join(b, 'second.txt'), join(a, 'first.txt'));
    symlinkSync('a/first.txt', join(dir, 'chosen.txt'));
    expect(writablePath(join(dir, 'chosen.txt'))).toBe(join(b, 'real.txt'));
    writeFileAtomically(join(dir, 'chosen.txt'), Buffer.from('new'));
    expect(readFileSync(join(b, 'real.txt'), 'utf8')).toBe('new');
    expect([join(dir, 'chosen.txt'), join(a, 'first.txt'), join(b, 'second.txt')].every(isLink)).toBe(true);
    // The temp file was beside the real file (one folder, so the rename is atomic), and is gone.
    expect(readdirSync(b).sort()).toEqual(['real.txt', 'second.txt']);
  });

  it('a dangling link creates the file it points to, where its folder exists; otherwise the write fails as for a missing folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    symlinkSync('sub/new.txt', join(dir, 'link.txt'));
    writeFileAtomically(join(dir, 'link.txt'), Buffer.from('new'));
    expect(isLink(join(dir, 'link.txt'))).toBe(true);
    expect(readFileSync(join(dir, 'sub', 'new.txt'), 'utf8')).toBe('new');

    symlinkSync('missing/new.txt', join(dir, 'nowhere.txt'));
    const error = thrown(() => writeFileAtomically(join(dir, 'nowhere.txt'), Buffer.from('x')));
    expect(error).toMatchObject({ code: 'io', message: `Cannot write ${join(dir, 'nowhere.txt')} (ENOENT).` });
    expect(isLink(join(dir, 'nowhere.txt'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'nowhere.txt', 'sub']);
  });

  it('refuses a loop of links, changing nothing', () => {
    const dir = tempDir();
    symlinkSync('b.txt', join(dir, 'a.txt'));
    symlinkSync('a.txt', join(dir, 'b.txt'));
    expect(thrown(() => writeFileAtomically(join(dir, 'a.txt'), Buffer.from('x')))).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/a\.txt is a link that leads to more than 40 links in a row/),
    });
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect(isLink(join(dir, 'a.txt')) && isLink(join(dir, 'b.txt'))).toBe(true);
  });

  it('refuses a FIFO, and a link to one, before anything is written: the FIFO stays, no temp file is left', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    symlinkSync('pipe', join(dir, 'link.txt'));
    expect(thrown(() => writeFileAtomically(fifo, Buffer.from('x')))).toMatchObject({
      code: 'bad_input',
      message: `${fifo} is not a regular file (a FIFO): choose a file to write.`,
    });
    expect(thrown(() => writeFileAtomically(join(dir, 'link.txt'), Buffer.from('x')))).toMatchObject({
      code: 'bad_input',
      message: `${join(dir, 'link.txt')} (a link to ${join(dir, 'pipe')}) is not a regular file (a FIFO): choose a file to write.`,
    });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(isLink(join(dir, 'link.txt'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'pipe']);
  });

  it('refuses a link to a folder, leaving both', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    symlinkSync('folder', join(dir, 'link'));
    expect(thrown(() => writeFileAtomically(join(dir, 'link'), Buffer.from('x'))).message).toMatch(/is not a regular file \(a folder\)/);
    expect(readdirSync(dir).sort()).toEqual(['folder', 'link']);
    expect(readdirSync(join(dir, 'folder'))).toEqual([]);
  });

  it('writes a regular file, and a new one, at the chosen path itself', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.txt'), 'old');
    expect(writablePath(join(dir, 'old.txt'))).toBe(join(dir, 'old.txt'));
    expect(writablePath(join(dir, 'new.txt'))).toBe(join(dir, 'new.txt'));
  });
});
