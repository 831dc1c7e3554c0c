import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { RedlineError } from '../../../core/model/errors';
import type { Sample, Services } from '../../../services';
import { readsOnThisThread, type FileReads } from '../../../services/fileReads';
import { importJobs } from '../../../services/importJobs';
import type { Handlers } from '../dispatcher';
import type { Dialogs } from './dialogs';

type DocumentHandlers = Pick<
  Handlers,
  | 'documents.list'
  | 'documents.openSample'
  | 'documents.pickFile'
  | 'documents.inspectPicked'
  | 'documents.importPicked'
  | 'documents.importProgress'
  | 'documents.cancelImport'
  | 'documents.alignPicked'
  | 'documents.open'
>;

/**
 * `reads` reads the picked files: in a worker thread in the app (fileReads.ts), so the window keeps answering
 * while a large file is decoded and parsed; by default on this thread (tests that need no thread).
 */
export function documentHandlers(services: Services, dialogs: Dialogs, sample: Sample, reads: FileReads = readsOnThisThread()): DocumentHandlers {
  const { documents } = services;
  // Files the editor picked in the native dialog, by an opaque token: the page never names a path itself.
  const picked = new Map<string, string>();
  // Imports run a step at a time under their file's token, so the page can poll their progress and cancel.
  const jobs = importJobs();
  services.onStoreClosing(() => jobs.stopAll('the store was closed to be restored or set aside'));
  const pathOf = (token: string) => {
    const path = picked.get(token);
    if (!path) throw new RedlineError('not_found', 'That file is no longer chosen: open it again.');
    return path;
  };
  return {
    'documents.pickFile': async () => {
      const path = await dialogs.pickFileToOpen('text');
      if (path === null) return null;
      const token = randomUUID();
      picked.set(token, path);
      return { token, ...(await reads.inspect(path)) };
    },
    'documents.inspectPicked': ({ token, format, encoding }) => reads.inspect(pathOf(token), { format, encoding }),
    'documents.importPicked': async ({ token, format, encoding, sourceLang, targetLang, columns, missingTargets, source }) => {
      const path = pathOf(token);
      const languages = sourceLang || targetLang ? { sourceLang, targetLang } : undefined;
      const name = basename(path);
      const options = { format, encoding, languages, columns, missingTargets };
      const sourcePath = source && pathOf(source.token);
      const imported = source
        ? jobs.runAfter(token, name, () => reads.readPair(path, sourcePath!, { encoding }, source.encoding), (pair) => documents.importPairSteps(pair, source.counts))
        : jobs.runAfter(token, name, () => reads.read(path, options), (read) => documents.importReadSteps(read));
      const document = await imported;
      picked.delete(token);
      if (source) picked.delete(source.token);
      return document;
    },
    'documents.importProgress': ({ token }) => jobs.progress(token),
    'documents.cancelImport': ({ token }) => ({ cancelled: jobs.cancel(token) }),
    'documents.alignPicked': ({ token, encoding, source }) => {
      const [path, sourcePath] = [pathOf(token), pathOf(source.token)];
      return jobs.runAfter(token, basename(path), () => reads.readPair(path, sourcePath, { encoding }, source.encoding), (pair) => documents.alignReadSteps(pair));
    },
    'documents.list': () => documents.list(),
    'documents.openSample': () => services.openSample(sample),
    'documents.open': ({ documentId }) => documents.open(documentId),
  };
}
