import { randomUUID } from 'node:crypto';
import { RedlineError } from '../../../core/model/errors';
import type { Sample, Services } from '../../services';
import type { Handlers } from '../dispatcher';
import type { Dialogs } from './dialogs';

type DocumentHandlers = Pick<
  Handlers,
  | 'documents.list'
  | 'documents.openSample'
  | 'documents.importFile'
  | 'documents.pickFile'
  | 'documents.inspectPicked'
  | 'documents.importPicked'
  | 'documents.open'
  | 'documents.exportText'
>;

export function documentHandlers(services: Services, dialogs: Dialogs, sample: Sample): DocumentHandlers {
  const { documents } = services;
  // Files the editor picked in the native dialog, by an opaque token: the page never names a path itself.
  const picked = new Map<string, string>();
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
    'documents.importPicked': ({ token, format, encoding, sourceLang, targetLang, columns }) => {
      const languages = sourceLang || targetLang ? { sourceLang, targetLang } : undefined;
      const document = documents.importFile(pathOf(token), { format, encoding, languages, columns });
      picked.delete(token);
      return document;
    },
    'documents.list': () => documents.list(),
    'documents.openSample': () => services.openSample(sample),
    'documents.importFile': async (options) => {
      const path = await dialogs.pickFileToOpen('text');
      return path === null ? null : documents.importFile(path, options);
    },
    'documents.open': ({ documentId }) => documents.open(documentId),
    'documents.exportText': async ({ documentId, utf8, as = 'original' }) => {
      if (as === 'tmx') {
        const path = await dialogs.pickExportPath(documents.exportFileName(documentId, 'tmx'), 'text');
        return path === null ? null : documents.exportTmx(documentId, path);
      }
      if (as === 'csv') {
        const path = await dialogs.pickExportPath(documents.exportFileName(documentId, 'csv'), 'csv');
        return path === null ? null : documents.exportCsv(documentId, path);
      }
      const path = await dialogs.pickExportPath(documents.exportFileName(documentId), 'text');
      return path === null ? null : documents.exportToFile(documentId, path, { utf8 });
    },
  };
}
