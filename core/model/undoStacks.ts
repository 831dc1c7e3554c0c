import type { BatchKind } from './batch';

/** A document's step as undo and redo see it. */
export interface StepEntry {
  id: number;
  kind: BatchKind;
  /** For an undo, the step it undid; for a redo, the step it applied again. */
  undoes: number | null;
}

/**
 * A document's undo and redo stacks, replayed from its steps in order: an action (or a redo) is done, an undo
 * takes its target off the done stack onto the redo stack, a new action clears the redo stack. Each step on the
 * redo stack comes with the undo that put it there (the stack's order). The store keeps these stacks by its
 * triggers (migration 0024); this replay fills them for the steps stored before, and tests compare the two.
 */
export function replayUndoStacks(steps: Iterable<StepEntry>): { done: number[]; undone: Array<{ id: number; undoneBy: number }> } {
  const done: number[] = [];
  let undone: Array<{ id: number; undoneBy: number }> = [];
  for (const step of steps) {
    if (step.kind === 'undo') {
      const at = done.lastIndexOf(step.undoes ?? -1);
      if (at >= 0) done.splice(at, 1);
      undone = undone.filter((entry) => entry.id !== step.undoes);
      undone.push({ id: step.undoes!, undoneBy: step.id });
    } else if (step.kind === 'redo') {
      undone = undone.filter((entry) => entry.id !== step.undoes);
      done.push(step.id);
    } else {
      done.push(step.id);
      undone = [];
    }
  }
  return { done, undone };
}
