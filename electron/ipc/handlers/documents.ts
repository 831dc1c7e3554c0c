import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { RedlineError } from '../../../core/model/errors';
import type { Sample, Services } from '../../../services';
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

export function documentHandlers(services: Services, dialogs: Dialogs, sample: Sample): DocumentHandlers {
  const { documents } = services;
  // Files the editor picked in the native dialog, by an opaque token: the page never names a path itself.
  const picked = new Map<string, string>();
  // Imports run a step at a time under their file's token, so the page can poll their progress and cancel.
  const jobs = importJobs();
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
      return { token, ...documents.inspectFile(path) };
    },
    'documents.inspectPicked': ({ token, format, encoding }) => documents.inspectFile(pathOf(token), { format, encoding }),
    'documents.importPicked': async ({ token, format, encoding, sourceLang, targetLang, columns, missingTargets, source }) => {
      const path = pathOf(token);
      const languages = sourceLang || targetLang ? { sourceLang, targetLang } : undefined;
      const steps = source
        ? documents.importWithSourceSteps(path, pathOf(source.token), { encoding }, { encoding: source.encoding, counts: source.counts })
        : documents.importFileSteps(path, { format, encoding, languages, columns, missingTargets });
      const document = await jobs.run(token, basename(path), steps);
      picked.delete(token);
      if (source) picked.delete(source.token);
      return document;
    },
    'documents.importProgress': ({ token }) => jobs.progress(token),
    'documents.cancelImport': ({ token }) => ({ cancelled: jobs.cancel(token) }),
    'documents.alignPicked': ({ token, encoding, source }) => {
      const path = pathOf(token);
      return jobs.run(token, basename(path), documents.alignFilesSteps(path, pathOf(source.token), { encoding }, { encoding: source.encoding }));
    },
    'documents.list': () => documents.list(),
    'documents.openSample': () => services.openSample(sample),
    'documents.open': ({ documentId }) => documents.open(documentId),
  };
}
