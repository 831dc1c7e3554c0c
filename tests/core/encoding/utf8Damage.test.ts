import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damagedUtf8Offset, scanUtf8 } from '../../../core/encoding/utf8Damage';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withByte = (before: string, byte: number, after = '') => Uint8Array.from([...utf8(before), byte, ...utf8(after)]);

describe('scanUtf8', () => {
  it('counts multi-byte sequences and finds no damage in valid UTF-8', () => {
    expect(scanUtf8(utf8('aé€😀'))).toEqual({ multiByte: 3, invalid: 0, firstInvalid: -1 });
  });

  it.each([
    ['a stray continuation byte', [0x61, 0x80, 0x62], 1, 1],
    ['a lead byte without its continuation', [0x61, 0xc3, 0x62], 1, 1],
    ['an overlong encoding', [0xc0, 0xaf], 0, 2],
    ['a surrogate', [0x41, 0xed, 0xa0, 0x80], 1, 3],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0, 4],
    ['a sequence cut at the end', [0x41, 0xe2, 0x82], 1, 1],
  ])('finds %s where it starts', (_name, values, firstInvalid, invalid) => {
    expect(scanUtf8(Uint8Array.from(values))).toMatchObject({ firstInvalid, invalid, multiByte: 0 });
  });

  it('agrees with a strict decoder on whether any bytes are valid', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(scanUtf8(bytes).firstInvalid === -1).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('damagedUtf8Offset', () => {
  it('finds one bad byte in otherwise multi-byte UTF-8', () => {
    expect(damagedUtf8Offset(withByte('Привет, мир.\nВторая ', 0xff, ' строка.'))).toBe(utf8('Привет, мир.\nВторая ').length);
    expect(damagedUtf8Offset(withByte('Grüße aus Köln. Schöne Straße.\nZweite Zeile ', 0xff, ' hier.'))).toBe(49);
  });

  it('is null for valid UTF-8 and for bytes with no multi-byte UTF-8 to speak of', () => {
    expect(damagedUtf8Offset(utf8('Grüße'))).toBeNull();
    expect(damagedUtf8Offset(withByte('plain ASCII ', 0xe9))).toBeNull();
    expect(damagedUtf8Offset(withByte('Grüße ', 0xe9, ' '))).toBeNull();
  });
});
