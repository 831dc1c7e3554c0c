/**
 * The worker thread that reads the files the editor picks, off the request path: decoding a 60 MB Trados file
 * and building its XML tree take seconds, during which the window's requests would otherwise wait. It needs no
 * store: it reads, decodes and parses (fileReading.ts) and posts what it read; storing it, a step at a time, is
 * the starter's (fileReads.ts, documentImport.ts). A parsed file's units are posted in parts, so that the main
 * thread takes each part in a few milliseconds instead of a whole book's units in one message; so is its
 * skeleton, in the parts it is stored in.
 */
import { inspectFile, readForImport, readPairForImport, type FileInspection, type FileRead, type ImportOptions, type PairRead } from './fileReading';
import { encodeUnits } from './fileReadParts';
import { answerEachRequest, jobFailed, type JobFailed } from './jobThread';

/** What the thread is asked to read. */
export type FileReadAsk =
  | { kind: 'inspect'; path: string; options: ImportOptions }
  | { kind: 'read'; path: string; options: ImportOptions }
  | { kind: 'readPair'; mtPath: string; sourcePath: string; options: ImportOptions; sourceEncoding: string | undefined };

export type FileReadRequest = FileReadAsk & { id: number };

/** What the thread tells of a request: for a parsed file, its units in parts, then the rest of what was read. */
type Said =
  | { kind: 'inspected'; inspection: FileInspection }
  | { kind: 'units'; bytes: Uint8Array }
  | { kind: 'skeletonPart'; bytes: Uint8Array }
  | { kind: 'read'; read: FileRead }
  | { kind: 'pair'; pair: PairRead }
  | JobFailed;

export type FileReadMessage = Said & { id: number };

/** Units per message: some 2,000 units take the main thread a few milliseconds to receive. */
export const UNITS_PER_MESSAGE = 2_000;

const UTF8 = new TextEncoder();

type Post = (message: Said, transfer?: readonly ArrayBuffer[]) => void;

/**
 * Posts a file read: a parsed file's units first, a part at a time, and its skeleton's parts, each as bytes moved
 * to the main thread (a port hands every message waiting to the main thread in one turn, so what takes time to
 * receive is left for the receiver to decode a part a turn); then what was read without them.
 */
function postRead(read: FileRead, post: Post): void {
  if (read.kind === 'parsed') {
    for (let at = 0; at < read.units.length; at += UNITS_PER_MESSAGE) {
      const bytes = encodeUnits(read.units.slice(at, at + UNITS_PER_MESSAGE));
      post({ kind: 'units', bytes }, [bytes.buffer as ArrayBuffer]);
    }
    for (const text of read.skeletonParts) {
      const bytes = UTF8.encode(text);
      post({ kind: 'skeletonPart', bytes }, [bytes.buffer as ArrayBuffer]);
    }
    post({ kind: 'read', read: { ...read, units: [], skeletonParts: [] } });
  } else post({ kind: 'read', read });
}

export function runFileRead(request: FileReadRequest, postMessage: (message: FileReadMessage, transfer?: readonly ArrayBuffer[]) => void): void {
  const post: Post = (message, transfer) => postMessage({ ...message, id: request.id }, transfer);
  try {
    if (request.kind === 'inspect') post({ kind: 'inspected', inspection: inspectFile(request.path, request.options) });
    else if (request.kind === 'read') postRead(readForImport(request.path, request.options), post);
    else post({ kind: 'pair', pair: readPairForImport(request.mtPath, request.sourcePath, request.options, request.sourceEncoding) });
  } catch (error) {
    post(jobFailed(error, request.kind === 'readPair' ? request.mtPath : request.path));
  }
}

answerEachRequest(runFileRead);
