import { isTagChar, TAG_BASE } from '../../core/formats/types';

/**
 * Text with inline tags (one private-use character each, see core/formats/types.ts). As chips they read as
 * numbered atoms; in the editor's backdrop the same character is only highlighted, so both layers keep the
 * same width.
 */
export function TaggedText({ text, mode }: { text: string; mode: 'chip' | 'backdrop' }) {
  if (![...text].some(isTagChar)) return <>{text}</>;
  const parts = text.split(/([\uE000-\uEFFF])/u);
  return (
    <>
      {parts.map((part, i) =>
        part.length === 1 && isTagChar(part) ? (
          mode === 'chip' ? (
            <span key={i} className="tag" data-testid="tag" title="Inline tag: keep it where the words it marks are">
              {part.charCodeAt(0) - TAG_BASE + 1}
            </span>
          ) : (
            <span key={i} className="tag-char">
              {part}
            </span>
          )
        ) : (
          part
        ),
      )}
    </>
  );
}
