import { describe, expect, it } from 'vitest';
import type { Steps } from '../../core/model/steps';
import { checkpointedSteps } from '../../services/checkpointedSteps';

/** A store's checkpoint control that notes what happens, in order, into `events`. */
function fakeStore(events: string[], inTransaction = false) {
  return {
    inTransaction,
    checkpoints: {
      defer: () => {
        events.push('defer');
        return () => events.push('resume');
      },
      run: () => events.push('checkpoint'),
    },
  };
}

function* counting(events: string[], steps: number): Steps<number, string> {
  try {
    for (let k = 1; k <= steps; k++) {
      events.push(`write ${k}`);
      yield k;
    }
    return 'done';
  } finally {
    events.push('cleanup');
  }
}

const drain = <P, T>(steps: Steps<P, T>): { seen: P[]; value: T } => {
  const seen: P[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { seen, value: next.value };
    seen.push(next.value);
  }
};

describe('checkpointedSteps', () => {
  it('holds checkpoints off while the steps run, runs one every few steps as a step of its own, then gives them back', () => {
    const events: string[] = [];
    const { seen, value } = drain(checkpointedSteps(fakeStore(events) as never, counting(events, 5), 2));
    expect(value).toBe('done');
    // The progress before a checkpoint is repeated by the checkpoint's own step.
    expect(seen).toEqual([1, 2, 2, 3, 4, 4, 5]);
    expect(events).toEqual(['defer', 'write 1', 'write 2', 'checkpoint', 'write 3', 'write 4', 'checkpoint', 'write 5', 'cleanup', 'resume']);
  });

  it('stopped part way, lets the steps clean up before giving checkpoints back', () => {
    const events: string[] = [];
    const steps = checkpointedSteps(fakeStore(events) as never, counting(events, 5), 2);
    steps.next();
    steps.return(undefined as never);
    expect(events).toEqual(['defer', 'write 1', 'cleanup', 'resume']);
  });

  it('gives checkpoints back when a step fails', () => {
    const events: string[] = [];
    function* failing(): Steps<number, void> {
      yield 1;
      throw new Error('disk full');
    }
    expect(() => drain(checkpointedSteps(fakeStore(events) as never, failing(), 1))).toThrow('disk full');
    expect(events).toEqual(['defer', 'checkpoint', 'resume']);
  });

  it('leaves steps run inside a transaction as they are: no checkpoint can run there', () => {
    const events: string[] = [];
    const { seen } = drain(checkpointedSteps(fakeStore(events, true) as never, counting(events, 4), 2));
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(events).not.toContain('defer');
    expect(events).not.toContain('checkpoint');
  });
});
