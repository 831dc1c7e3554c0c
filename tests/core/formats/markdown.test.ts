import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownFormat, type MarkdownSkeleton } from '../../../core/formats/markdown';
import { TAG_BASE, tagChar, type ParsedDocument } from '../../../core/formats/types';
import { anyText } from '../segmentation/textArbitraries';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const GUIDE = fixture('guide.md');

/** A unit's text with each tag shown as ⟨markup⟩, to read expectations at a glance. */
function shown(document: ParsedDocument<MarkdownSkeleton>, index: number): string {
  const unit = document.units[index]!;
  return unit.target.replace(/[\uE000-\uEFFF]/g, (c) => `⟨${document.skeleton.tags[index]![c.charCodeAt(0) - TAG_BASE]}⟩`);
}
const parse = (text: string) => markdownFormat.parse(text, 'doc.md');
const untouched = (text: string) => markdownFormat.write(parse(text), []);

describe('markdownFormat on a real-world document', () => {
  const document = parse(GUIDE);
  const texts = document.units.map((_, i) => shown(document, i));

  it('describes itself', () => {
    expect(markdownFormat).toMatchObject({ id: 'markdown', extensions: ['md', 'markdown'], bilingual: false });
  });

  it('keeps block markup, code, HTML blocks and front matter out of the sentences', () => {
    expect(texts).toEqual([
      'Getting started with ⟨*⟩Redline⟨*⟩',
      'Redline is an ⟨**⟩offline⟨**⟩ app for editors.',
      'It reads ⟨`.txt`⟩, ⟨`.md`⟩ and ⟨[⟩XLIFF⟨](https://docs.oasis-open.org/xliff/ "XLIFF spec")⟩ files.',
      'Ещё одна строка: «правка» машинного перевода — это ⟨_⟩искусство⟨_⟩.',
      'Setext heading',
      '⟨**⟩Note:⟨**⟩ Keep a backup.',
      'See the ⟨[⟩FAQ⟨][faq]⟩ first.',
      'Quoted lines continue here.',
      'First item with a ⟨[⟩link⟨](<https://example.com/a b>)⟩.',
      'Second item, ⟨~~⟩struck⟨~~⟩ and ⟨<kbd>⟩Ctrl⟨</kbd>⟩+⟨<kbd>⟩Enter⟨</kbd>⟩.',
      'Nested ordered item.',
      'It has two sentences!',
      'Not a task box here.',
      'A done task.',
      'Term',
      'Перевод',
      '⟨*⟩draft⟨*⟩',
      'черновик',
      'identifier \\| key',
      '⟨![⟩Screenshot of the editor⟨](docs/screen.png "Editor")⟩ Caption text follows the image.',
      'Footnote reference⟨[^1]⟩ and an autolink ⟨<https://redline.example>⟩.',
      'A line with a hard break',
      'and a snake_case_word, 2 * 3 = 6, and a \\*literal\\* star.',
      'The footnote text is translated too.',
    ]);
    expect(document.units.map((u) => u.key)).toEqual(document.units.map((_, i) => String(i + 1)));
    expect(document.units.every((u) => u.source === null)).toBe(true);
  });

  it('numbers blocks as paragraphs: sentences of one paragraph share it, each list item and table row has its own', () => {
    expect(document.units.map((u) => u.paragraph)).toEqual([1, 2, 2, 2, 3, 4, 4, 4, 5, 6, 7, 7, 8, 9, 10, 10, 11, 11, 12, 13, 14, 14, 14, 15]);
  });

  it('numbers the tags of each unit from TAG_BASE', () => {
    expect(document.units[1]!.target).toBe(`Redline is an ${tagChar(0)}offline${tagChar(1)} app for editors.`);
    expect(document.skeleton.tags[1]).toEqual(['**', '**']);
  });

  it('gives the file back byte for byte, also with CRLF line ends, and the skeleton survives JSON', () => {
    expect(markdownFormat.write(document, [])).toBe(GUIDE);
    const crlf = GUIDE.replace(/\n/g, '\r\n');
    expect(untouched(crlf)).toBe(crlf);
    const revived = JSON.parse(JSON.stringify(document)) as ParsedDocument<MarkdownSkeleton>;
    expect(markdownFormat.write(revived, [])).toBe(GUIDE);
  });

  it('puts the markup back around reviewed sentences', () => {
    const out = markdownFormat.write(document, [
      { key: '2', text: `Redline is a ${tagChar(0)}local${tagChar(1)} app for editors.`, status: 'confirmed' },
      { key: '3', text: `It opens ${tagChar(2)}XLIFF${tagChar(3)}, ${tagChar(0)} and ${tagChar(1)} files.`, status: 'edited' },
      { key: '15', text: 'Термин', status: 'edited' },
    ]);
    expect(out).toContain('Redline is a **local** app for editors. It opens [XLIFF](https://docs.oasis-open.org/xliff/ "XLIFF spec"), `.txt` and `.md` files.\n');
    expect(out).toContain('| Термин | Перевод |\n');
    expect(out.replace('Redline is a **local**', 'Redline is an **offline**')).not.toBe(GUIDE); // other edits are there too
  });

  it('drops an emptied sentence with the space before it', () => {
    const out = markdownFormat.write(document, [{ key: '3', text: '', status: 'edited' }]);
    expect(out).toContain('Redline is an **offline** app for editors.\nЕщё');
    const lead = markdownFormat.write(document, [{ key: '6', text: '', status: 'edited' }]);
    expect(lead).toContain('> See the [FAQ][faq] first.\n');
  });

  it('refuses a tag the unit never had, naming the sentence', () => {
    expect(() => markdownFormat.write(document, [{ key: '1', text: `x${tagChar(7)}`, status: 'edited' }])).toThrow(/Sentence 1 has a tag/);
  });
});

