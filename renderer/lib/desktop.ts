import { API_GLOBAL, type Channel, type RedlineApi, type RequestOf, type ResponseOf } from '../../core/ipc';
import type { ErrorCode } from '../../core/model/errors';
import type { Result } from '../../core/model/result';

/** A failed call to main, with the code and the message main sent. */
export class DesktopError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopError';
  }
}

function api(): RedlineApi {
  const exposed = (window as unknown as Record<string, RedlineApi | undefined>)[API_GLOBAL];
  if (!exposed) throw new DesktopError('internal', 'Redline’s desktop bridge is missing: open the app, not the page.');
  return exposed;
}

type DamageListener = (message: string) => void;
const damageListeners = new Set<DamageListener>();

/** Calls `listener` whenever a call answers that the store is damaged (the shell then shows its screen). */
export function onStoreDamaged(listener: DamageListener): () => void {
  damageListeners.add(listener);
  return () => damageListeners.delete(listener);
}

/** The one place that talks to main: calls a channel and unwraps its envelope, throwing DesktopError on failure. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const fn = api()[channel] as unknown as (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  const result = await fn(request);
  if (result.ok) return result.value;
  if (result.code === 'damaged') for (const listener of damageListeners) listener(result.message);
  throw new DesktopError(result.code, result.message);
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
