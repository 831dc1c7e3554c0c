import { basename, extname } from 'node:path';
import { alignedSegments } from '../core/align/alignedSegments';
import { checkCounts, countsOf, type BeadCounts } from '../core/align/beads';
import { alignSentencesSteps, lengthRatio } from '../core/align/galeChurch';
import type { ParsedUnit } from '../core/formats/types';
import { MAX_SEGMENT_LENGTH } from '../core/ipc/contract';
import type { DocumentSummary } from '../core/model/document';
import { RedlineError } from '../core/model/errors';
import type { ImportProgress } from '../core/model/importProgress';
import { relaySteps, runToEnd, type Steps } from '../core/model/steps';
import { segmentText, segmentTextSteps, type SegmentedText } from '../core/segmentation';
import type { Clock } from '../db/clock';
import type { NewDocument } from '../db/repositories/documents';
import { IMPORT_ROWS_PER_INSERT, type ImportedSegment } from '../db/repositories/segments';
import type { Store } from '../db/store';
import { checkpointedSteps } from './checkpointedSteps';
import { inspectFile, readForImport, readPairForImport, type FileRead, type ImportOptions, type PairRead } from './fileReading';

export type { ImportOptions } from './fileReading';

/** An import as steps: run it to the end, or a step at a time to show progress and allow cancelling. */
export type ImportSteps = Steps<ImportProgress, DocumentSummary>;

export interface TextToImport {
  fileName: string;
  title?: string;
  text: string;
  hasBom?: boolean;
  /** The encoding the file came in, kept for export. */
  encoding?: string;
}

export interface SourceOptions {
  /** The source file's encoding; by default it is detected. */
  encoding?: string;
  /** Source and MT sentences per aligned row, as the editor fixed them; by default Gale–Church's alignment. */
  counts?: BeadCounts;
}

/** A text and its source, split into sentences and aligned, for the editor to check before import. */
export interface Alignment {
  source: string[];
  target: string[];
  /** The paragraph of each MT sentence, so the review shows where paragraphs break. */
  paragraphs: number[];
  counts: Array<[number, number]>;
}

type SegmentRow = ImportedSegment;

/**
 * How long one storing step may run: the app answers other requests between steps, so a request waits at most
 * about this long. A step writes skeleton parts and batches of IMPORT_ROWS_PER_INSERT rows (each 3–30 ms, with
 * the machine's load) while the write before says one more fits. A fixed 1,500 rows and a 1M-character part
 * a step made steps of 35–85 ms on a loaded 2-core machine.
 */
const STEP_MS = 25;
/**
 * At most this many sentences and skeleton parts a step, however fast the machine: their pages go to disk when
 * the step commits, which the time of the writes themselves does not show.
 */
const ROWS_PER_STEP = 1500;
export const PARTS_PER_STEP = 2;
/** Steps between checkpoints (checkpointedSteps): the pages of three steps take some 25 ms to copy. */
const STEPS_PER_CHECKPOINT = 3;


/** A file's units as sentences to read or check, with the format and encoding they were read with. */
export interface FileSentences {
  format: string;
  encoding: string;
  sentences: Array<{ paragraph: number; text: string; source: string | null }>;
  /** The languages the file declares (XLIFF, TMX, PO headers), as import would take them. */
  languages?: { source: string | null; target: string | null };
}

/**
 * Reads a file as import reads it (readForImport, readPairForImport) into its sentences, storing nothing: what
 * the CLI's `segments` and `check` work on. A plain text may come with its source text in a second file,
 * aligned as import aligns it; the other formats bring their own.
 */
export function readSentences(path: string, options: ImportOptions = {}, source?: { path: string; encoding?: string }): FileSentences {
  if (source) {
    const { mt, source: sourceText } = readPairForImport(path, source.path, options, source.encoding);
    const split = segmentText(mt.text);
    const sources = segmentText(sourceText.text).segments.map((s) => s.text);
    const targets = split.segments.map((s) => s.text);
    const counts = countsOf(runToEnd(alignSentencesSteps(sources, targets, { meanRatio: lengthRatio(sources, targets) })));
    const sentences = alignedSegments(split, sources, counts).map((s) => ({ paragraph: s.paragraph, text: s.text, source: s.source }));
    return { format: 'text', encoding: mt.encoding, sentences };
  }
  const read = readForImport(path, options);
  if (read.kind === 'parsed') {
    return {
      format: read.format,
      encoding: read.encoding,
      sentences: read.units.map((u) => ({ paragraph: u.paragraph, text: u.target, source: u.source })),
      ...(read.languages && { languages: read.languages }),
    };
  }
  return { format: 'text', encoding: read.encoding, sentences: segmentText(read.text).segments.map((s) => ({ paragraph: s.paragraph, text: s.text, source: null })) };
}

