import { CHANNELS } from '../../core/ipc';
import type { Dispatch } from './dispatcher';

/** The slice of Electron's ipcMain this needs, so the register is tested with a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, request: unknown) => Promise<unknown>): void;
}
export interface IpcEventLike {
  /** `parent` is null for a page's main frame (Electron's WebFrameMain). */
  senderFrame?: { url: string; parent: unknown } | null;
}

/**
 * The URL of the calling frame when it is a page's main frame, else undefined (refused by the dispatcher). The
 * preload runs only in main frames and the CSP forbids frames, but a subframe at Redline's own URL must not be
 * trusted should either ever change.
 */
export const mainFrameUrl = (event: IpcEventLike): string | undefined =>
  event.senderFrame && event.senderFrame.parent === null ? event.senderFrame.url : undefined;

/** Registers every contract channel, and only those, through the one dispatcher. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request) => dispatch(channel, mainFrameUrl(event), request));
  }
}
