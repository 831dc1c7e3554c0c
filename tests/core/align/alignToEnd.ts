import { alignLengthsSteps, alignSentencesSteps, type AlignedPair, type GaleChurchOptions } from '../../../core/align/galeChurch';
import { runToEnd } from '../../../core/model/steps';

/** The aligner the app runs in steps (with progress and cancel), run to its end as the tests check it. */
export const alignLengths = (source: readonly number[], target: readonly number[], options?: GaleChurchOptions): AlignedPair[] =>
  runToEnd(alignLengthsSteps(source, target, options));

export const alignSentences = (source: readonly string[], target: readonly string[], options?: GaleChurchOptions): AlignedPair[] =>
  runToEnd(alignSentencesSteps(source, target, options));
