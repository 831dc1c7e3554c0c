/** What a command may do with the outside world: print, read the environment, know where its output goes. */
export interface CliIo {
  out: (text: string) => void;
  /** Writes text as it is (no line break added), where the output is the process's own. */
  write?: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether standard output is a terminal (colours are shown then); false when absent. */
  isTTY?: boolean;
}
