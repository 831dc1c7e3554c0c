import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  detectAndDecode,
  encode,
  encodeXml,
  normalizeEncoding,
  pickCyrillicEncoding,
} from '../../services/encoding';
import { badInput, thrown } from '../support/thrown';

/** Fixtures written by Python's codecs (not iconv-lite), each beside its UTF-8 original. */
const fixture = (file: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../core/formats/fixtures/encoding/${file}`, import.meta.url)));
const original = (file: string): string => fixture(file.replace(/\.txt$/, '.utf8.txt')).toString('utf8');

const bytes = (...values: number[]) => Uint8Array.from(values);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('detectAndDecode: Unicode', () => {
  it('reads UTF-8 without a BOM', () => {
    const text = 'Алматы — «тревога».\nWhat’s next? 😀\n';
    expect(detectAndDecode(Buffer.from(text), 'a.txt')).toEqual({ text, encoding: 'utf-8', bom: false, lineEnding: 'lf', confidence: 1 });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(detectAndDecode(Buffer.from('Hello.\r\nWorld.'), 'a.txt')).toMatchObject({ text: 'Hello.\r\nWorld.', encoding: 'utf-8', bom: false, lineEnding: 'crlf' });
  });

  it('strips a UTF-8 BOM once and reports it', () => {
    const result = detectAndDecode(concat(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), Buffer.from('Hi.')), 'a.txt');
    expect(result).toMatchObject({ text: '\uFEFFHi.', encoding: 'utf-8', bom: true, confidence: 1 });
  });

  it.each([
    ['utf-16le', bytes(0xff, 0xfe)],
    ['utf-16be', bytes(0xfe, 0xff)],
  ])('reads %s with its BOM, astral characters included', (encoding, bom) => {
    const text = 'Привет, 世界! 😀\r\nZweite Zeile.';
    const body = iconv.encode(text, encoding);
    expect(detectAndDecode(concat(bom, body), 'a.txt')).toEqual({ text, encoding, bom: true, lineEnding: 'crlf', confidence: 1 });
  });

  it('refuses UTF-16 cut in half a character', () => {
    expect(thrown(() => detectAndDecode(bytes(0xff, 0xfe, 0x41, 0x00, 0x42), 'odd.txt'))).toMatchObject({ code: 'bad_input', message: expect.stringMatching(/odd\.txt .*half a character/) });
  });
});

describe('detectAndDecode: legacy encodings', () => {
  it.each([
    ['ru-windows-1251.txt', 'windows-1251', 'crlf'],
    ['ru-koi8-r.txt', 'koi8-r', 'lf'],
    ['de-windows-1252.txt', 'windows-1252', 'lf'],
  ])('detects and decodes %s', (file, encoding, lineEnding) => {
    const result = detectAndDecode(fixture(file), file);
    expect(result).toMatchObject({ text: original(file), encoding, bom: false, lineEnding });
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    expect(result.confidence).toBeLessThan(1);
    // …and saves back to the very same bytes.
    expect(Buffer.from(encode(result.text, result.encoding, result.bom)).equals(fixture(file))).toBe(true);
  });

  it.each([
    'Привет, мир!',
    'Да.',
    'Ёлка',
    'Москва',
    'МОСКВА — СТОЛИЦА РОССИИ',
    'ООО «Ромашка», г. Тверь',
    'Счёт №17 от 3 января.',
    'Он сказал: "Нет".',
  ])('tells Windows-1251 from KOI8-R in a short text: %s', (text) => {
    for (const encoding of ['windows-1251', 'koi8-r']) {
      const encoded = iconv.encode(text, encoding);
      if (iconv.decode(encoded, encoding) !== text) continue; // « » — № are not in KOI8-R
      expect(detectAndDecode(encoded, 'short.txt')).toMatchObject({ text, encoding });
    }
  });

  it.each(['Grüße', 'café', 'Ça va ?', 'Die Straße führt über die Brücke.', 'À bientôt, où êtes-vous ?'])(
    'keeps Western text out of the Cyrillic encodings: %s',
    (text) => {
      expect(detectAndDecode(iconv.encode(text, 'windows-1252'), 'w.txt')).toMatchObject({ text, encoding: 'windows-1252' });
    },
  );

  it('reads bytes windows-1252 leaves undefined as ISO-8859-1, so they survive a save', () => {
    const input = concat(Buffer.from('Caf'), bytes(0xe9, 0x81, 0x20, 0x9d), Buffer.from(' ok'));
    const result = detectAndDecode(input, 'l1.txt');
    expect(result.encoding).toBe('iso-8859-1');
    expect(result.text).toBe('Café\u0081 \u009d ok');
    expect(encode(result.text, result.encoding, false)).toEqual(input);
  });

  it('takes another encoding jschardet is sure of (Shift_JIS)', () => {
    const text = 'これは日本語のテキストです。文字コードの検出をテストします。';
    const result = detectAndDecode(iconv.encode(text, 'shift_jis'), 'ja.txt');
    expect(result.text).toBe(text);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('reads a few lines of Big5 or GBK as Chinese, where jschardet is less sure of them', () => {
    for (const [text, encoding] of [
      ['台北是台灣的首都。我們明天去看看。\n', 'big5'],
      ['这是一个测试。第二句话。\n\n第三段。\n', 'gbk'],
    ] as const) {
      const result = detectAndDecode(iconv.encode(text, encoding), 'zh.txt');
      expect(result.text).toBe(text);
      expect(result.encoding).toMatch(encoding === 'big5' ? /^big5$/ : /^gb/);
    }
    // Short Russian of even-length words reads as valid Big5 and GBK too (two Cyrillic bytes make a Han
    // character), without their punctuation: still Russian.
    for (const russian of ['Привет, мир. Как дела?\n', 'на не он люди цены России.', 'власти Токаев заявил люди на.']) {
      for (const encoding of ['windows-1251', 'koi8-r']) {
        expect(detectAndDecode(iconv.encode(russian, encoding), 'ru.txt')).toMatchObject({ text: russian, encoding });
      }
    }
  });

  it('detects Russian prose in either Cyrillic encoding, for any choice of words', () => {
    const words = fc.constantFrom(
      ...'в на и не что он Президент правительство заявил сегодня утром город Алматы ночью люди площадь власти интернет цены газ министр Токаев Жанаозен новости России'.split(' '),
    );
    const sentence = fc.array(words, { minLength: 3, maxLength: 12 }).map((w) => `${w.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom('windows-1251', 'koi8-r'), (sentences, encoding) => {
        const text = sentences.join(' ');
        expect(detectAndDecode(iconv.encode(text, encoding), 'p.txt')).toMatchObject({ text, encoding });
      }),
      { numRuns: 300 },
    );
  });

  it('reads Russian with the signs of windows-1251 (€ № § © ™ ±) as windows-1251, not as the Mac Cyrillic letters at those bytes', () => {
    const words = fc.constantFrom(...'Цена цены 5 € 10 € № 3 § 2 © ™ ±1 скидкой на газ Токаев заявил сегодня'.split(' '));
    const sentence = fc.array(words, { minLength: 2, maxLength: 8 }).map((w) => `${w.join(' ')}.`);
    expect(detectAndDecode(iconv.encode('Цена: 5 €.\r\nЦена со скидкой: 4 €.\r\n', 'windows-1251'), 'p.txt').encoding).toBe('windows-1251');
    // The rarer Cyrillic encodings still win a sentence written in them.
    const prose = 'Президент Токаев заявил сегодня утром, что правительство ушло в отставку. Цены на газ выросли вдвое.\n';
    for (const rare of ['maccyrillic', 'ibm866', 'iso-8859-5']) expect(detectAndDecode(iconv.encode(prose, rare), 'p.txt')).toMatchObject({ text: prose, encoding: rare });
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), (sentences) => {
        const text = sentences.join(' ');
        fc.pre(/[А-Яа-я]{2}/u.test(text));
        expect(detectAndDecode(iconv.encode(text, 'windows-1251'), 'p.txt')).toMatchObject({ text, encoding: 'windows-1251' });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the Russian model', () => {
  it('chooses between candidate encodings with a confidence in (0.5, 0.99]', () => {
    const result = pickCyrillicEncoding(iconv.encode('Правительство ушло в отставку.', 'koi8-r'), ['windows-1251', 'koi8-r']);
    expect(result.encoding).toBe('koi8-r');
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(0.99);
  });
});

