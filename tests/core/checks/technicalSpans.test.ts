import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { technicalSpans } from '../../../core/checks/technicalSpans';

/** The pattern technicalSpans finds the matches of, run as a regular expression (quadratic on long runs). */
const REFERENCE =
  /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>“”"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|ru|kz|uk|de|fr|info|html?|php|pdf|txt|ai|tv|cn|au|jp|nl|ua|ink|xyz|ly|gg|dev|biz)\b/giu;

function reference(text: string): Array<[number, number]> {
  if (!/[./@][\w/]/u.test(text)) return [];
  return [...text.matchAll(REFERENCE)].map((match): [number, number] => [match.index ?? 0, (match.index ?? 0) + match[0].length]);
}

/** Pieces of links, addresses and domains, and what breaks them; ſ and K (Kelvin) are word characters with the i flag. */
const piece = fc.constantFrom(
  ...'a b Z 0 7 _ - . + @ / : < > " “ ” é ſ \u212a \u00a0'.split(' '),
  ' ', '..', 'http://', 'HTTPS://', 'ftp://', 'www.', 'WWW.', 'com', 'COM', 'html', 'htm', 'info', 'ink', 'inkx', 'uk', 'de', 'io', '😀', '\t',
  // Labels after a dot, so that chains of them (`a.com.uk`, `x.inkx.de-y`) come up often.
  '.com', '.uk', '.de', '.html', '.htm', '.info', '.inkx', '.x', 'x.', 'a@', '-y',
);
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

describe('technicalSpans', () => {
  it('finds what the pattern matches, left to right', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(technicalSpans(t)).toEqual(reference(t));
      }),
      { numRuns: Number(process.env.CHECK_RUNS ?? 3000) },
    );
  });

  it.each([
    'Write to a.b@mail.example.org or see https://example.com/x?y=1, www.example.org and site.co.uk.',
    'a@b.c+d@e.f x.com-y www.a..b.com site.com.',
    'Fig.3.com-http://x.y <https://a.b> "www.x.io"',
    'a.com.uk, a.com.x, b.info.inkx-c.de',
  ])('finds the same spans in %j', (t) => {
    expect(technicalSpans(t)).toEqual(reference(t));
    expect(technicalSpans(t).length).toBeGreaterThan(0);
  });
});
