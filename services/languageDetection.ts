import { detect } from 'tinyld';

/**
 * The language of a document's text, by tinyld (an offline n-gram identifier) over a sample of its sentences:
 * enough text to be reliable, little enough to stay fast on a book. Null when too little text to tell.
 */
const SAMPLE_CHARS = 4000;
const MIN_CHARS = 40;

export function detectLanguage(texts: readonly string[]): string | null {
  let sample = '';
  // Sentences spread over the document, not only its start (a title page, an English abstract).
  const step = Math.max(1, Math.floor(texts.length / 40));
  // A sentence gives its start at most: a line of megabytes went whole to tinyld, seconds of a check.
  for (let i = 0; i < texts.length && sample.length < SAMPLE_CHARS; i += step) sample += `${texts[i]!.slice(0, SAMPLE_CHARS)} `;
  if (sample.replace(/[\s\p{P}\p{N}]/gu, '').length < MIN_CHARS) return null;
  const language = detect(sample);
  return language ? language.toLowerCase() : null;
}
