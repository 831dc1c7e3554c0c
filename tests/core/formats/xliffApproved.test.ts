import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewedUnit } from '../../../core/formats/types';
import { sdlxliffFormat, xliffFormat } from '../../../core/formats/xliff';
import { onlyChange } from '../../support/onlyChange';

// XLIFF 1.2's approved="yes" on a <trans-unit>: read as approval, and never left standing on a unit the review
// moved away from approved (Weblate and the Translate Toolkit read approval from it alone).

const xliff12 = (units: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
  `<file original="ui" source-language="en" target-language="de" datatype="plaintext"><body>\n${units}\n</body></file>\n</xliff>\n`;

const TEXT = xliff12(
  [
    '<trans-unit id="1" approved="yes"><source>File</source><target>Datei</target></trans-unit>',
    '<trans-unit id="2" approved="yes"><source>Edit</source><target state="translated">Bearbeiten</target></trans-unit>',
    '<trans-unit id="3" approved="yes"><source>View</source><target state="needs-review-translation">Ansicht</target></trans-unit>',
    "<trans-unit id=\"4\" approved='no'><source>Help</source><target state=\"translated\">Hilfe</target></trans-unit>",
    '<trans-unit id="5"><source>Tools</source><target state="translated">Extras</target></trans-unit>',
  ].join('\n'),
);
const document = xliffFormat.parse(TEXT, 'ui.xlf');
const statuses = () => document.units.map((u) => [u.key, u.status ?? 'not_started']);

describe('XLIFF 1.2 approved="yes"', () => {
  it('reads as approved where the state says translated or nothing; a state asking for work wins', () => {
    expect(statuses()).toEqual([
      ['1', 'approved'],
      ['2', 'approved'],
      ['3', 'not_started'],
      ['4', 'confirmed'],
      ['5', 'confirmed'],
    ]);
    expect(xliffFormat.write(document, [])).toBe(TEXT);
    const untouched = document.units.map((u): ReviewedUnit => ({ key: u.key, text: u.target, status: u.status ?? 'not_started' }));
    expect(xliffFormat.write(document, untouched)).toBe(TEXT);
  });

  it('becomes approved="no" when the review moves the unit away from approved, and "yes" when it approves one', () => {
    const edited = xliffFormat.write(document, [{ key: '2', text: 'Bearbeitung', status: 'edited' }]);
    expect(edited).toContain(
      '<trans-unit id="2" approved="no"><source>Edit</source><target state="needs-review-translation" state-qualifier="x-redline-edited">Bearbeitung</target>',
    );
    const confirmed = xliffFormat.write(document, [{ key: '1', text: 'Datei', status: 'confirmed' }]);
    expect(confirmed).toContain('<trans-unit id="1" approved="no"><source>File</source><target state="translated">Datei</target>');
    const approved = xliffFormat.write(document, [{ key: '4', text: 'Hilfe', status: 'approved' }]);
    expect(approved).toContain("<trans-unit id=\"4\" approved='yes'><source>Help</source><target state=\"signed-off\">Hilfe</target>");
    // A file that does not say `approved` is not made to.
    expect(onlyChange(TEXT, xliffFormat.write(document, [{ key: '5', text: 'Extras', status: 'approved' }]))).toEqual(['translated', 'signed-off']);
    // A status set back to the imported one changes nothing.
    expect(xliffFormat.write(document, [{ key: '1', text: 'Datei', status: 'approved' }])).toBe(TEXT);
  });

  it('a pre-segmented unit: its segments share the attribute, "yes" only while all of them are approved', () => {
    const text = xliff12(
      '<trans-unit id="t" approved="yes"><source>One. Two.</source><seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source>' +
        '<target><mrk mtype="seg" mid="1">Eins.</mrk> <mrk mtype="seg" mid="2">Zwei.</mrk></target></trans-unit>',
    );
    const segmented = xliffFormat.parse(text, 'seg.xlf');
    expect(segmented.units.map((u) => u.status)).toEqual(['approved', 'approved']);
    expect(onlyChange(text, xliffFormat.write(segmented, [{ key: 't/2', text: 'Zwei.', status: 'confirmed' }]))).toEqual(['yes', 'no']);
    const out = xliffFormat.write(segmented, [{ key: 't/2', text: 'Zwo.', status: 'edited' }]);
    expect(out).toContain('<trans-unit id="t" approved="no">');
    const reparsed = xliffFormat.parse(out, 'seg.xlf');
    expect(reparsed.units.map((u) => u.status ?? 'not_started')).toEqual(['not_started', 'not_started']);
  });

  it('is not read in SDLXLIFF, whose statuses are Trados’ own', () => {
    const sdl = TEXT.replace('<xliff version="1.2"', '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2"');
    expect(sdlxliffFormat.parse(sdl, 'ui.sdlxliff').units[0]?.status ?? 'not_started').toBe('not_started');
  });

  it('any statuses the review sets read back as themselves after export (property)', () => {
    const status = fc.constantFrom<ReviewedUnit['status']>('not_started', 'edited', 'confirmed', 'approved', 'rejected');
    fc.assert(
      fc.property(fc.array(status, { minLength: 5, maxLength: 5 }), (chosen) => {
        const reviewed = document.units.map((u, i): ReviewedUnit => ({ key: u.key, text: u.target, status: chosen[i]! }));
        const again = xliffFormat.parse(xliffFormat.write(document, reviewed), 'ui.xlf');
        expect(again.units.map((u) => u.status ?? 'not_started')).toEqual(chosen);
      }),
      { numRuns: 200 },
    );
  });
});
