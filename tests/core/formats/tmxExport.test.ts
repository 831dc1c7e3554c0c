import { describe, expect, it } from 'vitest';
import { pairsToTmx, tmxDate } from '../../../core/formats/tmxExport';
import { tmxFormat } from '../../../core/formats/tmx';
import { tagChar } from '../../../core/formats/types';

describe('pairsToTmx', () => {
  const tmx = pairsToTmx(
    [
      { key: '1', source: 'A <b> & "c"', target: `Ein ${tagChar(0)}Test${tagChar(1)} & „d“` },
      { key: '2', source: 'Два', target: 'Zwei' },
    ],
    { source: 'ru', target: 'de' },
    tmxDate(Date.UTC(2026, 10, 26, 5, 0, 0)),
  );

  it('escapes the text, numbers the tags as placeholders, and dates the header', () => {
    expect(tmx).toContain('<seg>A &lt;b&gt; &amp; "c"</seg>');
    expect(tmx).toContain('<seg>Ein <ph x="1"/>Test<ph x="2"/> &amp; „d“</seg>');
    expect(tmx).toContain('creationdate="20261126T050000Z"');
  });

  it('is a TMX file Redline reads back, pair for pair', () => {
    const read = tmxFormat.parse(tmx, 'out.tmx');
    expect(read.units.map((u) => u.source?.replace(/[\uE000-\uEFFF]/g, ''))).toEqual(['A <b> & "c"', 'Два']);
    expect(read.units[1]!.target).toBe('Zwei');
  });

  it('stays well-formed, a placeholder for each tag kept, whatever tags the correction lost or reordered', () => {
    const lossy = pairsToTmx(
      [{ key: '3', source: `A ${tagChar(0)}b${tagChar(1)} c${tagChar(2)}`, target: `Ein ${tagChar(1)}b${tagChar(0)} c` }],
      { source: 'en', target: 'de' },
      tmxDate(0),
    );
    expect(lossy).toContain('<seg>Ein <ph x="2"/>b<ph x="1"/> c</seg>');
    expect(tmxFormat.parse(lossy, 'out.tmx').units[0]!.target.replace(/[\uE000-\uEFFF]/g, '')).toBe('Ein b c');
  });
});
