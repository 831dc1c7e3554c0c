import { RedlineError } from '../../../core/model/errors';
import type { Services } from '../../../services';
import type { ExportKind } from '../../../services/exportContent';
import type { ExportJobs, ExportPreparation } from '../../../services/exportJobs';
import type { WholeChecks } from '../../../services/wholeChecks';
import type { Handlers } from '../dispatcher';
import type { Dialogs, FileKind } from './dialogs';

type ExportHandlers = Pick<Handlers, 'documents.exportText' | 'documents.exportReport' | 'documents.exportProgress' | 'documents.cancelExport'>;

/**
 * Exports: a save dialog, then the file. With `jobs` (the app, the end-to-end tests) the file is computed and
 * written in a worker thread while the window keeps answering, `documents.exportProgress` tells how far it is and
 * `documents.cancelExport` stops it; without (handler tests binding the services alone) it is written on the
 * request path, as the CLI writes it. `background` runs the report's first whole check off the request path too.
 */
const definedLanguages = ({ source, target }: { source: string | null; target: string | null }) => ({
  ...(source !== null && { source }),
  ...(target !== null && { target }),
});

export function exportHandlers(services: Services, dialogs: Dialogs, jobs?: ExportJobs, background?: WholeChecks): ExportHandlers {
  const { documents, report, checks } = services;

  /** The report shows the document's flags: a document never checked whole is checked first. */
  const reportPreparation = (documentId: number): ExportPreparation | undefined => {
    if (checks.catchUp(documentId)) return undefined;
    if (!background) {
      checks.document(documentId);
      return undefined;
    }
    return {
      run: () =>
        background.start(documentId).catch((error: unknown) => {
          if (error instanceof RedlineError && error.code === 'cancelled') {
            throw new RedlineError('cancelled', 'The report waits for the document’s whole check, which stopped (another document was opened): export it again.');
          }
          throw error;
        }),
      progress: () => background.progress(documentId),
    };
  };

  const write = async (
    documentId: number,
    kind: ExportKind,
    defaultName: string,
    fileKind: FileKind,
    options: { utf8?: boolean | undefined; changedOnly?: boolean | undefined },
  ): Promise<{ path: string } | null> => {
    if (jobs?.running(documentId)) throw new RedlineError('bad_input', 'This document is already being exported: wait for it, or cancel it.');
    const path = await dialogs.pickExportPath(defaultName, fileKind);
    if (path === null) return null;
    // A TMX names its languages: those the checks use (chosen, or detected) where the file and the document name none.
    const languages = kind === 'tmx' ? definedLanguages(checks.languages(documentId).used) : undefined;
    if (!jobs) {
      if (kind === 'html') return report.exportHtml(documentId, path, { changedOnly: options.changedOnly });
      if (kind === 'tmx') return documents.exportTmx(documentId, path, languages);
      if (kind === 'csv') return documents.exportCsv(documentId, path);
      return documents.exportToFile(documentId, path, { utf8: options.utf8 });
    }
    const request = documents.exportRequest(documentId, kind, { ...options, ...(languages && { languages }) });
    const prepare = kind === 'html' ? reportPreparation(documentId) : undefined;
    return jobs.run(request, path, (written) => documents.recordExport(request, written), prepare);
  };

  return {
    'documents.exportText': ({ documentId, utf8, as = 'original' }) => {
      if (as === 'tmx') return write(documentId, 'tmx', documents.exportFileName(documentId, 'tmx'), 'text', {});
      if (as === 'csv') return write(documentId, 'csv', documents.exportFileName(documentId, 'csv'), 'csv', {});
      return write(documentId, 'original', documents.exportFileName(documentId), 'text', { utf8 });
    },
    'documents.exportReport': ({ documentId, changedOnly }) =>
      write(documentId, 'html', report.exportFileName(documentId), 'html', { changedOnly }),
    'documents.exportProgress': ({ documentId }) => jobs?.progress(documentId) ?? null,
    'documents.cancelExport': ({ documentId }) => ({ cancelled: jobs?.cancel(documentId) ?? false }),
  };
}
