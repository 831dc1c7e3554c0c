import type { Result } from '../model/result';
import type { Channel, RequestOf, ResponseOf } from './index';

/** What the preload puts on `window.redline`: one function per channel, each answering with an envelope. */
export type RedlineApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};
