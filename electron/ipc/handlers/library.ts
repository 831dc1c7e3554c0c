import type { Services } from '../../../services';
import { bulkWrites, type BulkWrites } from '../../../services/bulkWrites';
import type { Handlers } from '../dispatcher';
import type { Dialogs } from './dialogs';

type LibraryHandlers = Pick<
  Handlers,
  | 'memory.list'
  | 'memory.update'
  | 'memory.remove'
  | 'memory.preview'
  | 'memory.apply'
  | 'memory.exportCsv'
  | 'memory.importCsv'
  | 'glossary.list'
  | 'glossary.save'
  | 'glossary.remove'
  | 'glossary.exportCsv'
  | 'glossary.importCsv'
>;

/** The editor's fix memory and glossary: kept across documents, imported and exported as CSV. */
export function libraryHandlers({ fixMemory, glossary }: Services, dialogs: Dialogs, bulk: BulkWrites = bulkWrites()): LibraryHandlers {
  return {
    'memory.list': () => fixMemory.list(),
    'memory.update': ({ id, ...patch }) => fixMemory.update(id, patch),
    'memory.remove': ({ id }) => (fixMemory.remove(id), null),
    'memory.preview': ({ documentId }) => bulk.preview(documentId, () => fixMemory.previewSteps(documentId)),
    'memory.apply': ({ documentId, segmentIds }) => bulk.run(documentId, () => fixMemory.applySteps(documentId, segmentIds)),
    'memory.exportCsv': async () => {
      const path = await dialogs.pickExportPath('redline-fix-memory.csv', 'csv');
      return path === null ? null : fixMemory.exportCsv(path);
    },
    'memory.importCsv': async () => {
      const path = await dialogs.pickFileToOpen('csv');
      return path === null ? null : fixMemory.importCsv(path);
    },
    'glossary.list': () => glossary.list(),
    'glossary.save': ({ id, ...entry }) => glossary.save(entry, id),
    'glossary.remove': ({ id }) => (glossary.remove(id), null),
    'glossary.exportCsv': async () => {
      const path = await dialogs.pickExportPath('redline-glossary.csv', 'csv');
      return path === null ? null : glossary.exportCsv(path);
    },
    'glossary.importCsv': async () => {
      const path = await dialogs.pickFileToOpen('csv');
      return path === null ? null : glossary.importCsv(path);
    },
  };
}
