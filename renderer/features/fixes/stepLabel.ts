import { plural } from '../../lib/format';

/** The count a bulk step's label ends with, as the services name the step: "Replace “Alma-Ata” → “Almaty” (4)". */
const COUNT = / \((\d+)\)$/;

/** A step's label without the count it ends with, for a message that says how many sentences itself. */
export const uncounted = (label: string): string => label.replace(COUNT, '');

/** A step's label as the toolbar and the Edit menu show it, its count said in words: "Replace “a” → “b” (4 sentences)". */
export function stepLabel(label: string): string {
  const counted = COUNT.exec(label);
  return counted ? `${uncounted(label)} (${plural(Number(counted[1]), 'sentence')})` : label;
}

/**
 * A label that names the one sentence it changed ("Confirm sentence 4", "Revert sentence 3 to the MT"); not
 * words inside the quotes of a replace ("Replace “sentence 5”").
 */
const namesOneSentence = (label: string): boolean => /\bsentence \d+\b/i.test(label.replace(/“[^”]*”/g, ''));

/**
 * The notice once an undo or redo lands, the count of sentences it changed said once: "Redo: Replace “Alma-Ata” →
 * “Almaty” (4 sentences)"; "(3 of 4 sentences)" when it changed fewer than the step it takes back or again did (a
 * sentence changed since is left alone). A step on one sentence its label names has no count: "Undo: Confirm
 * sentence 4", not "… sentence 4 (1 sentence)".
 */
export function stepNotice(label: string, changed: number): string {
  const counted = COUNT.exec(label);
  if (!counted && changed === 1 && namesOneSentence(label)) return label;
  const step = Number(counted?.[1] ?? changed);
  return `${uncounted(label)} (${step === changed ? plural(changed, 'sentence') : `${changed} of ${plural(step, 'sentence')}`})`;
}
