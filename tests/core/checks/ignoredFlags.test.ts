import { describe, expect, it } from 'vitest';
import { flaggedWords, ignoredKey, isIgnored } from '../../../core/checks/ignoredFlags';
import type { Flag } from '../../../core/checks/types';

const flag = (start: number, end: number, message: string): Flag => ({ check: 'source-mismatch', severity: 'major', confidence: 'sure', message, start, end });
const TEXT = 'Total: 12 units';
const twelve = flag(7, 9, 'The number 12 is not in the source');
const lineBreak = flag(TEXT.length, TEXT.length, 'The source ends with a line break and the translation does not');
const other = flag(TEXT.length, TEXT.length, 'Another flag on no text');

describe('ignored flags', () => {
  it('remembers a flag by the words it flags', () => {
    const ignored = new Set([ignoredKey('source-mismatch', flaggedWords(twelve, TEXT))]);
    expect(isIgnored(twelve, TEXT, ignored)).toBe(true);
    expect(isIgnored(lineBreak, TEXT, ignored)).toBe(false);
    expect(flaggedWords(twelve, TEXT)).toBe('12');
  });

  it('remembers a flag on no text by its message, leaving the check’s other such flags', () => {
    const words = flaggedWords(lineBreak, TEXT);
    expect(words).not.toBe(flaggedWords(other, TEXT));
    const ignored = new Set([ignoredKey('source-mismatch', words)]);
    expect(isIgnored(lineBreak, TEXT, ignored)).toBe(true);
    expect(isIgnored(other, TEXT, ignored)).toBe(false);
    expect(isIgnored(twelve, TEXT, ignored)).toBe(false);
  });

  it('keeps what earlier releases stored: no words (every flag on no text of the check), or the whole kind', () => {
    const noWords = new Set([ignoredKey('source-mismatch', '')]);
    expect(isIgnored(lineBreak, TEXT, noWords)).toBe(true);
    expect(isIgnored(other, TEXT, noWords)).toBe(true);
    expect(isIgnored(twelve, TEXT, noWords)).toBe(false);
    const kind = new Set([ignoredKey('source-mismatch', null)]);
    expect([twelve, lineBreak, other].every((f) => isIgnored(f, TEXT, kind))).toBe(true);
  });
});
