import { createHandlers } from '../electron/ipc/handlers';
import type { Handlers } from '../electron/ipc/dispatcher';
import type { Services } from './table';

const noDialogs = { pickFileToOpen: async () => null, pickExportPath: async () => null, pickFolder: async () => null };

/** The IPC handlers main registers, over the bench's services: what the window's requests run (no dialogs). */
export const benchHandlers = (services: Services): Handlers =>
  createHandlers(services, noDialogs, { fileName: 'sample.txt', title: 'Sample', text: 'A sentence.' }) as Handlers;
