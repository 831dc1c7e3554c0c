import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixtures live beside the checkout: ../shared/fixtures. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
const APE_DIR = join(FIXTURES_DIR, 'ape-en-de');

export class MissingFixtures extends Error {}

/** One MT line, its post-edit, and sacrebleu's figures for the pair (ter.tsv). */
export interface ApePair {
  line: number;
  mt: string;
  pe: string;
  edits: number;
  refWords: number;
}

function lines(file: string): string[] {
  const path = join(APE_DIR, file);
  if (!existsSync(path)) throw new MissingFixtures(`${path} is missing.`);
  const all = readFileSync(path, 'utf8').split(/\r?\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** The 2,000 shared pairs with their reference figures, or MissingFixtures naming what is absent. */
export function loadApe(): ApePair[] {
  if (!existsSync(FIXTURES_DIR)) {
    throw new MissingFixtures(`The shared fixture folder ${FIXTURES_DIR} is missing (expected ../shared/fixtures beside the checkout).`);
  }
  const mt = lines('mt.txt');
  const pe = lines('pe.txt');
  if (mt.length !== pe.length) throw new MissingFixtures(`mt.txt has ${mt.length} lines but pe.txt has ${pe.length}.`);
  const reference = lines('ter.tsv').slice(1);
  if (reference.length !== mt.length) {
    throw new MissingFixtures(`ter.tsv has ${reference.length} rows for ${mt.length} pairs.`);
  }
  return reference.map((row, k) => {
    const [line, edits, refWords] = row.split('\t').map(Number) as [number, number, number];
    return { line, mt: mt[k]!, pe: pe[k]!, edits, refWords };
  });
}

/** The seed article (../shared/fixtures/kazakhstan-mt.txt), or MissingFixtures. */
export function loadSeedText(): string {
  const path = join(FIXTURES_DIR, 'kazakhstan-mt.txt');
  if (!existsSync(path)) throw new MissingFixtures(`${path} is missing.`);
  return readFileSync(path, 'utf8');
}
