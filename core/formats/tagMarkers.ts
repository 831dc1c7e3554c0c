import { MAX_TAGS, TAG_BASE } from './types';

/**
 * A sentence's inline tags written for people, where its text leaves the app in a form that keeps no markup (a
 * CSV table, the review report): each tag as the number the editor sees on its chip, `{1}`, `{2}` …, instead of
 * the private-use character it is inside Redline, which prints as a box or as nothing at all.
 */
export const tagMarker = (tag: string): string => `{${tag.charCodeAt(0) - TAG_BASE + 1}}`;

/** Every tag character (isTagChar's range), for `replace` (global: not for `test`). */
export const TAG_CHARS = new RegExp(`[\\u${TAG_BASE.toString(16)}-\\u${(TAG_BASE + MAX_TAGS - 1).toString(16)}]`, 'gu');

export const withTagMarkers = (text: string): string => text.replace(TAG_CHARS, tagMarker);
