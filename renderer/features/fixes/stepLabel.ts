import { plural } from '../../lib/format';

/** The count a bulk step's label ends with, as the services name the step: "Replace “Alma-Ata” → “Almaty” (4)". */
const COUNT = / \((\d+)\)$/;

/** A step's label without the count it ends with, for a message that says how many sentences itself. */
export const uncounted = (label: string): string => label.replace(COUNT, '');

/**
 * The notice once an undo or redo lands, the count of sentences it changed said once: "Redo: Replace “Alma-Ata” →
 * “Almaty” (4 sentences)"; "(3 of 4 sentences)" when it changed fewer than the step it takes back or again did (a
 * sentence changed since is left alone).
 */
export function stepNotice(label: string, changed: number): string {
  const step = Number(COUNT.exec(label)?.[1] ?? changed);
  return `${uncounted(label)} (${step === changed ? plural(changed, 'sentence') : `${changed} of ${plural(step, 'sentence')}`})`;
}
