import type { Sample, Services } from '../../../services';
import { bulkWrites } from '../../../services/bulkWrites';
import type { ExportJobs } from '../../../services/exportJobs';
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

/**
 * Every channel's handler; a missing one is a type error. `background` runs whole-document checks, `exports`
 * exports and `metricsWork` metrics with non-default TER options in worker threads (the app); without them they
 * run on the request path.
 */
export function createHandlers(
  services: Services,
  dialogs: Dialogs,
  sample: Sample,
  background?: WholeChecks,
  exports?: ExportJobs,
  metricsWork?: MetricsJobs,
): Handlers {
  // Bulk writes are written a few sentences a step between requests, one at a time per document.
  const bulk = bulkWrites({ stopping: (documentId, stop) => services.batches.stopping(documentId, stop) });
  return {
    ...documentHandlers(services, dialogs, sample),
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
