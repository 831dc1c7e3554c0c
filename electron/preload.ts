import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNELS } from '../core/ipc/channels';

// Exactly the contract's channels, one function each: no ipcRenderer and no generic invoke reach the page.
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
);

contextBridge.exposeInMainWorld(API_GLOBAL, api);
