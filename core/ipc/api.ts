import type { Result } from '../model/result';
import type { Channel } from './channels';
import type { RequestOf, ResponseOf } from './contract';

/** What the preload puts on `window.redline`: one function per channel, each answering with an envelope. */
export type RedlineApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};
