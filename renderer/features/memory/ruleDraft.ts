import type { FixRule } from '../../../core/model/fixRule';

/** The fields of a rule the editor types in and keeps to themselves until Save. */
export type RuleTexts = Pick<FixRule, 'find' | 'replace'>;

/**
 * A rule row's typing once the stored rule has changed under it (a box of the row ticked, its Save, an import):
 * a field the editor left as it was stored shows the new stored value; a field they typed in keeps their typing,
 * which a save of something else must not take from them.
 */
export const followStored = (draft: RuleTexts, before: RuleTexts, stored: RuleTexts): RuleTexts => ({
  find: draft.find === before.find ? stored.find : draft.find,
  replace: draft.replace === before.replace ? stored.replace : draft.replace,
});
