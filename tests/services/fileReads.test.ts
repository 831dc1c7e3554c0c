import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { inspectFile, readForImport, readPairForImport } from '../../services/fileReading';
import { decodeUnits, encodeUnits } from '../../services/fileReadParts';
import { fileReads, type FileReads } from '../../services/fileReads';
import { UNITS_PER_MESSAGE } from '../../services/fileReadWorker';
import { sourceWorkerEntry, type WorkerEntry } from '../../services/workerEntry';
import { onCleanup, tempDir } from '../electron/support';

const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));

function readsForTest(): FileReads {
  const reads = fileReads(sourceWorkerEntry('fileReadWorker'));
  onCleanup(() => void reads.close());
  return reads;
}

/** An XLIFF 1.2 file of `units` translation units, more than one message's worth when `units` is large. */
function writeXliff(dir: string, units: number): string {
  const body = Array.from(
    { length: units },
    (_, i) =>
      `<trans-unit id="u${i}"><source>Sentence number ${i}.</source><target state="needs-review-translation">Satz Nummer ${i}.</target>` +
      `<note>${'A note kept in the skeleton. '.repeat(10)}</note></trans-unit>`,
  ).join('\n');
  const path = join(dir, 'book.xlf');
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">` +
      `<file original="book.txt" source-language="en" target-language="de" datatype="plaintext"><body>\n${body}\n</body></file></xliff>\n`,
  );
  return path;
}

const failure = async (promise: Promise<unknown>): Promise<RedlineError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RedlineError) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
};

