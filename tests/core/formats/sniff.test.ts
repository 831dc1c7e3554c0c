import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffBytes, sniffText } from '../../../core/formats/sniff';

describe('sniffing a file by its content', () => {
  it('names the format of XLIFF, SDLXLIFF and TMX roots, after declarations, comments and a DOCTYPE', () => {
    expect(sniffText('\uFEFF<?xml version="1.0"?>\n<!-- x --><xliff version="1.2">')).toEqual({ format: 'xliff' });
    expect(sniffText('<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2">')).toEqual({ format: 'sdlxliff' });
    expect(sniffText('<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4">')).toEqual({ format: 'tmx' });
  });

  it('names what an unsupported file looks like, and leaves plain text alone', () => {
    expect(sniffText('<!DOCTYPE html>\n<html><body>x</body></html>')).toEqual({ unsupported: 'an HTML page' });
    expect(sniffText('<html lang="en">')).toEqual({ unsupported: 'an HTML page' });
    expect(sniffText('<?xml version="1.0"?><catalog/>')).toEqual({ unsupported: 'an XML file (root element <catalog>)' });
    expect(sniffText('{\\rtf1\\ansi Hello}')).toEqual({ unsupported: 'an RTF document' });
    expect(sniffText('<unk> tokens in an MT output. Another sentence.')).toBeNull();
    expect(sniffText('The situation remains tense.')).toBeNull();
    expect(sniffText('<?xml unclosed')).toBeNull();
  });

  it('tells a Word document from other ZIP packages by their parts, and knows common binary signatures', () => {
    const zip = (names: string[]) => zipSync(Object.fromEntries(names.map((n) => [n, strToU8('<x/>')])));
    expect(sniffBytes(zip(['[Content_Types].xml', 'word/document.xml']))).toEqual({ format: 'docx' });
    expect(sniffBytes(zip(['[Content_Types].xml', 'xl/workbook.xml']))).toEqual({ unsupported: 'an Excel workbook' });
    expect(sniffBytes(zip(['a.txt']))).toEqual({ unsupported: 'a ZIP archive' });
    expect(sniffBytes(strToU8('%PDF-1.7\n'))).toEqual({ unsupported: 'a PDF document' });
    expect(sniffBytes(strToU8('Plain text.'))).toBeNull();
  });
});
