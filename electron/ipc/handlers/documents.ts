import type { Sample, Services } from '../../services';
import type { Handlers } from '../dispatcher';
import type { Dialogs } from './dialogs';

type DocumentHandlers = Pick<
  Handlers,
  'documents.list' | 'documents.openSample' | 'documents.importFile' | 'documents.open' | 'documents.exportText'
>;

export function documentHandlers(services: Services, dialogs: Dialogs, sample: Sample): DocumentHandlers {
  const { documents } = services;
  return {
    'documents.list': () => documents.list(),
    'documents.openSample': () => services.openSample(sample),
    'documents.importFile': async (options) => {
      const path = await dialogs.pickFileToOpen('text');
      return path === null ? null : documents.importFile(path, options);
    },
    'documents.open': ({ documentId }) => documents.open(documentId),
    'documents.exportText': async ({ documentId, utf8 }) => {
      const suggested = documents.exportFileName(documentId);
      const path = await dialogs.pickExportPath(suggested, 'text');
      return path === null ? null : documents.exportToFile(documentId, path, { utf8 });
    },
  };
}