const titleFromFileName = (fileName: string) => basename(fileName, extname(fileName)) || fileName;

/**
 * `discard` removes a large import cancelled or failed part way, between requests: its rows, deleted at once,
 * would hold the app for seconds (a sentence with its revisions and index entries takes 70–150 µs to delete).
 */
export function documentImporter(
  store: Store,
  clock: Clock,
  summary: (documentId: number) => DocumentSummary,
  discard: (documentId: number) => void,
) {
  /**
   * Stores a document a step at a time. It stays hidden (importing) until its last sentence is in; if the
   * steps fail or are stopped (cancel), the finally block removes it: nothing half-imported stays. `notes` are
   * editor notes by row index, in order, each stored with the batch of rows it is on.
   */
  const storing = <Item>(...args: Parameters<typeof storingSteps<Item>>): ImportSteps =>
    checkpointedSteps(store, storingSteps(...args), STEPS_PER_CHECKPOINT);

  function* storingSteps<Item>(
    document: Omit<NewDocument, 'createdAt' | 'importing' | 'skeleton'>,
    rows: readonly Item[],
    toRow: (item: Item) => SegmentRow,
    skeletonParts: readonly string[] = [],
    notes: ReadonlyArray<{ index: number; text: string }> = [],
  ): ImportSteps {
    const now = clock();
    // A skeleton of tens of MB (a Trados file's) in one write would hold the app's requests: a part a step.
    const documentId = store.documents.insert({ ...document, createdAt: now, importing: true });
    // Between steps the app answers other calls; should the hidden document have gone meanwhile (another
    // process swept it), stop rather than write rows for an id that may now be someone else's.
    const stillOurs = () => {
      if (!store.documents.isImporting(documentId)) {
        throw new RedlineError('io', `The import of ${document.fileName} was interrupted: nothing was stored. Open it again.`);
      }
    };
    let finished = false;
    let storedSteps = 0;
    try {
      // The document's row is a write of its own (on a busy machine it has taken 20 ms), then the rows'.
      yield { phase: 'storing', done: 0, total: rows.length };
      // The writes, in order: a skeleton part, then a batch of rows, and so on while either lasts.
      let stored = 0;
      let part = 0;
      // The next of `notes` (in row order) still to store: with the batch of rows it is on.
      let note = 0;
      const writeNext = () => {
        const writePart = part < skeletonParts.length && (part <= stored / IMPORT_ROWS_PER_INSERT || stored === rows.length);
        if (writePart) {
          store.documents.addSkeletonPart(documentId, part, skeletonParts[part]!);
          part++;
          return;
        }
        const start = stored;
        const end = Math.min(start + IMPORT_ROWS_PER_INSERT, rows.length);
        // Each step makes its own rows: a book's, made at once, would hold the app's requests.
        store.segments.insertImported(documentId, start + 1, now, rows.slice(start, end).map(toRow));
        store.revisions.appendImported(documentId, start + 1, end, now);
        const from = note;
        while (note < notes.length && notes[note]!.index < end) note++;
        if (note > from) {
          const batch = notes.slice(from, note).map(({ index, text }) => ({ position: index + 1, text }));
          store.notes.insertImported(documentId, batch, now);
        }
        stored = end;
      };
      // How long the last write took: a step makes another only while one more fits in STEP_MS.
      let writeMs = 0;
      while (stored < rows.length || part < skeletonParts.length) {
        const started = performance.now();
        const storedBefore = stored;
        const partBefore = part;
        store.transaction(() => {
          stillOurs();
          do {
            const writeStarted = performance.now();
            writeNext();
            writeMs = performance.now() - writeStarted;
          } while (
            (stored < rows.length || part < skeletonParts.length) &&
            stored - storedBefore < ROWS_PER_STEP &&
            part - partBefore < PARTS_PER_STEP &&
            performance.now() - started + writeMs <= STEP_MS
          );
        });
        storedSteps++;
        yield { phase: 'storing', done: stored, total: rows.length };
      }
      store.transaction(() => {
        stillOurs();
        store.documents.finishImport(documentId);
      });
      finished = true;
      return summary(documentId);
    } finally {
      // A cancelled or failed import stays hidden until it is gone: at once when it is small, or when it was one
      // transaction all along (the CLI's, which rolls it back), else between requests.
      // Only while the id is still this import's: swept by another process, it may now be someone else's.
      if (!finished && store.documents.isImporting(documentId)) {
        if (storedSteps <= 1 || store.inTransaction) store.documents.removeImport(documentId);
        else discard(documentId);
      }
    }
  }

  /** The note of a unit too long to edit, which is kept as it came. */
  const tooLongNote = (length: number): string =>
    `Too long to edit here: ${length.toLocaleString('en-US')} characters, where a sentence may have ${MAX_SEGMENT_LENGTH.toLocaleString('en-US')}. Kept as the file has it.`;

  /** Splits a text, reporting characters done; `before` and `all` place it within several texts split in turn. */
  function* splitting(text: string, before = 0, all = text.length): Steps<ImportProgress, SegmentedText> {
    yield { phase: 'splitting', done: before, total: all };
    return yield* relaySteps(segmentTextSteps(text), ({ done }) => ({ phase: 'splitting', done: before + done, total: all }));
  }

  function* textSteps({ fileName, title, text, hasBom = false, encoding = 'utf-8' }: TextToImport): ImportSteps {
    const { leading, segments } = yield* splitting(text);
    if (segments.length === 0) throw new RedlineError('bad_input', `${fileName} has no text to review.`);
    const document = { title: title ?? titleFromFileName(fileName), fileName, format: 'text', leading, hasBom, encoding };
    return yield* storing(document, segments, (s) => ({ paragraph: s.paragraph, mtText: s.text, sourceText: null, trailing: s.trailing }));
  }

  function* parsedSteps(read: Extract<FileRead, { kind: 'parsed' }>, title?: string): ImportSteps {
    const { fileName, units, languages } = read;
    if (units.length === 0) throw new RedlineError('bad_input', `${fileName} has nothing to review.`);
    const toRow = (unit: ParsedUnit): SegmentRow => {
      // A unit longer than a correction may be (a file's unit is not split into sentences) is kept as it came.
      const tooLong = unit.target.length > MAX_SEGMENT_LENGTH;
      const notes = [...(unit.notes ?? []), ...(tooLong ? [tooLongNote(unit.target.length)] : [])];
      return {
        paragraph: Math.max(1, unit.paragraph),
        mtText: unit.target,
        sourceText: unit.source,
        trailing: '',
        unitKey: unit.key,
        fileState: unit.state ?? null,
        fileNotes: notes.length > 0 ? JSON.stringify(notes) : null,
        // What the file's state says was done (Trados `Translated` is confirmed …), and whether the file locks it.
        status: unit.status ?? 'not_started',
        locked: unit.locked === true || tooLong,
        fileLocked: unit.locked === true,
      };
    };
    const document = {
      title: title ?? titleFromFileName(fileName),
      fileName,
      format: read.format,
      leading: '',
      hasBom: read.hasBom,
      encoding: read.encoding,
      sourceLang: languages?.source ?? null,
      targetLang: languages?.target ?? null,
    };
    // The editor's notes a Redline export wrote into the file (ParsedUnit.editorNote): the sentences' notes again.
    const notes: Array<{ index: number; text: string }> = [];
    units.forEach((unit, index) => {
      if (unit.editorNote) notes.push({ index, text: unit.editorNote });
    });
    return yield* storing(document, units, toRow, read.skeletonParts, notes);
  }

  /** Stores a file already read (fileReading.ts; the app reads it in a worker thread). */
  function* readSteps(read: FileRead): ImportSteps {
    if (read.kind === 'parsed') return yield* parsedSteps(read);
    return yield* textSteps(read);
  }

  function* fileSteps(path: string, options: ImportOptions = {}): ImportSteps {
    yield { phase: 'reading', done: 0, total: 1 };
    return yield* readSteps(readForImport(path, options));
  }

  /** Splits an MT text and its source text into sentences. */
  function* splitPair({ mt, source }: PairRead) {
    const all = mt.text.length + source.text.length;
    const mtSplit = yield* splitting(mt.text, 0, all);
    const sourceSentences = (yield* splitting(source.text, mt.text.length, all)).segments.map((s) => s.text);
    return { mtSplit, sourceSentences };
  }

  /** Gale–Church with the mean length ratio of this pair of texts (a language pair's ratio is rarely 1). */
  function* aligning(mtSplit: SegmentedText, sourceSentences: readonly string[]): Steps<ImportProgress, Array<[number, number]>> {
    const targets = mtSplit.segments.map((s) => s.text);
    const steps = alignSentencesSteps(sourceSentences, targets, { meanRatio: lengthRatio(sourceSentences, targets) });
    yield { phase: 'aligning', done: 0, total: sourceSentences.length };
    return countsOf(yield* relaySteps(steps, (progress) => ({ phase: 'aligning', ...progress })));
  }

  function* alignmentSteps(pair: PairRead): Steps<ImportProgress, Alignment> {
    const { mtSplit, sourceSentences } = yield* splitPair(pair);
    return {
      source: sourceSentences,
      target: mtSplit.segments.map((s) => s.text),
      paragraphs: mtSplit.segments.map((s) => s.paragraph),
      counts: yield* aligning(mtSplit, sourceSentences),
    };
  }

  function* withSourceSteps(pair: PairRead, counts?: BeadCounts): ImportSteps {
    const { mt } = pair;
    const { mtSplit, sourceSentences } = yield* splitPair(pair);
    const aligned = counts ?? (yield* aligning(mtSplit, sourceSentences));
    const problem = checkCounts(aligned, sourceSentences.length, mtSplit.segments.length);
    if (problem) throw new RedlineError('bad_input', `The alignment no longer fits the files: ${problem} Align them again.`);
    const document = { title: titleFromFileName(mt.fileName), fileName: mt.fileName, format: 'text', leading: mtSplit.leading };
    return yield* storing({ ...document, hasBom: mt.hasBom, encoding: mt.encoding }, alignedSegments(mtSplit, sourceSentences, aligned), (s) => ({
      paragraph: s.paragraph,
      mtText: s.text,
      sourceText: s.source,
      trailing: s.trailing,
    }));
  }

  /**
   * Runs an import to its end as one transaction: another process sharing the store (the app, the CLI) never
   * sees its hidden document, so nothing it does can interfere, and a crash leaves nothing behind.
   */
  const atOnce = (steps: ImportSteps): DocumentSummary => store.transaction(() => runToEnd(steps));

  return {
    /** Stores a text as a new document, a sentence per row with its import revision. */
    importText: (text: TextToImport): DocumentSummary => atOnce(textSteps(text)),
    /** Reads a file in any supported format and encoding (detected unless given) and stores it, in steps. */
    importFileSteps: fileSteps,
    importFile: (path: string, options?: ImportOptions): DocumentSummary => atOnce(fileSteps(path, options)),
    /** Stores a file read beforehand (in a worker thread: fileReads.ts), in steps. */
    importReadSteps: readSteps,

    /** Two texts read beforehand (fileReads.ts), split and aligned by length for the editor to review. */
    alignReadSteps: alignmentSteps,
    /**
     * Stores a plain-text MT with its source text from a second file, aligned by sentence: the MT sentences of
     * an aligned row become one sentence (within a paragraph) that keeps the row's source beside it.
     */
    importWithSource: (mtPath: string, sourcePath: string, options?: ImportOptions, source?: SourceOptions) =>
      atOnce(withSourceSteps(readPairForImport(mtPath, sourcePath, options, source?.encoding), source?.counts)),
    /** Two texts read beforehand (in a worker thread), aligned as the editor fixed it (or by length) and stored. */
    importPairSteps: withSourceSteps,

    /** What importing a file would take it for: its format and encoding as detected, and how its start reads. */
    inspectFile,
  };
}
