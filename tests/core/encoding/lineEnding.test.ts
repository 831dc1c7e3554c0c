import { describe, expect, it } from 'vitest';
import { detectLineEnding } from '../../../core/encoding/lineEnding';

describe('detectLineEnding', () => {
  it.each([
    ['a\nb\n', 'lf'],
    ['a\r\nb\r\n', 'crlf'],
    ['a\rb', 'cr'],
    ['a\r\nb\nc', 'mixed'],
    ['a\rb\r\n', 'mixed'],
    ['no breaks', 'none'],
    ['', 'none'],
  ])('%j is %s', (text, expected) => {
    expect(detectLineEnding(text)).toBe(expected);
  });
});