describe('markdownFormat on malformed Markdown', () => {
  it('reads unclosed markup as text and an unclosed fence as code to the end, and round-trips', () => {
    const text = fixture('broken.md');
    const document = parse(text);
    expect(document.units.map((_, i) => shown(document, i))).toEqual([
      'Unclosed things',
      'This **bold never closes.',
      // The next line goes on with the paragraph: a sentence opening with a lower-case word is no new sentence.
      'And this [link never ends (either. `unclosed code span and a stray ] bracket.',
    ]);
    expect(markdownFormat.write(document, [])).toBe(text);
  });

  it('keeps private-use characters of the file as tags standing for themselves', () => {
    const text = 'Icon \uE001 here.';
    const document = parse(text);
    expect(document.units[0]!.target).toBe(`Icon ${tagChar(0)} here.`);
    expect(document.skeleton.tags[0]).toEqual(['\uE001']);
    expect(markdownFormat.write(document, [])).toBe(text);
  });
});

describe('markdownFormat details', () => {
  it.each([
    ['an ATX heading with a closing sequence', '## Title ##\n', ['Title']],
    ['a setext heading', 'Title\n=====\n', ['Title']],
    ['nested quotes and lists', '> - item one\n>   > deep quote\n', ['item one', 'deep quote']],
    ['an indented code block after a paragraph', 'Text.\n\n    code here\n', ['Text.']],
    ['a lazy indented line inside a paragraph', 'Text\n    goes on.\n', ['Text goes on.']],
    ['a thematic break', 'One.\n\n* * *\n\nTwo.', ['One.', 'Two.']],
    ['an HTML comment block', '<!-- hidden\ncomment -->\nShown.', ['Shown.']],
    ['a one-line HTML block', '<br/>\n\nText.', ['Text.']],
    ['a reference definition', '[a]: http://x\n\nSee [a].', ['See ⟨[⟩a⟨]⟩.']],
    ['an unknown shortcut reference (text)', 'See [a].', ['See [a].']],
    ['intraword underscores and a spaced star', 'snake_case and 2 * 3.', ['snake_case and 2 * 3.']],
    ['an intraword star', 'un*frigging*believable.', ['un⟨*⟩frigging⟨*⟩believable.']],
    ['a code span with backticks inside', 'Use `` a`b `` now.', ['Use ⟨`` a`b ``⟩ now.']],
    ['an email autolink', 'Mail <a@b.org> now.', ['Mail ⟨<a@b.org>⟩ now.']],
    ['a TOML front matter', '+++\ntitle = "x"\n+++\nBody.', ['Body.']],
    ['a tilde fence', '~~~\nNo.\n~~~\nYes.', ['Yes.']],
    ['a 2022. at the start of a continuation line', 'In the year\n2022. It was.', ['In the year 2022.', 'It was.']],
    ['emphasis across sentences', '*One. Two.* Three.', ['⟨*⟩One.', 'Two.⟨*⟩', 'Three.']],
  ])('handles %s', (_name, text, expected) => {
    const document = parse(text);
    expect(document.units.map((_, i) => shown(document, i))).toEqual(expected);
    expect(markdownFormat.write(document, [])).toBe(text);
  });
});

