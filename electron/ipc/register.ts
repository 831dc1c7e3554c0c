import { CHANNELS } from '../../core/ipc';
import type { Dispatch } from './dispatcher';

/** The slice of Electron's ipcMain this needs, so the register is tested with a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, request: unknown) => Promise<unknown>): void;
}
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

/** Registers every contract channel, and only those, through the one dispatcher. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request) => dispatch(channel, event.senderFrame?.url, request));
  }
}
