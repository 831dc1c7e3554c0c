import { describe, expect, it } from 'vitest';
import { judgeDecodedText } from '../../../core/encoding/decodedTextVerdict';

/** ASCII bytes read as UTF-16LE: every pair of letters becomes one CJK-looking character. */
const asciiAsUtf16 = (ascii: string) => Buffer.from(ascii, 'latin1').toString('utf16le');

describe('judgeDecodedText', () => {
  it.each([
    'Hello, world.',
    'Ситуация в Казахстане остаётся напряжённой.',
    '这是中文。另一个句子。',
    '日本語のテキストです。カタカナも。',
    '한국어 문장입니다.',
    '中文 mixed with English 123, 还有标点：“引号”！',
    'Emoji are fine 😀 and so is Ελληνικά.',
  ])('takes real text as plausible: %s', (text) => {
    expect(judgeDecodedText(text).verdict).toBe('plausible');
  });

  it.each([
    ['a lone surrogate', 'abc\ud800def'],
    ['a NUL', 'abc\0def'],
    ['a control code', 'abc\u0002def'],
    ['a private-use character', '中文\ue000'],
    ['an unassigned code point', '中文\u0378'],
    ['invisible operators', '中文\u2062文'],
  ])('calls text with %s malformed', (_name, text) => {
    expect(judgeDecodedText(text).verdict).toBe('malformed');
  });

  it('doubts ASCII pairs read as UTF-16: CJK mixed with rare ideographs and other scripts', () => {
    expect(judgeDecodedText(asciiAsUtf16('Source,Target\nHello\0World,Hallo\n')).verdict).not.toBe('plausible');
    expect(judgeDecodedText('\u4e2d\u3400\u3401\u0a74文').verdict).toBe('wellFormed');
  });

  it('does not take text with hardly any letters as plausible', () => {
    expect(judgeDecodedText('→ ↑ ← ↓ ⇒ ⇐').verdict).toBe('wellFormed');
    expect(judgeDecodedText('').verdict).toBe('wellFormed');
  });

  it('ranks a reading by how much of it is ASCII or its main script', () => {
    expect(judgeDecodedText('发布一个。')).toEqual({ verdict: 'plausible', fit: 1, letters: 4 });
    // The same bytes in the other byte order: a Hangul syllable, N and Ȱ (Latin beyond ASCII counts against).
    expect(judgeDecodedText('\ud153\u035e\u004e\u2a4e\u0230')).toMatchObject({ fit: 2 / 3, letters: 3 });
  });
});
