import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../core/formats/docx/base64';

describe('the skeleton’s base64', () => {
  it('writes what Node’s base64 writes, and reads it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips every byte value, and a package of megabytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, k) => k);
    expect(fromBase64(toBase64(all))).toEqual(all);
    const big = Uint8Array.from({ length: 3_000_001 }, (_, k) => (k * 7919) & 255);
    expect(Buffer.from(fromBase64(toBase64(big))!).equals(Buffer.from(big))).toBe(true);
  });

  it.each([
    ['a length not a multiple of 4', 'QUJD='],
    ['a character outside the alphabet', 'QU-D'],
    ['padding inside', 'QQ==QUJD'],
    ['a character beyond ASCII', 'QUJé'],
    ['base64url', 'QU_D'],
  ])('refuses %s', (_name, text) => {
    expect(fromBase64(text)).toBeNull();
  });
});