describe('detectAndDecode: UTF-16 without a byte-order mark', () => {
  it.each([
    ['utf-16le', 'Hello, world.'],
    ['utf-16be', 'Hello, world.'],
    ['utf-16le', 'Ситуация в Казахстане остаётся напряжённой.'],
  ])('reads %s text by the column its NUL bytes fall in: %s', (encoding, text) => {
    const bytes = encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
    expect(detectAndDecode(bytes, 'x.txt')).toMatchObject({ text, encoding, bom: false });
  });

  const utf16 = (text: string, encoding: string) => (encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16());

  it.each([
    ['utf-16le', '这是中文。另一个句子。这是中文。另一个句子。这是中文。另一个句子。\n'],
    ['utf-16be', '这是中文。另一个句子。这是中文。另一个句子。这是中文。另一个句子。\n'],
    ['utf-16le', '这是中文。你好世界。'],
    ['utf-16be', '日本語のテキストです。カタカナも読めます。'],
    ['utf-16le', '版本 2.0 发布了，欢迎使用 Redline！'],
  ])('reads %s CJK text, which has too few NUL bytes for a pattern, by how it reads: %s', (encoding, text) => {
    expect(detectAndDecode(utf16(text, encoding), 'zh.txt')).toMatchObject({ text, encoding, bom: false });
  });

  it('reads Chinese prose as UTF-16 without a mark, for any choice of words and either byte order', () => {
    const words = fc.constantFrom(...'我们 今天 政府 发布 新的 经济 政策 城市 人民 记者 报道 中国 世界 发展 问题 研究 表示 一个 已经 可以'.split(' '));
    const sentence = fc.array(words, { minLength: 2, maxLength: 10 }).map((w) => `${w.join('')}。`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom('utf-16le', 'utf-16be'), (sentences, encoding) => {
        const text = sentences.join('');
        const input = utf16(text, encoding);
        // '政策政策。' is 3F 65 56 7B … 02 30: valid UTF-8 with one control code, read as such.
        fc.pre(input.some((b) => b >= 0x80));
        expect(detectAndDecode(input, 'zh.txt')).toMatchObject({ text, encoding });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['one NUL in a short CSV', 'Source,Target\nHello\0World,Hallo\n'],
    ['two NULs in one column of a short text', 'Hello\0world\0'],
    ['a few NULs in one column of a longer text', 'The quick brown\0fox jumps over\0the lazy dog, again\0and again.\n'],
  ])('refuses ASCII with %s as binary, not as CJK-looking UTF-16', (_name, ascii) => {
    const input = Buffer.from(ascii, 'latin1');
    expect(input.length % 2).toBe(0);
    const message = thrown(() => detectAndDecode(input, 'nul.csv')).message;
    expect(message).toMatch(/^nul\.csv contains binary data/);
    expect(message).not.toMatch(/utf-16/);
  });

  it('says --encoding utf-16le may help when the bytes read as UTF-16 of no clear script', () => {
    const input = Buffer.from('\u4e2d\u3400\u3401\u0a74\u6587', 'utf16le');
    expect(thrown(() => detectAndDecode(input, 'zh.txt'))).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^zh\.txt contains binary data.*--encoding utf-16le \(or utf-16be\)/),
    });
  });
});

