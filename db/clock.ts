/** Milliseconds since the epoch. Injected so store tests run on a fixed clock. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
