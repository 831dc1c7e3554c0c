import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../core/checks';
import { seedSentences, segmented } from './support';

/**
 * How well the checks separate garbled sentences from clean ones on the seed article, against labels written
 * by hand (fixtures/kazakhstan-labels.json: for each sentence, garbled or not, and why), and how quiet they
 * stay on clean prose nobody tuned them for.
 */

interface Label {
  index: number;
  paragraph: number;
  text: string;
  garbled: boolean;
  why: string;
}

const labels = (JSON.parse(readFileSync(new URL('./fixtures/kazakhstan-labels.json', import.meta.url), 'utf8')) as { sentences: Label[] }).sentences;
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

describe('quality on the labelled seed article', () => {
  const sentences = seedSentences();
  const flags = checkDocument(sentences);

  it('labels every sentence of the seed as segmented', () => {
    expect(labels.map((l) => l.text)).toEqual(sentences.map((s) => s.text));
    expect(labels.map((l) => l.paragraph)).toEqual(sentences.map((s) => s.paragraph));
    for (const label of labels) expect(label.why.length).toBeGreaterThan(5);
  });

  it('flags at least 90 % of the garbled sentences and at most 10 % of the clean ones', () => {
    const garbled = labels.filter((l) => l.garbled);
    const clean = labels.filter((l) => !l.garbled);
    const missed = garbled.filter((l) => flags[l.index]!.length === 0);
    const falseAlarms = clean.filter((l) => flags[l.index]!.length > 0);
    const recall = (garbled.length - missed.length) / garbled.length;
    const falseAlarmRate = falseAlarms.length / clean.length;
    const lines = [
      `Seed article: ${labels.length} sentences, ${garbled.length} garbled, ${clean.length} clean`,
      `  recall: ${garbled.length - missed.length}/${garbled.length} garbled sentences flagged = ${percent(garbled.length - missed.length, garbled.length)}`,
      `  false alarms: ${falseAlarms.length}/${clean.length} clean sentences flagged = ${percent(falseAlarms.length, clean.length)}`,
      ...missed.map((l) => `  missed #${l.index}: ${l.why}`),
      ...falseAlarms.map((l) => `  false alarm #${l.index}: ${flags[l.index]!.map((f) => f.message).join('; ')}`),
    ];
    console.log(lines.join('\n'));
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(falseAlarmRate).toBeLessThanOrEqual(0.1);
  });
});

describe('quality on clean prose', () => {
  it('flags (almost) nothing in a clean text with dialogue, abbreviations, numbers and names', () => {
    const sentences = segmented(readFileSync(new URL('./fixtures/clean-prose.txt', import.meta.url), 'utf8'));
    const flags = checkDocument(sentences);
    const flagged = sentences.filter((_, i) => flags[i]!.length > 0);
    console.log(`Clean prose: ${flagged.length}/${sentences.length} sentences flagged = ${percent(flagged.length, sentences.length)}` +
      flagged.map((s) => `\n  ${JSON.stringify(s.text)}: ${flags[sentences.indexOf(s)]!.map((f) => f.message).join('; ')}`).join(''));
    expect(sentences.length).toBeGreaterThan(15);
    expect(flagged.length / sentences.length).toBeLessThanOrEqual(0.05);
  });
});
