/** Runs `work` after `ms`; returns how to cancel it. Tests pass a clock of their own. */
export type Later = (ms: number, work: () => void) => () => void;

export const afterTimeout: Later = (ms, work) => {
  const timer = setTimeout(work, ms);
  return () => clearTimeout(timer);
};
