/**
 * F8 pressed again before the caret has reached the sentence the last F8 found: each jump goes on from where the
 * one before it lands, not from where the caret still is (which found the same sentence twice). Once the caret
 * has moved elsewhere by itself (a click, an arrow key), the next jump starts from the caret again.
 */
export function flagJumps() {
  /** The jumps since the caret last moved by itself: the newest one's answer, how many are on their way, where the newest landed. */
  let chain: { newest: Promise<number | null>; pending: number; landed: number | null } | null = null;

  return {
    /**
     * The position the jump from `here` goes to: `find` asked from `here`, or from where the jump before this one
     * lands when that one has not been followed by the caret yet. Null when `find` finds nothing.
     */
    next(here: number, find: (from: number) => Promise<number | null>): Promise<number | null> {
      const current = chain ?? (chain = { newest: Promise.resolve(null), pending: 0, landed: null });
      const from = current.newest.then(
        (landed) => landed ?? here,
        () => here,
      );
      current.pending++;
      const newest = from.then(find).then(
        (landed) => {
          current.pending--;
          if (landed !== null) current.landed = landed;
          return landed;
        },
        (error: unknown) => {
          current.pending--;
          throw error;
        },
      );
      current.newest = newest;
      return newest;
    },
    /**
     * The caret is on `position`: unless a jump is on its way, or the caret is where the newest one landed, jumps
     * start from it again (a click back on an earlier landing starts there, not after the newest).
     */
    moved(position: number): void {
      if (chain && chain.pending === 0 && chain.landed !== position) chain = null;
    },
  };
}

export type FlagJumps = ReturnType<typeof flagJumps>;
