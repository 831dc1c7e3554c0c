import { detect, detectAll } from 'tinyld';

/**
 * The language of a document's text, by tinyld (an offline n-gram identifier) over a sample of its sentences:
 * enough text to be reliable, little enough to stay fast on a book. Null when too little text to tell.
 *
 * The sample is told whole first; when tinyld hesitates (its first language is not twice as likely as its
 * second), it is told again in chunks of a few sentences, each voting with its letters: told whole, one word
 * tinyld knows from one language only (`Xinhua`, Vietnamese to it) could outweigh three English sentences. The
 * chunks cost ten times the whole (a call has its overhead), so only a doubtful sample pays for them.
 */
const SAMPLE_CHARS = 4000;
const MIN_CHARS = 40;
/** Letters a chunk gathers before it is told: a short line alone says little. */
const CHUNK_LETTERS = 100;

const lettersOf = (text: string): number => text.replace(/[\s\p{P}\p{N}]/gu, '').length;

/** The sample's sentences, spread over the document, each its start at most (a line of megabytes went whole). */
function sampleOf(texts: readonly string[]): string[] {
  const sample: string[] = [];
  // Sentences spread over the document, not only its start (a title page, an English abstract).
  const step = Math.max(1, Math.floor(texts.length / 40));
  let sampled = 0;
  for (let i = 0; i < texts.length && sampled < SAMPLE_CHARS; i += step) {
    const sentence = texts[i]!.slice(0, SAMPLE_CHARS - sampled);
    sampled += sentence.length + 1;
    sample.push(sentence);
  }
  return sample;
}

export function detectLanguage(texts: readonly string[]): string | null {
  const sentences = sampleOf(texts);
  const letters = sentences.map(lettersOf);
  if (letters.reduce((sum, count) => sum + count, 0) < MIN_CHARS) return null;
  const [first, second] = detectAll(sentences.join(' '));
  if (first && (!second || first.accuracy >= 2 * second.accuracy)) return first.lang.toLowerCase();
  return votedLanguage(sentences, letters);
}

/** The language most letters of the sample's chunks vote for (`letters`: each sentence's count). */
function votedLanguage(sentences: readonly string[], letters: readonly number[]): string | null {
  const votes = new Map<string, number>();
  let chunk = '';
  let chunkLetters = 0;
  const tell = () => {
    const language = chunkLetters > 0 ? detect(chunk) : '';
    if (language) votes.set(language, (votes.get(language) ?? 0) + chunkLetters);
    chunk = '';
    chunkLetters = 0;
  };
  sentences.forEach((sentence, k) => {
    chunk += `${sentence} `;
    chunkLetters += letters[k]!;
    if (chunkLetters >= CHUNK_LETTERS) tell();
  });
  tell();
  let best: string | null = null;
  for (const [language, weight] of votes) if (best === null || weight > votes.get(best)!) best = language;
  return best ? best.toLowerCase() : null;
}
