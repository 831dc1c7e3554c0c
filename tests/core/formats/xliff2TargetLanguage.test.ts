import { describe, expect, it } from 'vitest';
import { xliffFormat } from '../../../core/formats/xliff';
import { badInput } from '../../support/thrown';

// XLIFF 2 requires trgLang on <xliff> once the document has a <target>: a file without one gets it from the
// document's target language when Redline writes a target into it, or the export is refused.

const NO_TRGLANG =
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">\n' +
  '  <file id="f1">\n    <unit id="u1"><segment><source>Hello world.</source></segment></unit>\n' +
  '    <unit id="u2"><segment><source>Bye.</source></segment></unit>\n  </file>\n</xliff>\n';
const document = xliffFormat.parse(NO_TRGLANG, 'notrg.xlf');
const hello = [{ key: 'u1', text: 'Hallo Welt.', status: 'edited' as const }];

describe('XLIFF 2 without trgLang', () => {
  it('gets trgLang, the document’s target language, with the first <target> Redline writes', () => {
    const out = xliffFormat.write(document, hello, { targetLanguage: 'de' });
    expect(out).toBe(
      NO_TRGLANG.replace('srcLang="en">', 'srcLang="en" trgLang="de">').replace(
        '<segment><source>Hello world.</source></segment>',
        '<segment state="initial" subState="redline:edited"><source>Hello world.</source><target>Hallo Welt.</target></segment>',
      ),
    );
    expect(xliffFormat.parse(out, 'notrg.xlf').units[0]?.target).toBe('Hallo Welt.');
  });

  it('without a target language chosen, refuses the export naming the segment and how to choose one', () => {
    for (const context of [undefined, {}, { targetLanguage: null }, { targetLanguage: ' ' }]) {
      expect(badInput(() => xliffFormat.write(document, hello, context))).toBe(
        'Segment "u1" needs a <target>, and XLIFF 2 allows one only in a file that names its target language (trgLang on ' +
          '<xliff>), which this file does not: choose the document’s target language (Target, in the Checks panel’s ' +
          'languages) and export again, or export as CSV.',
      );
    }
  });

  it('writes an untouched file, or one whose targets stay unwritten, as it was', () => {
    expect(xliffFormat.write(document, [])).toBe(NO_TRGLANG);
    expect(xliffFormat.write(document, [{ key: 'u1', text: '', status: 'not_started' }], { targetLanguage: 'de' })).toBe(NO_TRGLANG);
  });

  it('leaves a file that has trgLang alone', () => {
    const withLang = NO_TRGLANG.replace('srcLang="en">', 'srcLang="en" trgLang="fr">');
    const out = xliffFormat.write(xliffFormat.parse(withLang, 'fr.xlf'), hello, { targetLanguage: 'de' });
    expect(out).toContain('srcLang="en" trgLang="fr">');
    expect(out).toContain('<target>Hallo Welt.</target>');
  });
});
