import type { ReviewedUnit } from '../types';

/**
 * Review statuses ↔ the states of the bilingual files Redline writes back, one table per vocabulary, both ways.
 * README's "Review statuses in bilingual files" table says the same in words; the tests check the two agree.
 *
 * The rules every vocabulary follows:
 *  - import: the file's state (and its qualifier, where the format has one) gives the status the unit starts in;
 *  - export: a unit whose status is still the one it was imported with keeps its state bytes as they were (an
 *    `ApprovedSignOff` still approved stays `ApprovedSignOff`; a status changed and changed back writes nothing);
 *  - otherwise the status's own state (and qualifier) is written; a qualifier the file had is replaced by the
 *    status's own, removed when it stood for a status (a rejection, Redline's own) or, in XLIFF 2, when the state
 *    changes (a writer that changes `state` must update or delete `subState`), and otherwise kept (1.2
 *    `mt-suggestion` says where the translation came from, which a confirmation does not change);
 *  - where the vocabulary has a state of its own for a status, that state reads back as the status; where it has
 *    not, the table says what it reads back as (ROUND_TRIP).
 */

export type Status = ReviewedUnit['status'];

/** The state attributes a unit's state slot takes: XLIFF 1.2, 2.0, Trados' confirmation levels or memoQ's statuses. */
export type StateVocabulary = 'xliff1' | 'xliff2' | 'sdl' | 'mq';

/** A state as written into a file: the state attribute's value, and its qualifier's (null: none). */
export interface WrittenState {
  state: string;
  qualifier: string | null;
}

/**
 * Which attribute qualifies the state, where the vocabulary has one: XLIFF 1.2 `state-qualifier` on <target>,
 * XLIFF 2.0 `subState` on <segment>. Trados and memoQ have a single status attribute.
 */
export const QUALIFIER_ATTRIBUTE: Partial<Record<StateVocabulary, string>> = {
  xliff1: 'state-qualifier',
  xliff2: 'subState',
};

/**
 * XLIFF 1.2 has no state for an unconfirmed edit nor for a rejection. A rejection is `needs-translation` (the
 * translation is to be redone) qualified `rejected-inaccurate`, one of the spec's own state-qualifier values
 * ("rejected because of inaccurate translation"); the editor's reason stays in Redline. An unconfirmed edit is
 * `needs-review-translation` (its text is to be reviewed) qualified `x-redline-edited`: the schema admits any
 * `x-…` value for state-qualifier (AttrType_state-qualifier is the union of the listed values and XTend,
 * `x-[^\s]+`, in both the transitional and the strict xliff-core-1.2 schema).
 */
export const REDLINE_EDITED_1_2 = 'x-redline-edited';
export const REJECTED_1_2 = 'rejected-inaccurate';

/**
 * XLIFF 2.0: subState is "prefix:value", the prefix naming the authority that defines the value (any but
 * `xlf`); Redline's values are `redline:edited` and `redline:rejected`, each with state `initial` (the segment's
 * translation is not done).
 */
export const REDLINE_EDITED_2 = 'redline:edited';
export const REDLINE_REJECTED_2 = 'redline:rejected';

/**
 * Status → what export writes when the review changed it.
 *
 * XLIFF 1.2: confirmed `translated`; approved `signed-off` ("changes are reviewed and approved"), not `final`,
 * "the terminating state", which belongs to whoever closes the project; not started `needs-review-translation`
 * (the MT is there, unreviewed).
 * XLIFF 2.0: the four states are sequential (initial → translated → reviewed → final): confirmed `translated`,
 * approved `reviewed` (for the same reason as signed-off), the rest `initial`, told apart by subState.
 * Trados (sdl:seg conf; RWS's ConfirmationLevel): confirmed `Translated`, approved `ApprovedTranslation` (the
 * reviewer's level; `ApprovedSignOff` belongs to the sign-off step), rejected `RejectedTranslation`; not started
 * and edited both `Draft` ("the target segment may have been changed, but is not yet considered fully
 * translated"), which is also how Trados leaves machine translation it filled in, so Draft reads as not started.
 * memoQ (mq:status, see MQ_STATUS_NAMES): one status each.
 */
