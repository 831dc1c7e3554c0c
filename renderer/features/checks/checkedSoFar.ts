/** How far a background check of the document is, as words follow it: ` (42 %)`, or nothing before it counts. */
export const checkedSoFar = ({ done, total }: { done: number; total: number }): string =>
  total === 0 ? '' : ` (${Math.floor((100 * done) / total)} %)`;