describe('reading picked files in a worker thread', () => {
  it('gives what reading on this thread gives: a parsed file’s units and skeleton posted in parts, put back in order', async () => {
    const dir = tempDir();
    const path = writeXliff(dir, 2 * UNITS_PER_MESSAGE + 7);
    const reads = readsForTest();
    const read = await reads.read(path).result;
    expect(read).toEqual(readForImport(path));
    if (read.kind !== 'parsed') throw new Error('an XLIFF is parsed');
    expect(read.units).toHaveLength(2 * UNITS_PER_MESSAGE + 7);
    expect(read.units.at(-1)?.target).toBe(`Satz Nummer ${2 * UNITS_PER_MESSAGE + 6}.`);
    expect(read.skeletonParts.length).toBeGreaterThan(1);
  });

  it('decodes an answer a part a turn, keeping the young generation small after each part', async () => {
    const dir = tempDir();
    const path = writeXliff(dir, 2 * UNITS_PER_MESSAGE + 7);
    const order: string[] = [];
    const reads = fileReads(
      sourceWorkerEntry('fileReadWorker'),
      {},
      async () => void order.push('pause'),
      () => order.push('afterPart'),
    );
    onCleanup(() => void reads.close());
    const read = await reads.read(path).result;
    if (read.kind !== 'parsed') throw new Error('an XLIFF is parsed');
    const parts = 3 + read.skeletonParts.length;
    expect(order).toEqual(Array.from({ length: parts }, () => ['pause', 'afterPart']).flat());
  });

  it('keeps the editor’s notes a Redline export wrote (editorNote) across the thread', async () => {
    const dir = tempDir();
    const path = join(dir, 'exported.xlf');
    writeFileSync(
      path,
      '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">' +
        '<file original="t.txt" source-language="en" target-language="de" datatype="plaintext"><body>\n' +
        '<trans-unit id="t1"><source>Hi.</source><target>Hallo.</target><note from="Redline">Informal?\nAsk.</note><note>Theirs.</note></trans-unit>\n' +
        '<trans-unit id="t2"><source>Bye.</source><target>Tschüss.</target></trans-unit>\n</body></file></xliff>\n',
    );
    const read = await readsForTest().read(path).result;
    expect(read).toEqual(readForImport(path));
    if (read.kind !== 'parsed') throw new Error('an XLIFF is parsed');
    expect(read.units.map((u) => [u.editorNote, u.notes])).toEqual([
      ['Informal?\nAsk.', ['Theirs.']],
      [undefined, []],
    ]);
    // As the units are posted: serialized there, deserialized here.
    expect(decodeUnits(encodeUnits(read.units))).toEqual(read.units);
  });

  it('reads every kind of file as this thread does: text, Word, Trados, TMX, and a text with its source', async () => {
    const reads = readsForTest();
    for (const name of ['news.txt', 'parts.docx', 'review.sdlxliff', 'guide.md']) {
      expect(await reads.read(fixture(name)).result, name).toEqual(readForImport(fixture(name)));
      expect(await reads.inspect(fixture(name)), name).toEqual(inspectFile(fixture(name)));
    }
    // A format's options go to the thread: the TMX's two languages of three.
    const languages = { sourceLang: 'en-US', targetLang: 'de-DE' };
    expect(await reads.read(fixture('memory.tmx'), { languages }).result).toEqual(readForImport(fixture('memory.tmx'), { languages }));
    expect(await reads.inspect(fixture('memory.tmx'))).toEqual(inspectFile(fixture('memory.tmx')));
    const dir = tempDir();
    writeFileSync(join(dir, 'mt.txt'), 'The situation remains tense. Many were wounded.');
    writeFileSync(join(dir, 'src.txt'), 'Ситуация остаётся напряжённой. Многие ранены.');
    const pair = await reads.readPair(join(dir, 'mt.txt'), join(dir, 'src.txt')).result;
    expect(pair).toEqual(readPairForImport(join(dir, 'mt.txt'), join(dir, 'src.txt')));
  });

  it('answers other work while it reads: the main thread is not held for the parse', async () => {
    const dir = tempDir();
    const path = writeXliff(dir, 3 * UNITS_PER_MESSAGE);
    const reads = readsForTest();
    let turns = 0;
    let reading = true;
    const counting = (async () => {
      while (reading) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    await reads.read(path).result;
    reading = false;
    await counting;
    // Read on this thread, the file would have been read in one turn, with none between.
    expect(turns).toBeGreaterThan(3);
  });

  it('refuses a bad file with the words this thread would use, and reads the next file all the same', async () => {
    const reads = readsForTest();
    const broken = fixture('broken.sdlxliff');
    const expected = (() => {
      try {
        readForImport(broken);
      } catch (error) {
        return error as RedlineError;
      }
      throw new Error('the broken fixture was read');
    })();
    const error = await failure(reads.read(broken).result);
    expect({ code: error.code, message: error.message }).toEqual({ code: expected.code, message: expected.message });
    const missing = await failure(reads.inspect(join(tempDir(), 'gone.txt')));
    expect(missing.code).toBe('not_found');
    expect((await reads.read(fixture('news.txt')).result).kind).toBe('text');
  });

  it('keeps its thread for the next file when cancelled while the answer is decoded, the thread then idle', async () => {
    const dir = tempDir();
    const path = writeXliff(dir, 3 * UNITS_PER_MESSAGE);
    let starts = 0;
    let cancelNow: (() => void) | null = null;
    const startThread = (entry: WorkerEntry) => (starts++, new Worker(entry.file, { eval: entry.eval ?? false }));
    // The decode's first pause is when the editor cancels.
    const pause = async () => {
      cancelNow?.();
      cancelNow = null;
    };
    const reads = fileReads(sourceWorkerEntry('fileReadWorker'), { startThread }, pause);
    onCleanup(() => void reads.close());
    const offloaded = reads.read(path);
    cancelNow = offloaded.cancel;
    expect((await failure(offloaded.result)).code).toBe('cancelled');
    expect((await reads.read(path).result).kind).toBe('parsed');
    expect(starts).toBe(1);
  });

  it('stops at a cancel: the read fails as cancelled, and the next read starts afresh', async () => {
    const dir = tempDir();
    const path = writeXliff(dir, 3 * UNITS_PER_MESSAGE);
    const reads = readsForTest();
    const offloaded = reads.read(path);
    offloaded.cancel();
    expect((await failure(offloaded.result)).code).toBe('cancelled');
    expect((await reads.read(path).result).kind).toBe('parsed');
  });
});