export const WRITTEN: Record<StateVocabulary, Record<Status, WrittenState>> = {
  xliff1: {
    not_started: { state: 'needs-review-translation', qualifier: null },
    edited: { state: 'needs-review-translation', qualifier: REDLINE_EDITED_1_2 },
    confirmed: { state: 'translated', qualifier: null },
    approved: { state: 'signed-off', qualifier: null },
    rejected: { state: 'needs-translation', qualifier: REJECTED_1_2 },
  },
  xliff2: {
    not_started: { state: 'initial', qualifier: null },
    edited: { state: 'initial', qualifier: REDLINE_EDITED_2 },
    confirmed: { state: 'translated', qualifier: null },
    approved: { state: 'reviewed', qualifier: null },
    rejected: { state: 'initial', qualifier: REDLINE_REJECTED_2 },
  },
  sdl: {
    not_started: { state: 'Draft', qualifier: null },
    edited: { state: 'Draft', qualifier: null },
    confirmed: { state: 'Translated', qualifier: null },
    approved: { state: 'ApprovedTranslation', qualifier: null },
    rejected: { state: 'RejectedTranslation', qualifier: null },
  },
  mq: {
    not_started: { state: 'NotStarted', qualifier: null },
    edited: { state: 'PartiallyEdited', qualifier: null },
    confirmed: { state: 'ManuallyConfirmed', qualifier: null },
    approved: { state: 'Reviewer1Confirmed', qualifier: null },
    rejected: { state: 'Rejected', qualifier: null },
  },
};

/**
 * memoQ's row statuses as mq:status writes them. Confirmed against memoQ's own sources, not only samples:
 *  - the TUStatus enum of memoQ's MQXLIFF library, github.com/memoQ/mqxliff-js (src/interfaces.ts: "the different
 *    statuses that a translation unit can have in a memoQ translation document"; TU.status() returns the
 *    trans-unit's `mq:status` as it stands): NotStarted, PreTranslated, PartiallyEdited, ManuallyConfirmed,
 *    Reviewer1Confirmed, AssembledFromFragments, Proofread, MachineTranslated, Rejected;
 *  - memoQ's help (support.memoq.com, "Status column in the translation grid"; docs.memoq.com, "Setting yourself
 *    as proofreader"): Not started, Edited, Pre-translated, Assembled from fragments, Machine translated,
 *    Translator confirmed, Reviewer 1 confirmed, Reviewer 2 confirmed — "Reviewer 2 confirmed (proofread)" —
 *    and Rejected. So Reviewer 2's confirmation is `Proofread`; there is no `Reviewer2Confirmed` value (read as
 *    approved all the same, should a tool write it), and pre-translation is written `PreTranslated` by the
 *    library but `Pretranslated` in files seen in the wild, so memoQ values are compared ignoring case.
 */
export const MQ_STATUS_NAMES = [
  'NotStarted',
  'PreTranslated',
  'PartiallyEdited',
  'ManuallyConfirmed',
  'Reviewer1Confirmed',
  'AssembledFromFragments',
  'Proofread',
  'MachineTranslated',
  'Rejected',
] as const;

/** File state → status where the state alone decides; anything else (none, or a state asking for work) is not started. */
const BY_STATE: Record<StateVocabulary, Record<string, Status>> = {
  xliff1: { translated: 'confirmed', 'signed-off': 'approved', final: 'approved' },
  xliff2: { translated: 'confirmed', reviewed: 'approved', final: 'approved' },
  sdl: {
    Translated: 'confirmed',
    ApprovedTranslation: 'approved',
    ApprovedSignOff: 'approved',
    RejectedTranslation: 'rejected',
    RejectedSignOff: 'rejected',
  },
  // memoQ, compared in lower case. NotStarted, PreTranslated, MachineTranslated, AssembledFromFragments: to review.
  mq: {
    partiallyedited: 'edited',
    manuallyconfirmed: 'confirmed',
    reviewer1confirmed: 'approved',
    proofread: 'approved',
    reviewer2confirmed: 'approved',
    rejected: 'rejected',
  },
};