// --- Generated Markdown -----------------------------------------------------------------------------------

const word = fc.constantFrom('alpha', 'Beta', 'gamma', 'delta', 'Ёлка', 'правка', 'Zürich', 'news', 'report', 'Editor', '42', '2024');
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const span = fc.oneof(
  { arbitrary: words, weight: 4 },
  words.map((w) => `**${w}**`),
  words.map((w) => `*${w}*`),
  words.map((w) => `_${w}_`),
  words.map((w) => `~~${w}~~`),
  words.map((w) => `[${w}](https://example.com/p_a*t*h "Title")`),
  words.map((w) => `[${w}][ref]`),
  words.map((w) => `![${w}](img/a_b.png)`),
  words.map((w) => `<span class="x">${w}</span>`),
  fc.constantFrom('`code_x`', '`` a ` b ``', '<br>', '<https://example.com/x>'),
);
const line = fc
  .array(fc.tuple(span, fc.constantFrom(' ', '. ', '! ', ', ', '? ', ': ')), { minLength: 1, maxLength: 5 })
  .map((parts) => `${parts.map(([a, b]) => a + b).join('').trimEnd()}.`);
const lines = fc.array(line, { minLength: 1, maxLength: 3 });
const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), line, fc.boolean()).map(([n, l, close]) => `${'#'.repeat(n)} ${l}${close ? ' ##' : ''}`),
  lines.map((ls) => ls.join('\n')),
  fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '- [ ] '), line), { minLength: 1, maxLength: 4 }).map((items) => items.map(([m, l]) => m + l).join('\n')),
  lines.map((ls) => ls.map((l) => `> ${l}`).join('\n')),
  // Indented code by 16 spaces: after a list item, 4 would continue the item's text (CommonMark), and after
  // "  - 2024. alpha." (a list in a list) so would 8 and up to 13.
  fc.constantFrom('```js\nCODEWORD = "x. Y";\n```', '~~~\nCODEWORD\n~~~', `${' '.repeat(16)}CODEWORD indented.`, '<div>\nHTMLWORD\n</div>', '<!-- HTMLWORD -->', '***', '---'),
  fc.tuple(words, words, words, words).map(([a, b, c, d]) => `| ${a} | ${b} |\n|---|:--:|\n| **${c}** | ${d} |`),
);
const cleanDocument = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '\n'))
  .map(([blocks, eol, end]) => `${blocks.join('\n\n')}\n\n[ref]: https://example.com/ref${end}`.replace(/\n/g, eol));
/** Markdown-flavoured noise: markup characters in any order. */
const noise = fc.string({ unit: fc.constantFrom(...'*_`[]()!#>-+|~<>\\: .\n\r\tab1'.split(''), 'a_b', '**', '```', '](', '- ', '> ', '# '), maxLength: 80 });

