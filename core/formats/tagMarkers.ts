import { isTagChar, TAG_BASE } from './types';

/**
 * A sentence's inline tags written for people, where its text leaves the app in a form that keeps no markup (a
 * CSV table, the review report): each tag as the number the editor sees on its chip, `{1}`, `{2}` …, instead of
 * the private-use character it is inside Redline, which prints as a box or as nothing at all.
 */
export const tagMarker = (tag: string): string => `{${tag.charCodeAt(0) - TAG_BASE + 1}}`;

export function withTagMarkers(text: string): string {
  let out = '';
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    if (!isTagChar(text[k]!)) continue;
    out += text.slice(from, k) + tagMarker(text[k]!);
    from = k + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
