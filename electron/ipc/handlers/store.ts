import { basename } from 'node:path';
import type { Services } from '../../../services';
import type { Handlers } from '../dispatcher';
import type { Dialogs } from './dialogs';

type StoreHandlers = Pick<Handlers, 'store.health' | 'store.exportReadable' | 'store.startEmpty'>;

/** The damaged-store screen's calls; restoring goes through backups.list / backups.restore like the library's. */
export function storeHandlers(services: Services, dialogs: Dialogs): StoreHandlers {
  return {
    'store.health': () => services.health(),
    'store.exportReadable': async () => {
      const folder = await dialogs.pickFolder('Export what can be read');
      if (folder === null) return null;
      return { folder, ...services.exportReadable(folder) };
    },
    'store.startEmpty': () => ({ keptAs: basename(services.startEmpty().keptAs) }),
  };
}
