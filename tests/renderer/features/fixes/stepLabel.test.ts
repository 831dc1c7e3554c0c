import { describe, expect, it } from 'vitest';
import { stepLabel, stepNotice, uncounted } from '../../../../renderer/features/fixes/stepLabel';

describe('stepNotice', () => {
  it('says the count of a bulk step once', () => {
    expect(stepNotice('Redo: Replace “Alma-Ata” → “Almaty” (4)', 4)).toBe('Redo: Replace “Alma-Ata” → “Almaty” (4 sentences)');
    expect(stepNotice('Undo: Fix memory (1)', 1)).toBe('Undo: Fix memory (1 sentence)');
  });

  it('says how many of the step’s sentences it changed when it left some alone', () => {
    expect(stepNotice('Undo: Fix all: Spacing (4)', 3)).toBe('Undo: Fix all: Spacing (3 of 4 sentences)');
  });

  it('says no count for a step on the one sentence its label names', () => {
    expect(stepNotice('Undo: Confirm sentence 4', 1)).toBe('Undo: Confirm sentence 4');
    expect(stepNotice('Redo: Edit sentence 3', 1)).toBe('Redo: Edit sentence 3');
    expect(stepNotice('Undo: Revert sentence 12 to the MT', 1)).toBe('Undo: Revert sentence 12 to the MT');
    expect(stepNotice('Undo: Restore a revision of sentence 7', 1)).toBe('Undo: Restore a revision of sentence 7');
    // A bulk step keeps its count, one sentence or more, and a sentence named in a replace's quotes is no step on it.
    expect(stepNotice('Undo: Fix all: Spacing (1)', 1)).toBe('Undo: Fix all: Spacing (1 sentence)');
    expect(stepNotice('Undo: Replace “sentence 5” → “clause 5” (1)', 1)).toBe('Undo: Replace “sentence 5” → “clause 5” (1 sentence)');
    expect(stepNotice('Undo: Replace “sentence 5”', 1)).toBe('Undo: Replace “sentence 5” (1 sentence)');
  });

  it('adds the count to a step whose label has none, and takes no count from the text a replace looks for', () => {
    expect(stepNotice('Undo: Apply memory', 1)).toBe('Undo: Apply memory (1 sentence)');
    expect(stepNotice('Undo: Replace “Article (5)” → “Article (6)” (2)', 2)).toBe('Undo: Replace “Article (5)” → “Article (6)” (2 sentences)');
    expect(stepNotice('Undo: Replace “Article (5)”', 1)).toBe('Undo: Replace “Article (5)” (1 sentence)');
  });
});

describe('uncounted', () => {
  it('takes the count off a bulk step’s label, and leaves any other label as it is', () => {
    expect(uncounted('Apply “Alma-Ata” → “Almaty” (3)')).toBe('Apply “Alma-Ata” → “Almaty”');
    expect(uncounted('Edit sentence 12')).toBe('Edit sentence 12');
  });
});

describe('stepLabel', () => {
  it('says a bulk step’s count in words, and leaves a label with none as it is', () => {
    expect(stepLabel('Replace “Alma-Ata” → “Almaty” (4)')).toBe('Replace “Alma-Ata” → “Almaty” (4 sentences)');
    expect(stepLabel('Fix all: Spacing (1)')).toBe('Fix all: Spacing (1 sentence)');
    expect(stepLabel('Edit sentence 12')).toBe('Edit sentence 12');
    expect(stepLabel('Replace “Article (5)”')).toBe('Replace “Article (5)”');
  });
});
