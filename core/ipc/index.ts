export { CHANNELS, API_GLOBAL, isChannel, type Channel } from './channels';
export { contract, MAX_EDIT_MS, MAX_PAGE_SIZE, MAX_SEGMENT_LENGTH, type Contract, type RequestOf, type ResponseOf } from './contract';
export type { RedlineApi } from './api';
