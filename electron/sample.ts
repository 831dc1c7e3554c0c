import text from '../assets/sample/kazakhstan-mt.txt?raw';
import type { Sample } from '../services';

/** The seed article bundled into main, so it is there without any file access. */
export const SAMPLE: Sample = {
  fileName: 'kazakhstan-mt.txt',
  title: 'Kazakhstan: the situation remains tense (sample MT)',
  text,
};
