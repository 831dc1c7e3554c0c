import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatForContent, formatForFile } from '../../../core/formats/registry';
import { isTagChar, TAG_BASE, type ReviewedUnit } from '../../../core/formats/types';
import { MQ_STATUS_NAMES, mqxliffFormat, WRITTEN, xliffFormat } from '../../../core/formats/xliff';
import { badInput } from '../../support/thrown';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const show = (text: string | null | undefined) => text?.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - TAG_BASE}}`);

describe('memoQ MQXLIFF', () => {
  const text = fixture('review.mqxliff');
  const document = mqxliffFormat.parse(text, 'review.mqxliff');
  const write = (...units: ReviewedUnit[]) => mqxliffFormat.write(document, units);

  it('is registered by extension and recognised by content, whatever the name', () => {
    expect(formatForFile('report.docx.mqxliff').id).toBe('mqxliff');
    expect(formatForContent(text)?.id).toBe('mqxliff');
    expect(formatForContent(fixture('partial-1.2.xlf'))?.id).toBe('xliff');
  });

  it('reads every unit with memoQ’s status, match and lock as a note, the status mapped, the locked one locked', () => {
    expect(document.units.map((u) => [u.key, show(u.target), u.notes, u.status ?? 'not_started', u.locked ?? false])).toEqual([
      ['1', 'The situation in Kazakhstan remains tense .', ['memoQ: MachineTranslated'], 'not_started', false],
      ['2', 'The authorities asked the {0}CSTO{1} for help.', ['memoQ: ManuallyConfirmed'], 'confirmed', false],
      ['3', 'The airport of Almaty was seized.', ['memoQ: Pretranslated, 100 % match, locked'], 'not_started', true],
      ['4', 'Communication was restored.', ['memoQ: Reviewer1Confirmed'], 'approved', false],
      ['5', 'Banks is closed.', ['memoQ: Rejected'], 'rejected', false],
      ['6', '', ['memoQ: NotStarted'], 'not_started', false],
      ['7', 'https://example.org/almaty', [], 'not_started', false],
    ]);
    expect(show(document.units[5]?.source)).toBe('{0}Погибли тринадцать силовиков.');
  });

  it('reads a row’s comments as its notes (who, which day, what), leaving out deleted ones, and keeps them in the file', () => {
    const commented = text.replace(
      '<target xml:space="preserve">Banks is closed.</target>',
      '<target xml:space="preserve">Banks is closed.</target><mq:comments>' +
        '<mq:comment id="a1" creatoruser="Ana" time="2022-01-07T09:30:00Z" deleted="false" category="0" appliesto="Row">Grammar: &quot;are&quot;.</mq:comment>' +
        '<mq:comment id="a2" creatoruser="Ben" time="2022-01-07T09:40:00Z" deleted="true" appliesto="Row">Withdrawn.</mq:comment>' +
        '<mq:comment id="a3" deleted="false" appliesto="Row"></mq:comment>' +
        '</mq:comments>',
    );
    const parsed = mqxliffFormat.parse(commented, 'review.mqxliff');
    expect(parsed.units.find((u) => u.key === '5')?.notes).toEqual(['memoQ: Rejected', 'memoQ comment by Ana (2022-01-07): Grammar: "are".']);
    expect(mqxliffFormat.write(parsed, [{ key: '5', text: 'Banks are closed.', status: 'edited' }])).toBe(
      commented.replace('>Banks is closed.</target>', '>Banks are closed.</target>').replace('mq:status="Rejected"', 'mq:status="PartiallyEdited"'),
    );
  });

  it('writes an untouched file back byte for byte, with or without the imported statuses', () => {
    expect(mqxliffFormat.write(document, [])).toBe(text);
    expect(write(...document.units.map((u): ReviewedUnit => ({ key: u.key, text: u.target, status: u.status ?? 'not_started' })))).toBe(text);
  });

  it('writes an edit into its <target> and the status onto its <trans-unit>, nothing else', () => {
    const out = write({ key: '1', text: 'The situation in Kazakhstan remains tense.', status: 'confirmed' });
    expect(out).toBe(
      text
        .replace('<trans-unit id="1" mq:status="MachineTranslated"', '<trans-unit id="1" mq:status="ManuallyConfirmed"')
        .replace('remains tense .</target>', 'remains tense.</target>'),
    );
    // The history memoQ keeps inside the unit is not a target.
    expect(out).toContain('<mq:historical-unit mq:status="NotStarted" mq:lastchanginguser="MT"><target xml:space="preserve"></target>');
  });

  it('fills an empty target, and adds a status to a unit that had none', () => {
    const filled = write({ key: '6', text: 'Thirteen officers died.', status: 'edited' });
    expect(filled).toBe(
      text
        .replace('<trans-unit id="6" mq:status="NotStarted"', '<trans-unit id="6" mq:status="PartiallyEdited"')
        .replace(
          'силовиков.</source><target xml:space="preserve"></target>',
          'силовиков.</source><target xml:space="preserve">Thirteen officers died.</target>',
        ),
    );
    const confirmed = write({ key: '7', text: document.units[6]!.target, status: 'confirmed' });
    expect(confirmed).toBe(text.replace('<trans-unit id="7" mq:nosplitjoin="true">', '<trans-unit id="7" mq:nosplitjoin="true" mq:status="ManuallyConfirmed">'));
  });

  it('keeps the tags of an edited unit, and refuses a broken one', () => {
    const unit = document.units[1]!;
    const out = write({ key: '2', text: unit.target.replace('for help', 'for assistance'), status: 'edited' });
    expect(out).toBe(
      text
        .replace('<trans-unit id="2" mq:status="ManuallyConfirmed"', '<trans-unit id="2" mq:status="PartiallyEdited"')
        .replace('<ept id="1">{}</ept> for help.</target>', '<ept id="1">{}</ept> for assistance.</target>'),
    );
    const broken = [...unit.target].filter((ch) => ch !== String.fromCharCode(TAG_BASE + 1)).join('');
    expect(badInput(() => write({ key: '2', text: broken, status: 'edited' }))).toMatch(/^Unit "2": [^\n]+$/);
  });

  it('writes a locked unit back as it came, and refuses an edit to its text in one line', () => {
    expect(write({ key: '3', text: document.units[2]!.target, status: 'approved' })).toBe(text);
    expect(badInput(() => write({ key: '3', text: 'The airport was taken.', status: 'edited' }))).toBe(
      'Segment "3" is locked in the file (memoQ), so its text cannot be written: undo the edit to it, or export as CSV to keep it.',
    );
  });

  it('maps review statuses to memoQ statuses', () => {
    expect(Object.fromEntries(Object.entries(WRITTEN.mq).map(([status, written]) => [status, written.state]))).toEqual({
      not_started: 'NotStarted',
      edited: 'PartiallyEdited',
      confirmed: 'ManuallyConfirmed',
      approved: 'Reviewer1Confirmed',
      rejected: 'Rejected',
    });
    // Every status written is one of memoQ's own.
    for (const written of Object.values(WRITTEN.mq)) expect(MQ_STATUS_NAMES).toContain(written.state);
  });

  it('writes NotStarted for a confirmed row the review reset, and nothing for one set back to its status', () => {
    const reset = write({ key: '2', text: document.units[1]!.target, status: 'not_started' });
    expect(reset).toBe(text.replace('<trans-unit id="2" mq:status="ManuallyConfirmed"', '<trans-unit id="2" mq:status="NotStarted"'));
    expect(mqxliffFormat.parse(reset, 'review.mqxliff').units[1]?.status ?? 'not_started').toBe('not_started');
    expect(write({ key: '2', text: document.units[1]!.target, status: 'confirmed' })).toBe(text);
  });

  it('refuses a malformed MQXLIFF, and an XLIFF without memoQ’s namespace, in one line', () => {
    expect(badInput(() => mqxliffFormat.parse(fixture('broken.mqxliff'), 'broken.mqxliff'))).toMatch(
      /^broken\.mqxliff is not well-formed XML: line 9, column \d+: [^\n]+$/,
    );
    expect(badInput(() => mqxliffFormat.parse(fixture('partial-1.2.xlf'), 'plain.mqxliff'))).toBe(
      'plain.mqxliff is not an MQXLIFF file: its <xliff> root does not declare memoQ’s namespace (xmlns:mq="MQXliff").'.replace('’', "'"),
    );
  });

  it('read as plain XLIFF, the same file keeps memoQ’s attributes and gets 1.2 states instead', () => {
    const plain = xliffFormat.parse(text, 'review.xlf');
    expect(plain.units.map((u) => u.target)).toEqual(document.units.map((u) => u.target));
    expect(xliffFormat.write(plain, [])).toBe(text);
  });

  it('property: any edit of any unlocked unit changes only that unit’s target content (and its status)', () => {
    const editable = document.units.map((u, i) => ({ u, i })).filter(({ u }) => !u.locked);
    fc.assert(
      fc.property(fc.constantFrom(...editable), fc.stringMatching(/^[A-Za-z<>&"' ]{0,12}$/), ({ u, i }, typed) => {
        const text2 = typed + [...u.target].filter(isTagChar).join('');
        fc.pre(text2 !== u.target);
        // The status it was imported with: only the text changes.
        const out = write({ key: u.key, text: text2, status: u.status ?? 'not_started' });
        const reread = mqxliffFormat.parse(out, 'out.mqxliff');
        expect(reread.units.map((r) => r.target)).toEqual(document.units.map((d, k) => (k === i ? text2 : d.target)));
        expect(reread.units.map((r) => r.state)).toEqual(document.units.map((d) => d.state));
        // Outside that unit's <target>, the bytes are the original's.
        const start = text.indexOf(`<trans-unit id="${u.key}"`);
        const end = text.indexOf('</trans-unit>', start);
        expect(out.slice(0, start)).toBe(text.slice(0, start));
        expect(out.slice(out.length - (text.length - end))).toBe(text.slice(end));
      }),
      { numRuns: 200 },
    );
  });
});
