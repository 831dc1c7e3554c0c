import { describe, expect, it } from 'vitest';
import { contract } from '../../../core/ipc/contract';
import { forbiddenControl, withoutForbiddenControls } from '../../../core/ipc/storedText';

const issues = (channel: keyof typeof contract, request: unknown): string[] => {
  const parsed = contract[channel].request.safeParse(request);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('text the store keeps refuses control characters at the contract', () => {
  it('refuses a NUL in a glossary term with a message naming it', () => {
    expect(issues('glossary.save', { preferred: '\u0000', forbidden: [] })).toEqual([
      'preferred: contains the control character U+0000, which Redline does not store; remove it',
    ]);
    expect(issues('glossary.save', { preferred: 'Almaty', forbidden: ['Alma\u0007Ata'] })).toEqual([
      'forbidden.0: contains the control character U+0007, which Redline does not store; remove it',
    ]);
    expect(issues('glossary.save', { preferred: 'Almaty', forbidden: ['Alma-Ata'], note: 'city\tname\r\n' })).toEqual([]);
  });

  it('refuses NUL and escape in a sentence but keeps tab, line ends, vertical tab and form feed', () => {
    expect(issues('segments.update', { segmentId: 1, text: 'a\u0000b' })).toHaveLength(1);
    expect(issues('segments.update', { segmentId: 1, text: 'a\u001Bb' })).toHaveLength(1);
    expect(issues('segments.update', { segmentId: 1, text: 'a\tb\nc\rd\u000Be\u000Cf' })).toEqual([]);
  });

  it('refuses half a character (a lone surrogate), which the store would turn into U+FFFD, and keeps whole pairs', () => {
    expect(issues('segments.update', { segmentId: 1, text: 'E\uD800F' })).toEqual([
      'text: contains half of a character (U+D800, a lone surrogate), which cannot be stored; remove it',
    ]);
    expect(issues('segments.update', { segmentId: 1, text: 'end\uDE00' })).toHaveLength(1);
    expect(issues('segments.note', { segmentId: 1, text: '\uDBFF' })).toHaveLength(1);
    expect(issues('segments.update', { segmentId: 1, text: 'a 😀 \uD83D\uDE00 b' })).toEqual([]);
  });

  it('refuses them in titles, notes, reasons and find/replace rules', () => {
    expect(issues('documents.rename', { documentId: 1, title: 'Report\u0000' })).toHaveLength(1);
    expect(issues('segments.note', { segmentId: 1, text: 'x\u007F' })).toHaveLength(1);
  });

  it('names the first forbidden character, and allows everything printable', () => {
    expect(forbiddenControl('ok \u202E text')).toBeNull();
    expect(forbiddenControl('\u000B', true)).toBeNull();
    expect(forbiddenControl('\u000B')).toBe('U+000B');
    expect(forbiddenControl('a\u0001\u0000')).toBe('U+0001');
  });
});

describe('a sentence as the window takes it in', () => {
  it('drops the control characters the store refuses, and keeps tab, line ends, vertical tab and form feed', () => {
    expect(withoutForbiddenControls('copied from PDF\u0007 with\u0000 bell\u001B')).toBe('copied from PDF with bell');
    const kept = 'a\tb\nc\rd\u000Be\u000Cf';
    expect(withoutForbiddenControls(kept)).toBe(kept);
    expect(issues('segments.update', { segmentId: 1, text: withoutForbiddenControls('x\u0001\u007Fy') })).toEqual([]);
  });
});