describe('markdownFormat properties', () => {
  it('gives back any text byte for byte, untouched or with every unit sent back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(cleanDocument, noise, anyText), (text) => {
        const document = parse(text);
        expect(markdownFormat.write(document, [])).toBe(text);
        const same = document.units.map((u) => ({ key: u.key, text: u.target, status: 'confirmed' as const }));
        expect(markdownFormat.write(document, same)).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps markup, code and HTML out of the sentences of generated Markdown', () => {
    fc.assert(
      fc.property(cleanDocument, (text) => {
        for (const unit of parse(text).units) {
          const plain = unit.target.replace(/[\uE000-\uEFFF]/g, '');
          expect(plain).not.toMatch(/[*_`[\]#>|~<]|https|CODEWORD|HTMLWORD|img/);
          expect(plain.trim()).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back what it wrote: edited sentences come out of the new file as written, markup intact', () => {
    const mask = (s: string) => s.replace(/\p{Lu}/gu, 'X').replace(/\p{Ll}/gu, 'x');
    fc.assert(
      fc.property(cleanDocument, (text) => {
        const document = parse(text);
        const edited = document.units.map((u) => ({ key: u.key, text: mask(u.target), status: 'edited' as const }));
        const again = parse(markdownFormat.write(document, edited));
        expect(again.units.map((u) => u.target)).toEqual(edited.map((u) => u.text));
        expect(again.skeleton.tags).toEqual(document.skeleton.tags);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownFormat and a run too long for one sentence', () => {
  it('cuts a long unpunctuated run between tags, never through the letters a code span stands in for', () => {
    // The segmenter sees a code span as two letters: a cut at 4,000 falls between them unless it steps back.
    const text = `${'a'.repeat(3_999)}\`code\`${'b'.repeat(3_000)}\n`;
    const document = parse(text);
    expect(document.units.map((_, i) => shown(document, i))).toEqual(['a'.repeat(3_999), `⟨\`code\`⟩${'b'.repeat(3_000)}`]);
    expect(markdownFormat.write(document, [])).toBe(text);
  });

  it('gives back long unpunctuated runs of inline markup, accents, emoji and flags byte for byte', () => {
    const token = fc.constantFrom('a', 'é', 'e\u0301', '👩‍👩‍👧‍👦', '🇫🇷', '`code`', '``x`y``', '**b**', '[l](u)', '<br>', '<kbd>K</kbd>', '![i](p.png)', '<https://x.org>', ' ');
    const run = fc
      .tuple(fc.array(token, { minLength: 1, maxLength: 30 }), fc.nat(40))
      .map(([tokens, lead]) => {
        let line = 'a'.repeat(lead);
        while (line.length < 9_000) line += tokens.join('');
        return `${line}\n`;
      });
    fc.assert(
      fc.property(run, (text) => {
        const document = parse(text);
        expect(markdownFormat.write(document, [])).toBe(text);
        const same = document.units.map((u) => ({ key: u.key, text: u.target, status: 'confirmed' as const }));
        expect(markdownFormat.write(document, same)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('markdownFormat and a byte-order mark', () => {
  it('keeps a BOM as markup so the first heading is still a heading', () => {
    const text = '\uFEFF# Title\n\nBody.';
    const document = parse(text);
    expect(document.units.map((u) => u.target)).toEqual(['Title', 'Body.']);
    expect(markdownFormat.write(document, [])).toBe(text);
  });
});

describe('markdownFormat: what the editor types comes out as text', () => {
  const TABLE = '# Tabelle\n\n| Spalte A | Spalte B |\n|----------|----------|\n| Zelle eins. | Zelle zwei. |\n\nEnde.\n';
  const edited = (text: string, edits: Record<string, string>) => {
    const document = parse(text);
    return markdownFormat.write(
      document,
      Object.entries(edits).map(([key, value]) => ({ key, text: value, status: 'edited' as const })),
    );
  };

  it('keeps a table row’s columns: a typed | is escaped, a line break becomes <br>', () => {
    const document = parse(TABLE);
    expect(document.units.map((u) => u.target)).toEqual(['Tabelle', 'Spalte A', 'Spalte B', 'Zelle eins.', 'Zelle zwei.', 'Ende.']);
    const out = edited(TABLE, { '4': 'Zelle | eins.', '5': 'Zeile\nzwei.' });
    expect(out).toBe('# Tabelle\n\n| Spalte A | Spalte B |\n|----------|----------|\n| Zelle \\| eins. | Zeile<br>zwei. |\n\nEnde.\n');
    const again = parse(out);
    expect(again.units.map((u) => u.target)).toEqual(['Tabelle', 'Spalte A', 'Spalte B', 'Zelle \\| eins.', `Zeile${tagChar(0)}zwei.`, 'Ende.']);
    expect(again.skeleton.tags[4]).toEqual(['<br>']);
  });

  it('keeps a heading one line, its closing hashes text', () => {
    expect(edited(TABLE, { '1': 'Die\r\nTabelle #' })).toMatch(/^# Die<br>Tabelle \\#\n/);
  });

  it('escapes typed emphasis, HTML, code, links and entities, and what would open a block at the start of a line', () => {
    const text = 'Intro.\n\n- Punkt.\n\nEin Satz. Noch einer.\n';
    expect(edited(text, { '1': '# Kein Titel', '2': '1. Keine Liste', '3': 'Ein *neuer* <b>Satz</b> mit `code`, [Link](http://x) und &copy;.' })).toBe(
      '\\# Kein Titel\n\n- 1\\. Keine Liste\n\nEin \\*neuer\\* \\<b>Satz\\</b> mit \\`code\\`, \\[Link](http://x) und \\&copy;. Noch einer.\n',
    );
    // Not at the start of its line, a # or 1. opens nothing.
    expect(edited(text, { '4': '# 1. Noch einer.' })).toContain('Ein Satz. # 1. Noch einer.\n');
    for (const opener of ['> Zitat', '- Liste', '+ Liste', '* Liste', '---', '===', '```js', '<div>', '    Code']) {
      const again = parse(edited(text, { '1': opener }));
      expect(again.skeleton.parts[0], opener).toBe(0); // the file opens with the sentence: no block markup before it
    }
  });

  it('leaves the MT’s own characters as they are, even where the sentence was edited', () => {
    const text = 'Price: 5 * 3 = 15 and a_b_c [sic.\n';
    expect(edited(text, { '1': 'Preis: 5 * 3 = 15 und a_b_c [sic.' })).toBe('Preis: 5 * 3 = 15 und a_b_c [sic.\n');
  });

  it('a backslash typed before markup or a line end does not escape it', () => {
    const text = '| A | B |\n|---|---|\n| x | y |\n\n> Zitat.\n';
    expect(edited(text, { '3': 'x\\', '5': 'Zitat\\' })).toBe('| A | B |\n|---|---|\n| x\\\\ | y |\n\n> Zitat\\\\\n');
  });

  /** Typed text: letters, spaces and every character Markdown may read as markup, but no backslash. */
  const typedText = fc
    .string({ unit: fc.constantFrom(...'ab AB|\n\r*_`[]()!#>-+~<=&;:.1/\t'.split(''), '**', '<b>', '</b>', '&amp;', 'http://x', '```', '---', '1. '), minLength: 1, maxLength: 40 })
    .filter((s) => /^\S/.test(s) && /\S$/.test(s));
  /** What a reader gets from what was written: escapes undone, each <br> the line break it stands for. */
  const read = (written: string) => written.replace(/<br>/g, '\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');

  it('writes any typed cell text so that the row keeps its cells and the cell reads as typed', () => {
    fc.assert(
      fc.property(typedText, (typed) => {
        const out = edited(TABLE, { '4': typed });
        const rows = out.split('\n');
        expect(rows).toHaveLength(TABLE.split('\n').length);
        const again = parse(out);
        // Same units around the cell, the cell's own (it may now be several sentences) all in its row.
        expect(again.units.slice(0, 3).map((u) => u.target)).toEqual(['Tabelle', 'Spalte A', 'Spalte B']);
        expect(again.units.slice(-2).map((u) => u.target)).toEqual(['Zelle zwei.', 'Ende.']);
        const cell = /^\| (.*) \| Zelle zwei\. \|$/.exec(rows[4]!)![1]!;
        expect(cell.replace(/\\\|/g, '')).not.toContain('|');
        expect(read(cell)).toBe(typed.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the MT’s emphasis whatever is typed around and inside it', () => {
    const text = 'Intro.\n\nEin **fetter** Satz.\n';
    fc.assert(
      fc.property(typedText, typedText, typedText, (before, inside, after) => {
        const out = edited(text, { '2': `${before} ${tagChar(0)}${inside}${tagChar(1)} ${after}` });
        const again = parse(out);
        expect(again.skeleton.tags.flat().filter((tag) => tag !== '<br>')).toEqual(['**', '**']);
        expect(read(out.slice('Intro.\n\n'.length, -1))).toBe(`${before} **${inside}** ${after}`.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('writes any typed paragraph sentence as text: no block or inline markup, and it reads as typed', () => {
    const text = 'Intro.\n\nEin Satz.\n';
    fc.assert(
      fc.property(typedText, (typed) => {
        const out = edited(text, { '2': typed });
        const again = parse(out);
        expect(again.units[0]!.target).toBe('Intro.');
        // Nothing but the paragraph: the markup around its sentences is spacing, its tags the line breaks.
        expect(again.skeleton.parts.filter((p): p is string => typeof p === 'string').slice(1).join('')).toMatch(/^\s*$/);
        expect(again.skeleton.tags.flat().every((tag) => tag === '<br>')).toBe(true);
        expect(read(out.slice('Intro.\n\n'.length, -1))).toBe(typed.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('markdownFormat: a paragraph wrapped over several lines', () => {
  const write = (text: string, edits: Record<string, string>) =>
    markdownFormat.write(
      parse(text),
      Object.entries(edits).map(([key, value]) => ({ key, text: value, status: 'edited' as const })),
    );

  it('reads a sentence across a soft line break as one, with markup that spans it as tags', () => {
    const text = 'Some **bold\ntext** here and a [long\nlink](http://x) too.\n';
    const document = parse(text);
    expect(document.units.map((_, i) => shown(document, i))).toEqual(['Some ⟨**⟩bold text⟨**⟩ here and a ⟨[⟩long link⟨](http://x)⟩ too.']);
    expect(markdownFormat.write(document, [])).toBe(text);
    // Markup lost across the break is refused, as on one line.
    expect(() => write(text, { '1': 'Some bold text here and a long link too.' })).toThrow(/^Unit "1": it lost tag 1 \(\*\*\)/);
  });

  it('keeps each line break where the words around it still are, and the container markup of the next line', () => {
    expect(write('This sentence is\nwrapped in the middle.\n', { '1': 'This sentence was\nwrapped in the middle.'.replace('\n', ' ') })).toBe(
      'This sentence was\nwrapped in the middle.\n',
    );
    expect(write('This sentence is\nwrapped in the middle.\n', { '1': 'This sentence is wrapped in the centre.' })).toBe('This sentence is\nwrapped in the centre.\n');
    expect(write('A is here,\nB is there,\nC is far.\n', { '1': 'A was here, B is there, C was far.' })).toBe('A was here,\nB is there,\nC was far.\n');
    // What is typed after a break never opens a block there: the break goes with the word that followed it.
    expect(write('The price is\nfive dollars.\n', { '1': 'The price is - 5 dollars.' })).toBe('The price is - 5 dollars.\n');
    expect(write('The price is\nfive dollars.\n', { '1': 'The price is # 5 dollars.' })).toBe('The price is # 5 dollars.\n');
    expect(write('The answer was\n1 and the other 2.\n', { '1': 'The answer was 1. And the other 2.' })).toBe('The answer was 1. And the other 2.\n');
    expect(write('Total\n= 5\n', { '1': 'Total =' })).toBe('Total =\n');
    // A space typed before a break would make it a hard one (a <br>): the lines are joined instead.
    expect(write('A is here,\nB is there.\n', { '1': 'A is here,   B is there.' })).toBe('A is here,   B is there.\n');
    expect(write('A is here, \nB is there.\n', { '1': 'A is here,  B is there.' })).toBe('A is here,  B is there.\n');
    // The words around a break replaced: its two lines are written as one, which reads the same.
    expect(write('This sentence is\nwrapped in the middle.\n', { '1': 'This line is cut in the middle.' })).toBe('This line is cut in the middle.\n');
    expect(write('> Quoted text goes\n> on here.\n', { '1': 'Quoted words go on here.' })).toBe('> Quoted words go\n> on here.\n');
    expect(write('- An item that\n  wraps here.\n- Next.\n', { '1': 'One item that wraps here.' })).toBe('- One item that\n  wraps here.\n- Next.\n');
    expect(write('Two sentences. The second\nwraps.\n', { '2': 'The second one wraps.' })).toBe('Two sentences. The second one\nwraps.\n');
  });

  it('ends the text at a hard break and at a deeper quote', () => {
    for (const [text, units] of [
      ['Line one  \nline two.\n', ['Line one', 'line two.']],
      ['Line one\t  \nline two.\n', ['Line one', 'line two.']],
      ['Line one\\\nline two.\n', ['Line one\\', 'line two.']],
      ['> Outer\n> > inner.\n', ['Outer', 'inner.']],
    ] as const) {
      const document = parse(text);
      expect(document.units.map((_, i) => shown(document, i))).toEqual(units);
      expect(markdownFormat.write(document, [])).toBe(text);
    }
  });
});
