import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel } from '../../../core/ipc';
import { createDispatcher, type Dispatch, type Handlers } from '../../../electron/ipc/dispatcher';
import { registerIpc, type IpcEventLike, type IpcMainLike } from '../../../electron/ipc/register';
import { APP_ENTRY_URL, isTrustedSender } from '../../../electron/security';

type Listener = (event: IpcEventLike, request: unknown) => Promise<unknown>;

/** Records every handle() call, and refuses a second registration like Electron's ipcMain does. */
function fakeIpcMain() {
  const calls: string[] = [];
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      calls.push(channel);
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      listeners.set(channel, listener);
    },
  };
  const listener = (channel: string): Listener => {
    const found = listeners.get(channel);
    if (!found) throw new Error(`${channel} is not registered`);
    return found;
  };
  return { ipcMain, calls, listener };
}

describe('registerIpc', () => {
  it('registers exactly the contract channels, each once', () => {
    const fake = fakeIpcMain();
    registerIpc(fake.ipcMain, vi.fn());
    expect(fake.calls).toHaveLength(CHANNELS.length);
    expect([...fake.calls].sort()).toEqual([...CHANNELS].sort());
  });

  it('routes every channel to the dispatcher with its own name, the sender frame URL and the request as sent', async () => {
    const fake = fakeIpcMain();
    const dispatch = vi.fn<Dispatch>(async (channel) => ({ ok: true, value: channel }));
    registerIpc(fake.ipcMain, dispatch);
    const failures: string[] = [];
    for (const channel of CHANNELS) {
      dispatch.mockClear();
      const request = { documentId: 3, nested: { keep: 'as is' } };
      const result = await fake.listener(channel)({ senderFrame: { url: APP_ENTRY_URL, parent: null } }, request);
      // Each listener dispatches its own channel, not the loop's last value.
      const calls = dispatch.mock.calls;
      if (calls.length !== 1) failures.push(`${channel}: dispatched ${calls.length} times`);
      else {
        const [name, sender, sent] = calls[0]!;
        if (name !== channel) failures.push(`${channel}: dispatched as ${name}`);
        if (sender !== APP_ENTRY_URL) failures.push(`${channel}: dispatched from ${String(sender)}`);
        if (sent !== request) failures.push(`${channel}: dispatched another request than the one sent`);
      }
      if (!(result as { ok: boolean; value: unknown }).ok || (result as { value: unknown }).value !== channel) {
        failures.push(`${channel}: answered ${JSON.stringify(result)}, not the dispatcher's answer`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each<[string, IpcEventLike]>([
    ['a null senderFrame (frame already gone)', { senderFrame: null }],
    ['no senderFrame', {}],
    ['a subframe, even at Redline\'s own URL', { senderFrame: { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } } }],
  ])('dispatches with an undefined sender for %s', async (_name, event) => {
    const fake = fakeIpcMain();
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: null }));
    registerIpc(fake.ipcMain, dispatch);
    await fake.listener('documents.list')(event, {});
    expect(dispatch).toHaveBeenCalledWith('documents.list', undefined, {});
  });

  it('with the real dispatcher, a call without a sender frame is refused before any handler runs', async () => {
    const fake = fakeIpcMain();
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(() => [])])) as unknown as Record<
      Channel,
      ReturnType<typeof vi.fn>
    >;
    registerIpc(fake.ipcMain, createDispatcher(handlers as unknown as Handlers, { isTrustedSender: (url) => isTrustedSender(url) }));

    expect(await fake.listener('documents.list')({ senderFrame: null }, {})).toMatchObject({
      ok: false,
      code: 'untrusted_sender',
    });
    expect(await fake.listener('documents.list')({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({
      ok: false,
      code: 'untrusted_sender',
    });
    expect(handlers['documents.list']).not.toHaveBeenCalled();

    expect(await fake.listener('documents.list')({ senderFrame: { url: APP_ENTRY_URL, parent: null } }, {})).toEqual({ ok: true, value: [] });
    expect(handlers['documents.list']).toHaveBeenCalledTimes(1);
  });
});
