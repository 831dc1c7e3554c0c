import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../../../shared/fixtures/ape-en-de/', import.meta.url));

export interface ApeLine {
  line: number;
  mt: string;
  pe: string;
  edits: number;
  refWords: number;
}

/** The 2,000 shared MT/post-edit pairs with sacrebleu's reference TER figures (ter.tsv). */
export function readApe(): ApeLine[] {
  if (!existsSync(DIR)) {
    throw new Error(`The shared fixture folder ${DIR} is missing: tests need ../shared beside the checkout.`);
  }
  const lines = (file: string) => readFileSync(`${DIR}/${file}`, 'utf8').split('\n');
  const mt = lines('mt.txt');
  const pe = lines('pe.txt');
  return lines('ter.tsv')
    .slice(1)
    .filter((row) => row.trim().length > 0)
    .map((row) => {
      const [line, edits, refWords] = row.split('\t').map(Number) as [number, number, number];
      return { line, mt: mt[line - 1]!, pe: pe[line - 1]!, edits, refWords };
    });
}
