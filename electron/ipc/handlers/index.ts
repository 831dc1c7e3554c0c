import type { Sample, Services } from '../../../services';
import { bulkWrites } from '../../../services/bulkWrites';
import type { ExportJobs } from '../../../services/exportJobs';
import type { FileReads } from '../../../services/fileReads';
import type { MetricsJobs } from '../../../services/metricsJobs';
import type { WholeChecks } from '../../../services/wholeChecks';
import type { Handlers } from '../dispatcher';
import type { Dialogs } from './dialogs';
import { backupHandlers } from './backups';
import { storeHandlers } from './store';
import { documentHandlers } from './documents';
import { exportHandlers } from './exports';
import { checkHandlers } from './checks';
import { libraryHandlers } from './library';
import { metricsHandlers } from './metrics';
import { annotationHandlers, reviewHandlers, searchHandlers } from './review';
import { segmentHandlers } from './segments';

export type { Dialogs, FileKind } from './dialogs';

/** The worker threads long work runs in (the app has them all); without one, its work runs on the request path. */
export interface HandlerWorkers {
  /** Whole-document checks. */
  background?: WholeChecks | undefined;
  /** Exports and reports. */
  exports?: ExportJobs | undefined;
  /** Metrics with non-default TER options. */
  metricsWork?: MetricsJobs | undefined;
  /** Reading, decoding and parsing the files the editor picks. */
  fileReads?: FileReads | undefined;
}

/** Every channel's handler; a missing one is a type error. */
export function createHandlers(services: Services, dialogs: Dialogs, sample: Sample, workers: HandlerWorkers = {}): Handlers {
  const { background, exports, metricsWork, fileReads } = workers;
  // Bulk writes are written a few sentences a step between requests, one at a time per document.
  const bulk = bulkWrites({ stopping: (documentId, stop) => services.batches.stopping(documentId, stop) });
  return {
    ...documentHandlers(services, dialogs, sample, fileReads),
    ...segmentHandlers(services),
    ...metricsHandlers(services, metricsWork),
    ...checkHandlers(services, background, bulk),
    ...libraryHandlers(services, dialogs, bulk),
    ...reviewHandlers(services, bulk),
    ...annotationHandlers(services),
    ...exportHandlers(services, dialogs, exports, background),
    ...searchHandlers(services, bulk),
    ...backupHandlers(services),
    ...storeHandlers(services, dialogs),
  };
}