describe('detectAndDecode: UTF-8 with damage', () => {
  const withByte = (before: string, byte: number, after: string) => Buffer.concat([Buffer.from(before), Buffer.from([byte]), Buffer.from(after)]);

  it.each([
    ['Russian', 'Привет, мир. Это тест кодировки.\nВторая строка ', ' здесь.\n', 2, 15],
    ['German', 'Grüße aus Köln. Schöne Straße.\nZweite Zeile ', ' hier.\n', 2, 14],
    ['CRLF text, an emoji counted as one character', 'Erste Zeile.\r\nZweite: äöü 😀', 'ß\r\n', 2, 14],
  ])('refuses %s UTF-8 with one invalid byte, naming where it is', (_name, before, after, line, column) => {
    const error = thrown(() => detectAndDecode(withByte(before, 0xff, after), 'u.txt'));
    expect(error.code).toBe('bad_input');
    expect(error.message).toContain(`u.txt reads as UTF-8 but has an invalid byte (0xFF) at line ${line}, column ${column}`);
    expect(error.message).toMatch(/--encoding/);
  });

  it('still reads the damaged file under a forced encoding', () => {
    const input = withByte('Grüße ', 0xff, '');
    expect(detectAndDecode(input, 'u.txt', 'windows-1252')).toMatchObject({ text: 'GrÃ¼ÃŸe ÿ', encoding: 'windows-1252' });
  });

  it('keeps Russian prose with ё (whose KOI8-R byte can pair into valid UTF-8) in its legacy encoding', () => {
    const words = fc.constantFrom(...'её всё ещё моё твоё своё Пётр объём жёлтый ёлка в на и не что он сказал сегодня город люди новости'.split(' '));
    const sentence = fc.array(words, { minLength: 3, maxLength: 12 }).map((w) => `${w.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom('windows-1251', 'koi8-r'), (sentences, encoding) => {
        const text = sentences.join(' ');
        expect(detectAndDecode(iconv.encode(text, encoding), 'p.txt').text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectAndDecode: binary data and forced encodings', () => {
  it.each([
    ['a NUL byte in text', Buffer.from('Hello\0world.')],
    ['NULs in both columns of the byte pairs', Buffer.from('Hello\0\0world, this is a\0 longer line\0.')],
    ['a PNG header', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d)],
    ['control codes without NULs', bytes(0x01, 0x02, 0x03, 0x41, 0x04, 0x05, 0x06, 0x07)],
    ['UTF-16 text holding NULs', concat(bytes(0xff, 0xfe), Buffer.from('a\0b', 'utf16le'))],
  ])('refuses %s as binary', (_name, input) => {
    expect(thrown(() => detectAndDecode(input, 'photo.txt'))).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^photo\.txt contains binary data/),
    });
  });

  it('refuses binary data under a forced encoding too', () => {
    expect(thrown(() => detectAndDecode(Buffer.from('a\0b'), 'x.bin', 'windows-1251')).message).toMatch(/x\.bin contains binary data/);
  });

  it('lets a forced encoding override detection', () => {
    const input = fixture('ru-windows-1251.txt');
    const forced = detectAndDecode(input, 'ru.txt', 'KOI8-R');
    expect(forced).toMatchObject({ encoding: 'koi8-r', bom: false, confidence: 1 });
    expect(forced.text).toBe(iconv.decode(input, 'koi8-r'));
    expect(detectAndDecode(input, 'ru.txt', 'cp1251').text).toBe(original('ru-windows-1251.txt'));
    expect(detectAndDecode(Buffer.from('caf\xc3\xa9', 'latin1'), 'a.txt', 'latin1')).toMatchObject({ text: 'cafÃ©', encoding: 'iso-8859-1' });
  });

  it('refuses a forced encoding that the file’s byte-order mark or XML declaration contradicts', () => {
    const xliff = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file><body><trans-unit id="1"><source>Präsident</source></trans-unit></body></file></xliff>\n');
    expect(thrown(() => detectAndDecode(xliff, 'a.xlf', 'windows-1251'))).toMatchObject({
      code: 'bad_input',
      message:
        'a.xlf declares its encoding as UTF-8 in its XML declaration: read as windows-1251, its text would be garbled ' +
        'and the file written back would not be valid. Leave the encoding to detection.',
    });
    expect(thrown(() => detectAndDecode(concat(bytes(0xef, 0xbb, 0xbf), Buffer.from('Hi')), 'a.txt', 'koi8-r')).message).toMatch(
      /^a\.txt starts with a byte-order mark of UTF-8: read as koi8-r/,
    );
    // The encoding the file names, another name of it, or what detection reads it as: read so.
    expect(detectAndDecode(xliff, 'a.xlf', 'utf8').text).toContain('Präsident');
    const legacy = iconv.encode('<?xml version="1.0" encoding="windows-1251"?>\n<a>Привет</a>\n', 'windows-1251');
    expect(detectAndDecode(legacy, 'a.xml', 'cp1251').text).toContain('Привет');
    // Windows-1252 under an ISO-8859-1 label, the commonest mislabelling: the superset may be chosen.
    const latin = iconv.encode('<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>“5 €”</a>\n', 'windows-1252');
    expect(detectAndDecode(latin, 'a.xml', 'windows-1252').text).toContain('“5 €”');
    // A UTF-8 file under a legacy declaration kept from a template is UTF-8, as detection says.
    const mislabelled = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>Привет</a>\n');
    expect(detectAndDecode(mislabelled, 'a.xml').encoding).toBe('utf-8');
    expect(detectAndDecode(mislabelled, 'a.xml', 'utf-8').text).toContain('Привет');
  });

  it('reads a forced Unicode encoding with or without its BOM', () => {
    expect(detectAndDecode(concat(bytes(0xef, 0xbb, 0xbf), Buffer.from('é')), 'a.txt', 'utf8')).toMatchObject({ text: 'é', bom: true });
    expect(detectAndDecode(Buffer.from('é'), 'a.txt', 'UTF-8')).toMatchObject({ text: 'é', bom: false });
    expect(detectAndDecode(concat(bytes(0xfe, 0xff), iconv.encode('Hi', 'utf-16be')), 'a.txt', 'utf-16')).toMatchObject({ text: 'Hi', encoding: 'utf-16be', bom: true });
    expect(detectAndDecode(iconv.encode('Hi', 'utf-16le'), 'a.txt', 'utf-16le')).toMatchObject({ text: 'Hi', encoding: 'utf-16le', bom: false });
  });

  it('refuses invalid bytes under forced UTF-8', () => {
    expect(thrown(() => detectAndDecode(bytes(0x63, 0xe9), 'l.txt', 'utf-8'))).toMatchObject({ code: 'bad_input', message: 'l.txt is not valid UTF-8 text.' });
  });

  it('refuses bytes a forced encoding does not read, rather than importing U+FFFD that the export would write', () => {
    const utf8 = Buffer.from('Привет, мир.\n');
    expect(thrown(() => detectAndDecode(utf8, 'news.txt', 'utf-32'))).toMatchObject({
      code: 'bad_input',
      message: 'news.txt does not read as UTF-32 text: its bytes at offset 0 (D0 9F D1 80) would not be written back as they are. Choose another encoding, or let Redline detect it.',
    });
    for (const encoding of ['ascii', 'shift_jis', 'utf-32be']) {
      expect(thrown(() => detectAndDecode(utf8, 'news.txt', encoding)).message).toMatch(/^news\.txt does not read as .* text: its bytes at offset \d+/);
    }
    // What the encoding does read is read as before.
    expect(detectAndDecode(iconv.encode('日本語の文。', 'shift_jis'), 'ja.txt', 'shift_jis').text).toBe('日本語の文。');
  });

  it('refuses half a UTF-16 surrogate pair, with or without a byte-order mark', () => {
    const lone = concat(bytes(0xff, 0xfe), Buffer.from('a', 'utf16le'), bytes(0x00, 0xd8), Buffer.from('b', 'utf16le'));
    expect(thrown(() => detectAndDecode(lone, 'u16.txt')).message).toBe(
      'u16.txt does not read as UTF-16LE text: its bytes at offset 4 (00 D8 62 00) are half of a character (a lone surrogate). Choose another encoding, or let Redline detect it.',
    );
    expect(thrown(() => detectAndDecode(lone.subarray(2), 'u16.txt', 'utf-16le')).message).toMatch(/offset 2 \(00 D8 62 00\) are half/);
    // A low half first, and a high half at the very end.
    expect(thrown(() => detectAndDecode(bytes(0xff, 0xfe, 0x00, 0xdc, 0x61, 0x00), 'u16.txt')).message).toMatch(/offset 2 \(00 DC 61 00\)/);
    expect(thrown(() => detectAndDecode(bytes(0xfe, 0xff, 0x00, 0x61, 0xd8, 0x00), 'u16.txt')).message).toMatch(/UTF-16BE .*offset 4 \(D8 00\)/);
    // A whole pair is a character.
    expect(detectAndDecode(concat(bytes(0xff, 0xfe), Buffer.from('a😀', 'utf16le')), 'u16.txt').text).toBe('a😀');
  });

  it('refuses byte-to-text conversions that are not character encodings', () => {
    for (const name of ['base64', 'hex', 'Base64']) {
      expect(thrown(() => detectAndDecode(Buffer.from('Hi.'), 'a.txt', name))).toMatchObject({ code: 'bad_input', message: `“${name}” is not a character encoding of text.` });
    }
  });

  it('names an unknown forced encoding', () => {
    expect(thrown(() => detectAndDecode(Buffer.from('x'), 'a.txt', 'klingon-8'))).toMatchObject({
      code: 'bad_input',
      message: 'Unknown character encoding “klingon-8”.',
    });
    expect(() => normalizeEncoding('')).toThrow(/Unknown character encoding/);
  });

  it('decodes no bytes as empty UTF-8 text', () => {
    expect(detectAndDecode(bytes(), 'empty.txt')).toEqual({ text: '', encoding: 'utf-8', bom: false, lineEnding: 'none', confidence: 1 });
  });
});


describe('encode', () => {
  it('writes the BOM of a Unicode encoding when asked, and none for legacy encodings', () => {
    expect(encode('é', 'utf-8', true)).toEqual(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9));
    expect(encode('é', 'utf-8', false)).toEqual(bytes(0xc3, 0xa9));
    expect(encode('A', 'utf-16le', true)).toEqual(bytes(0xff, 0xfe, 0x41, 0x00));
    expect(encode('A', 'utf-16be', true)).toEqual(bytes(0xfe, 0xff, 0x00, 0x41));
    expect(encode('Я', 'windows-1251', true)).toEqual(bytes(0xdf));
    expect(encode('Я', 'koi8-r', false)).toEqual(bytes(0xf1));
  });

  it('returns a plain Uint8Array', () => {
    expect(Object.getPrototypeOf(encode('x', 'utf-8', false))).toBe(Uint8Array.prototype);
  });

  it('refuses characters the encoding cannot hold instead of writing “?”', () => {
    expect(thrown(() => encode('Цена:\n10 €, «скидка» — 5 %', 'koi8-r', false))).toMatchObject({
      code: 'bad_input',
      message: 'koi8-r cannot hold “€” (U+20AC, line 2, column 4); save as UTF-8 instead.',
    });
    expect(() => encode('Привет', 'windows-1252', false)).toThrow(/windows-1252 cannot hold “П”/);
    expect(() => encode('\ud800', 'utf-8', false)).toThrow(/utf-8 cannot hold/);
  });

  it('names an unknown encoding', () => {
    expect(() => encode('x', 'nope', false)).toThrow('Unknown character encoding “nope”.');
  });
});

/** Every character an 8-bit encoding can hold, but NUL-like control codes (binary detection refuses those). */
function repertoire(encoding: string): string[] {
  const chars = new Set<string>(['\t', '\n', '\r']);
  for (let b = 0x20; b <= 0xff; b++) {
    const ch = iconv.decode(Buffer.from([b]), encoding);
    if (ch !== '\ufffd') chars.add(ch);
  }
  return [...chars];
}

describe('detectAndDecode: any Unicode text', () => {
  // Without the control codes binary detection refuses, and without a leading U+FEFF (read as a BOM).
  const isOddControl = (c: number) => c < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(c);
  const anyText = fc
    .string({ unit: fc.oneof(fc.constant('binary' as const), fc.constant('grapheme' as const)).chain((unit) => fc.string({ unit, maxLength: 4 })), maxLength: 40 })
    .filter((t) => !t.startsWith('\uFEFF') && ![...t].some((ch) => isOddControl(ch.codePointAt(0)!)));

  it('detects any text written as UTF-8 as UTF-8 and decodes it back exactly', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        expect(detectAndDecode(Buffer.from(t, 'utf8'), 'x.txt')).toMatchObject({ text: t, encoding: 'utf-8', bom: false, confidence: 1 });
      }),
      { numRuns: 1000 },
    );
  });

  it.each(['utf-16le', 'utf-16be'])('reads any text written as %s with its BOM back exactly', (encoding) => {
    fc.assert(
      fc.property(anyText, (t) => {
        const encoded = encode(t, encoding, true);
        expect(detectAndDecode(encoded, 'x.txt')).toMatchObject({ text: t, encoding, bom: true, confidence: 1 });
      }),
      { numRuns: 500 },
    );
  });
});

describe('detectAndDecode: the encoding an XML declaration names', () => {
  const declaring = (encoding: string, body: string): string => `<?xml version="1.0" encoding="${encoding}"?>\n<t>${body}</t>`;

  it.each([
    ['ISO-8859-15', 'iso-8859-15', '5 € pour ma sœur, Œdipe'],
    ['ISO-8859-1', 'iso-8859-1', 'Menu du café à côté'],
    ['windows-1252', 'windows-1252', '« Café » – déjà'],
    ['ISO-8859-2', 'iso-8859-2', 'Żółć gęślą jaźń'],
    ['Shift_JIS', 'shift_jis', 'こんにちは'],
  ])('reads %s as it says, with full confidence', (declared, encoding, body) => {
    const text = declaring(declared, body);
    expect(detectAndDecode(iconv.encode(text, encoding), 'a.xlf')).toMatchObject({ text, encoding, bom: false, confidence: 1 });
  });

  it('reads ISO-8859-1 as XML readers do, not as windows-1252: 0x80 and 0x96 are control characters', () => {
    const file = concat(Buffer.from(declaring('ISO-8859-1', 'a')), bytes(0x80, 0x96, 0xe9));
    expect(detectAndDecode(file, 'a.xlf')).toMatchObject({ text: `${declaring('ISO-8859-1', 'a')}\u0080\u0096é`, encoding: 'iso-8859-1' });
  });

  it('keeps the encoding named for an ASCII file, so what is typed later is written in it', () => {
    const text = declaring('windows-1252', 'Plain');
    expect(detectAndDecode(Buffer.from(text), 'a.xlf')).toMatchObject({ text, encoding: 'windows-1252', confidence: 1 });
  });

  it('reads UTF-8 under a legacy name as UTF-8, and a name the bytes do not fit by detection', () => {
    const mislabelled = declaring('ISO-8859-1', 'Menu du café');
    expect(detectAndDecode(Buffer.from(mislabelled), 'a.xlf')).toMatchObject({ text: mislabelled, encoding: 'utf-8' });
    // 0x81 is undefined in windows-1252.
    const undefinedByte = concat(Buffer.from(declaring('windows-1252', 'caf')), bytes(0xe9, 0x81));
    expect(detectAndDecode(undefinedByte, 'a.xlf').encoding).toBe('iso-8859-1');
    const utf16InAscii = declaring('UTF-16', 'Plain');
    expect(detectAndDecode(Buffer.from(utf16InAscii), 'a.xlf')).toMatchObject({ text: utf16InAscii, encoding: 'utf-8' });
    expect(detectAndDecode(Buffer.from(declaring('x-unheard-of', 'Plain')), 'a.xlf').encoding).toBe('utf-8');
  });

  it('refuses an encoding asked for that the declaration contradicts, and gives way to a byte-order mark', () => {
    const text = declaring('ISO-8859-15', '5 €');
    expect(thrown(() => detectAndDecode(iconv.encode(text, 'iso-8859-15'), 'a.xlf', 'windows-1252')).message).toMatch(
      /^a\.xlf declares its encoding as ISO-8859-15 in its XML declaration: read as windows-1252/,
    );
    expect(detectAndDecode(concat(bytes(0xef, 0xbb, 0xbf), Buffer.from(text)), 'a.xlf')).toMatchObject({ text, encoding: 'utf-8' });
  });
});

describe('encodeXml', () => {
  const xml = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<t a="– é">Café – 5 € 😀</t>';

  it('writes what the encoding lacks as character references, and the rest in the encoding', () => {
    const encoded = Buffer.from(encodeXml(xml, 'iso-8859-1', false));
    expect(encoded.toString('latin1')).toBe('<?xml version="1.0" encoding="ISO-8859-1"?>\n<t a="&#8211; \xe9">Caf\xe9 &#8211; 5 &#8364; &#128512;</t>');
  });

  it('writes a text the encoding holds exactly as encode does, byte-order mark included', () => {
    expect(encodeXml(xml, 'utf-16le', true)).toEqual(encode(xml, 'utf-16le', true));
    expect(encodeXml('<t>Café</t>', 'windows-1252', false)).toEqual(encode('<t>Café</t>', 'windows-1252', false));
  });

  it('refuses a character the encoding lacks inside markup, where no reference may stand', () => {
    expect(badInput(() => encodeXml('<t>ok<!-- – --></t>', 'iso-8859-1', false))).toBe(
      'iso-8859-1 cannot hold “–” (U+2013, line 1, column 11); save as UTF-8 instead.',
    );
  });
});

describe('detectAndDecode: any bytes', () => {
  it('decodes them or refuses them with bad_input, never failing otherwise', () => {
    const chunk = fc.oneof(fc.uint8Array({ maxLength: 8 }), fc.constantFrom(bytes(0), bytes(0xff), bytes(0x02, 0x30), Buffer.from('Привет'), Buffer.from('中文', 'utf16le')));
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), (parts) => {
        try {
          expect(typeof detectAndDecode(concat(...parts), 'x.txt').text).toBe('string');
        } catch (error) {
          expect(error).toMatchObject({ name: 'RedlineError', code: 'bad_input' });
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('encode ∘ decode round trip', () => {
  it.each(['windows-1251', 'koi8-r', 'windows-1252', 'iso-8859-1'])('keeps any %s text and its bytes', (encoding) => {
    const text = fc.string({ unit: fc.constantFrom(...repertoire(encoding)), maxLength: 200 });
    fc.assert(
      fc.property(text, (t) => {
        const encoded = encode(t, encoding, false);
        const decoded = detectAndDecode(encoded, 'x.txt', encoding);
        expect(decoded.text).toBe(t);
        expect(encode(decoded.text, decoded.encoding, decoded.bom)).toEqual(encoded);
      }),
      { numRuns: 300 },
    );
  });

  it.each(['utf-8', 'utf-16le', 'utf-16be'])('keeps any %s text (BOM detected, not forced)', (encoding) => {
    // Without the control codes binary detection refuses (all but tab, line breaks, form feed and escape).
    const isOddControl = (c: number) => c < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(c);
    const text = fc.string({ unit: 'grapheme', maxLength: 80 }).filter((t) => ![...t].some((ch) => isOddControl(ch.charCodeAt(0))));
    fc.assert(
      fc.property(text, fc.boolean(), (t, bom) => {
        const encoded = encode(t, encoding, bom || encoding !== 'utf-8');
        const decoded = detectAndDecode(encoded, 'x.txt');
        expect(decoded).toMatchObject({ text: t, encoding });
        expect(encode(decoded.text, decoded.encoding, decoded.bom)).toEqual(encoded);
      }),
      { numRuns: 300 },
    );
  });
});
