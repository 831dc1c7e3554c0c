import type { SentenceCheck } from './context';
import { nameOccurrences } from './nameIndex';
import { makeFlag, quoted, replacing } from './text';

/**
 * A name spelled two ways in one document (`Alma-Ata` 4×, `Almaty` 5×): every occurrence of the less frequent
 * spelling is flagged, naming the usual one, and the fix writes the usual one. With a tie the editor chooses,
 * so there is no fix. Derived words (Kazakh, Kazakhs, Kazakhstan) and different names that look alike
 * (`Nursultan Nazarbayev`, `Nur-Sultan`) are not variants; see nameIndex.ts. The spellings are counted in
 * the stored texts, so a sentence being edited is judged against the document as saved.
 */
export const checkNameVariants: SentenceCheck = ({ ctx, text, words }) => {
  const { known, variants } = ctx.names;
  if (variants.size === 0) return [];
  return nameOccurrences(text, known, words).flatMap((name) => {
    const variant = variants.get(name.form);
    if (!variant) return [];
    const message = `${quoted(name.form)} is also spelled ${quoted(variant.preferred)} (${variant.count}×) in this document` +
      (variant.tie ? ', as often: choose one' : '');
    const fix = variant.tie ? undefined : replacing(name.start, name.end, variant.preferred);
    return [makeFlag('name-variants', 'major', message, name.start, name.end, text, fix)];
  });
};
