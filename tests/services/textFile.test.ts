import { describe, expect, it } from 'vitest';
import { decodeTextFile, encodeTextFile } from '../../services/textFile';
import { FIXTURE_BYTES, FIXTURE_TEXT } from '../electron/support';
import { thrown } from '../support/thrown';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decodeTextFile', () => {
  it('decodes UTF-8 text unchanged and reports no BOM', () => {
    expect(decodeTextFile(FIXTURE_BYTES, 'a.txt')).toEqual({ text: FIXTURE_TEXT, hasBom: false });
  });

  it('detects and strips a UTF-8 BOM, once', () => {
    expect(decodeTextFile(Buffer.concat([BOM, Buffer.from('Hello.')]), 'a.txt')).toEqual({ text: 'Hello.', hasBom: true });
    // A second BOM is content (a zero-width no-break space), not a marker.
    expect(decodeTextFile(Buffer.concat([BOM, BOM, Buffer.from('Hi.')]), 'a.txt')).toEqual({ text: '\uFEFFHi.', hasBom: true });
  });

  it('keeps CRLF line endings and non-ASCII characters as they are', () => {
    const text = 'Алматы — «тревога».\r\n\r\nWhat’s next?\r\n';
    expect(decodeTextFile(Buffer.from(text), 'a.txt').text).toBe(text);
  });

  it.each([
    ['a NUL byte in text', Buffer.from('Hello\0world.')],
    ['a PNG header', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00)],
    ['UTF-16LE text with its BOM', Buffer.concat([bytes(0xff, 0xfe), Buffer.from('Hello.', 'utf16le')])],
  ])('refuses %s as binary', (_name, input) => {
    const error = thrown(() => decodeTextFile(input, 'photo.txt'));
    expect(error).toMatchObject({ code: 'bad_input' });
    expect(error.message).toMatch(/photo\.txt .*binary/);
  });

  it.each([
    ['Latin-1 bytes', bytes(0x63, 0x61, 0x66, 0xe9, 0x2e)],
    ['a truncated sequence', bytes(0x41, 0xe2, 0x80)],
    ['an overlong encoding of /', bytes(0xc0, 0xaf)],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80)],
    ['a lone continuation byte', bytes(0x80, 0x41)],
  ])('refuses %s as invalid UTF-8', (_name, input) => {
    expect(thrown(() => decodeTextFile(input, 'latin1.txt'))).toMatchObject({
      code: 'bad_input',
      message: 'latin1.txt is not valid UTF-8 text.',
    });
  });

  it.each([
    ['no bytes', bytes()],
    ['only spaces and line breaks', Buffer.from('  \n\r\n\t \n')],
    ['only a BOM', BOM],
    ['a BOM and whitespace', Buffer.concat([BOM, Buffer.from('\n \n')])],
    ['non-breaking and ideographic spaces', Buffer.from('\u00a0\u3000\n')],
  ])('refuses %s as empty', (_name, input) => {
    const error = thrown(() => decodeTextFile(input, 'blank.txt'));
    expect(error).toMatchObject({ code: 'bad_input' });
    expect(error.message).toContain('blank.txt is empty');
  });
});

describe('encodeTextFile', () => {
  it('writes UTF-8 without a BOM unless the original had one', () => {
    expect(encodeTextFile('Hi.', false)).toEqual(Buffer.from('Hi.'));
    expect(encodeTextFile('Hi.', true)).toEqual(Buffer.concat([BOM, Buffer.from('Hi.')]));
  });

  it('round-trips through decodeTextFile, with and without a BOM', () => {
    for (const hasBom of [false, true]) {
      const encoded = encodeTextFile(FIXTURE_TEXT, hasBom);
      expect(decodeTextFile(encoded, 'a.txt')).toEqual({ text: FIXTURE_TEXT, hasBom });
    }
    expect(encodeTextFile(FIXTURE_TEXT, false).equals(FIXTURE_BYTES)).toBe(true);
  });
});