/**
 * The status a file's state (and qualifier) stands for, at import.
 * XLIFF 1.2: `translated` → confirmed, `signed-off`/`final` → approved; `new` and every `needs-*` state → not
 * started, unless qualified `rejected-*` (any of the spec's four rejection reasons) → rejected, or
 * `x-redline-edited` → edited. A done state wins over a stale qualifier.
 * XLIFF 2.0: `translated` → confirmed, `reviewed`/`final` → approved; `initial` (or none) → not started, unless
 * subState is `redline:edited` / `redline:rejected`.
 */
export function statusOfState(vocabulary: StateVocabulary, state: string | null | undefined, qualifier: string | null = null): Status {
  if (vocabulary === 'mq') return (state ? BY_STATE.mq[state.toLowerCase()] : undefined) ?? 'not_started';
  const byState = state ? BY_STATE[vocabulary][state] : undefined;
  if (byState) return byState;
  if (vocabulary === 'xliff1' && qualifier !== null) {
    if (qualifier.startsWith('rejected-')) return 'rejected';
    if (qualifier === REDLINE_EDITED_1_2) return 'edited';
  }
  if (vocabulary === 'xliff2' && qualifier !== null) {
    if (qualifier === REDLINE_REJECTED_2) return 'rejected';
    if (qualifier === REDLINE_EDITED_2) return 'edited';
  }
  return 'not_started';
}

/**
 * XLIFF 1.2's `approved` attribute on <trans-unit>, which "indicates whether a translation is final or has passed
 * its final review" (Weblate and the Translate Toolkit read a unit's approval from it alone): `yes` makes a unit
 * with a target approved where its state says it is translated, or says nothing at all. A state asking for work
 * (new, needs-*) or a status the qualifier carries wins over it, as the newer word on the unit.
 */
export function statusWithApproval(status: Status, approved: string | undefined, state: string | null, qualifier: string | null): Status {
  if (approved !== 'yes') return status;
  if (status === 'confirmed' || (status === 'not_started' && state === null && qualifier === null)) return 'approved';
  return status;
}

/**
 * The mapping documents imported before the qualifiers and memoQ's PartiallyEdited/Proofread were read: their
 * stored statuses were set by it, so their skeletons (which do not record the imported status) compare with it,
 * and an untouched export of them stays byte-identical.
 */
const LEGACY_BY_STATE: Record<StateVocabulary, Record<string, Status>> = {
  ...BY_STATE,
  mq: { ManuallyConfirmed: 'confirmed', Reviewer1Confirmed: 'approved', Reviewer2Confirmed: 'approved', Rejected: 'rejected' },
};

export const legacyStatusOfState = (vocabulary: StateVocabulary, state: string | null | undefined): Status =>
  (state ? LEGACY_BY_STATE[vocabulary][state] : undefined) ?? 'not_started';

/** What each status reads back as after export and re-import: itself, except where the vocabulary cannot say it. */
export const ROUND_TRIP: Record<StateVocabulary, Record<Status, Status>> = {
  xliff1: { not_started: 'not_started', edited: 'edited', confirmed: 'confirmed', approved: 'approved', rejected: 'rejected' },
  xliff2: { not_started: 'not_started', edited: 'edited', confirmed: 'confirmed', approved: 'approved', rejected: 'rejected' },
  sdl: { not_started: 'not_started', edited: 'not_started', confirmed: 'confirmed', approved: 'approved', rejected: 'rejected' },
  mq: { not_started: 'not_started', edited: 'edited', confirmed: 'confirmed', approved: 'approved', rejected: 'rejected' },
};

/** Whether a qualifier value stands for a status (a rejection, or Redline's own), so it goes when the status changes. */
export const carriesStatus = (qualifier: string): boolean =>
  qualifier.startsWith('rejected-') || qualifier.startsWith('x-redline-') || qualifier.startsWith('redline:');

/** Decodes the five predefined entities of an attribute value as the file wrote it. */
const decodeAttribute = (value: string): string =>
  value.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name] ?? '');

/** The value of an attribute from its bytes as written (` name="value"`), or null for '' (no attribute). */
export function attributeValue(written: string): string | null {
  const match = /=\s*(["'])([\s\S]*)\1\s*$/.exec(written);
  return match ? decodeAttribute(match[2] ?? '') : null;
}
