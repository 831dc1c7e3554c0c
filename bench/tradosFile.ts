/**
 * An SDLXLIFF as Trados writes one, built deterministically: segments in groups, <sdl:seg-defs> with an MT origin,
 * a tag pair in every second segment, and the original document embedded in base64 in <internal-file>. For
 * bench/xmlBudget.ts and the import row of the bench (bench/rows/importWait.ts).
 */
const WORDS = 'the of and to in is for that on with as by this are from be at or an it which but not have has'.split(' ');

/** A deterministic sentence of `words` words. */
function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let k = 0; k < words; k++) out.push(WORDS[(seed * 31 + k * 17) % WORDS.length]!);
  return `${out.join(' ')}.`;
}

/** An SDLXLIFF of `units` trans-units (two segments each) and an embedded original of `embeddedBytes` of base64. */
export function tradosFile(units: number, embeddedBytes: number): string {
  const base64 = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw=='.repeat(
    Math.ceil(embeddedBytes / 88),
  );
  const parts = [
    '\uFEFF<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" ' +
      'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="big.docx" ' +
      'datatype="x-sdlfilterframework2" source-language="en-US" target-language="de-DE"><header><reference>' +
      `<internal-file form="base64">${base64.slice(0, embeddedBytes)}</internal-file></reference>` +
      '<tag-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><tag id="1"><bpt name="b">&lt;b&gt;</bpt>' +
      '<ept name="b">&lt;/b&gt;</ept></tag></tag-defs></header><body>',
  ];
  for (let i = 0; i < units; i++) {
    const [s1, s2, t1, t2] = [sentence(i, 9), sentence(i + 1, 7), sentence(i + 2, 9), sentence(i + 3, 7)];
    const [a, b] = [2 * i + 1, 2 * i + 2];
    parts.push(
      `<group><sdl:cxts><sdl:cxt id="1"/></sdl:cxts><trans-unit id="u${i}"><source>${s1} <g id="1">${s2}</g></source>` +
        `<seg-source><mrk mtype="seg" mid="${a}">${s1}</mrk> <mrk mtype="seg" mid="${b}"><g id="1">${s2}</g></mrk></seg-source>` +
        `<target><mrk mtype="seg" mid="${a}">${t1}</mrk> <mrk mtype="seg" mid="${b}"><g id="1">${t2}</g></mrk></target>` +
        `<sdl:seg-defs><sdl:seg id="${a}" conf="Draft" origin="mt" origin-system="DeepL"><sdl:value key="SegmentIdentityHash">h${a}</sdl:value></sdl:seg>` +
        `<sdl:seg id="${b}" conf="Draft" origin="mt" origin-system="DeepL"><sdl:value key="SegmentIdentityHash">h${b}</sdl:value></sdl:seg>` +
        '</sdl:seg-defs></trans-unit></group>\r\n',
    );
  }
  parts.push('</body></file></xliff>');
  return parts.join('');
}
