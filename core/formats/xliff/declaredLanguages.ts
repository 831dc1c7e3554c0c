import { languageTagOf, type DeclaredLanguages } from '../../model/languageTag';
import { childElements, type XmlElement } from './xmlTree';

/**
 * The languages an XLIFF file declares: 2.x on its root (srcLang, trgLang), 1.2 (SDLXLIFF and memoQ's too) on
 * each <file> (source-language, target-language) — the first file that names them, as a file of several files
 * is one document in one pair.
 */
export function xliffLanguages(root: XmlElement, model: 1 | 2): DeclaredLanguages {
  if (model === 2) return { source: languageTagOf(root.attrs.srcLang), target: languageTagOf(root.attrs.trgLang) };
  const files = childElements(root).filter((child) => child.local === 'file' && child.uri === root.uri);
  const source = files.map((file) => languageTagOf(file.attrs['source-language'])).find((tag) => tag !== null) ?? null;
  const target = files.map((file) => languageTagOf(file.attrs['target-language'])).find((tag) => tag !== null) ?? null;
  return { source, target };
}
