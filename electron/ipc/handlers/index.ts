import type { Sample, Services } from '../../../services';
import type { WholeChecks } from '../../../services/wholeChecks';
import type { Handlers } from '../dispatcher';
import type { Dialogs } from './dialogs';
import { backupHandlers } from './backups';
import { storeHandlers } from './store';
import { documentHandlers } from './documents';
import { checkHandlers } from './checks';
import { libraryHandlers } from './library';
import { metricsHandlers } from './metrics';
import { annotationHandlers, reviewHandlers, searchHandlers } from './review';
import { segmentHandlers } from './segments';

export type { Dialogs, FileKind } from './dialogs';

/** Every channel's handler; a missing one is a type error. */
export function createHandlers(services: Services, dialogs: Dialogs, sample: Sample, background?: WholeChecks): Handlers {
  return {
    ...documentHandlers(services, dialogs, sample),
    ...segmentHandlers(services),
    ...metricsHandlers(services),
    ...checkHandlers(services, background),
    ...libraryHandlers(services, dialogs),
    ...reviewHandlers(services),
    ...annotationHandlers(services, dialogs),
    ...searchHandlers(services),
    ...backupHandlers(services),
    ...storeHandlers(services, dialogs),
  };
}
