import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xliffFormat } from '../../../core/formats/xliff';
import { badInput } from '../../support/thrown';
import { onlyChange } from '../../support/onlyChange';

/**
 * Pre-segmented XLIFF 1.2 units (<seg-source> with <mrk mtype="seg" mid>) whose target is not segmented the same
 * way: a mid the target lacks, no <target> at all, an empty one, or a target that is not segmented. Partly
 * translated files are what post-editors are sent: every segment is offered, and export writes back valid XLIFF.
 */

const xliff = (units: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
  `<file original="a" source-language="en" target-language="de" datatype="plaintext"><body>\n${units}\n</body></file></xliff>`;

const PARTSEG = xliff(
  [
    '<trans-unit id="1"><source>One. Two.</source><seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source><target><mrk mtype="seg" mid="1">Eins.</mrk></target></trans-unit>',
    '<trans-unit id="2"><source>Three.</source><seg-source><mrk mtype="seg" mid="3">Three.</mrk></seg-source></trans-unit>',
    '<trans-unit id="3"><source>Four. Five.</source><seg-source><mrk mtype="seg" mid="4">Four.</mrk> <mrk mtype="seg" mid="5">Five.</mrk></seg-source><target>Vier. Fünf.</target></trans-unit>',
  ].join('\n'),
);

const targets = (text: string) => xliffFormat.parse(text, 'x.xlf').units.map((u) => [u.key, u.target]);

describe('pre-segmented XLIFF 1.2 whose segments have no distinct ids', () => {
  it.each([
    ['a repeated mid', '<mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="1">Two.</mrk>'],
    ['no mid', '<mrk mtype="seg">One.</mrk> <mrk mtype="seg">Two.</mrk>'],
  ])('%s, no target: the unit is one untranslated sentence, written back as one <target>', (_, marks) => {
    const file = xliff(`<trans-unit id="9"><source>One. Two.</source><seg-source>${marks}</seg-source></trans-unit>`);
    const document = xliffFormat.parse(file, 'x.xlf');
    expect(document.units.map((u) => [u.key, u.source, u.target])).toEqual([['9', 'One. Two.', '']]);
    expect(xliffFormat.write(document, [])).toBe(file);
    expect(targets(xliffFormat.write(document, [{ key: '9', text: 'Eins. Zwei.', status: 'edited' }]))).toEqual([['9', 'Eins. Zwei.']]);
  });
});

describe('pre-segmented XLIFF 1.2 whose target is segmented otherwise', () => {
  const document = xliffFormat.parse(PARTSEG, 'partseg.xlf');

  it('offers every segment: a mid the target lacks and a unit without target as empty, an unsegmented target as one sentence', () => {
    expect(document.units.map((u) => [u.key, u.source, u.target])).toEqual([
      ['1/1', 'One.', 'Eins.'],
      ['1/2', 'Two.', ''],
      ['2/3', 'Three.', ''],
      ['3', 'Four. Five.', 'Vier. Fünf.'],
    ]);
    expect(document.units[3]?.notes).toEqual(['The target is not segmented like the source (segments 4, 5): reviewed as one sentence.']);
  });

  it('writes the untouched file back byte for byte, with the source copied in or not', () => {
    expect(xliffFormat.write(document, [])).toBe(PARTSEG);
    const untouched = document.units.map((u) => ({ key: u.key, text: u.target, status: 'not_started' as const }));
    expect(xliffFormat.write(document, untouched)).toBe(PARTSEG);
    expect(xliffFormat.write(xliffFormat.parse(PARTSEG, 'partseg.xlf', { missingTargets: 'source' }), [])).toBe(PARTSEG);
  });

  it('writes a segment the target lacks as its <mrk>, after the one before it', () => {
    const out = xliffFormat.write(document, [{ key: '1/2', text: 'Zwei.', status: 'edited' }]);
    expect(onlyChange(PARTSEG, out)).toEqual(['', ' <mrk mtype="seg" mid="2">Zwei.</mrk>']);
    expect(targets(out)[1]).toEqual(['1/2', 'Zwei.']);
  });

  it('writes a <target> after the <seg-source> of a unit without one', () => {
    const out = xliffFormat.write(document, [{ key: '2/3', text: 'Drei & <mehr>.', status: 'confirmed' }]);
    const segSource = '<mrk mtype="seg" mid="3">Three.</mrk></seg-source>';
    expect(out).toBe(PARTSEG.replace(segSource, `${segSource}<target><mrk mtype="seg" mid="3">Drei &amp; &lt;mehr&gt;.</mrk></target>`));
    expect(targets(out)[2]).toEqual(['2/3', 'Drei & <mehr>.']);
  });

  it('writes an unsegmented target back whole', () => {
    const out = xliffFormat.write(document, [{ key: '3', text: 'Vier. Fünf!', status: 'edited' }]);
    expect(out).toBe(PARTSEG.replace('<target>Vier. Fünf.</target>', '<target state="needs-review-translation" state-qualifier="x-redline-edited">Vier. Fünf!</target>'));
  });

  it('copies the source in on request, written once the editor confirms it', () => {
    const copied = xliffFormat.parse(PARTSEG, 'partseg.xlf', { missingTargets: 'source' });
    expect(copied.units.map((u) => u.target)).toEqual(['Eins.', 'Two.', 'Three.', 'Vier. Fünf.']);
    expect(xliffFormat.write(copied, [{ key: '1/2', text: 'Two.', status: 'not_started' }])).toBe(PARTSEG);
    expect(onlyChange(PARTSEG, xliffFormat.write(copied, [{ key: '1/2', text: 'Two.', status: 'confirmed' }]))).toEqual([
      '',
      ' <mrk mtype="seg" mid="2">Two.</mrk>',
    ]);
  });

  it('builds a whole target when one segment of several is filled, the others as empty markers', () => {
    const text = xliff('<trans-unit id="u"><source>A. B.</source><seg-source><mrk mtype="seg" mid="a">A.</mrk>\n<mrk mtype="seg" mid="b">B.</mrk></seg-source></trans-unit>');
    const parsed = xliffFormat.parse(text, 'x.xlf');
    expect(parsed.units.map((u) => u.key)).toEqual(['u/a', 'u/b']);
    const out = xliffFormat.write(parsed, [{ key: 'u/b', text: 'Bb.', status: 'edited' }]);
    expect(out).toBe(text.replace('</seg-source>', '</seg-source><target><mrk mtype="seg" mid="a"/>\n<mrk mtype="seg" mid="b">Bb.</mrk></target>'));
    expect(targets(out)).toEqual([
      ['u/a', ''],
      ['u/b', 'Bb.'],
    ]);
  });

  it('fills an empty <target> (self-closed or not) whole, keeping its attributes', () => {
    const unit = (target: string) =>
      xliff(`<trans-unit id="u"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source>${target}</trans-unit>`);
    for (const [target, open] of [
      ['<target xml:lang="de"/>', '<target xml:lang="de">'],
      ['<target state="new"></target>', '<target state="new">'],
    ] as const) {
      const text = unit(target);
      const parsed = xliffFormat.parse(text, 'x.xlf');
      expect(xliffFormat.write(parsed, [])).toBe(text);
      const out = xliffFormat.write(parsed, [{ key: 'u/1', text: 'Aa.', status: 'edited' }]);
      expect(out).toBe(text.replace(target, `${open}<mrk mtype="seg" mid="1">Aa.</mrk> <mrk mtype="seg" mid="2"/></target>`));
    }
  });

  it('writes a first segment the target lacks before the next one it has', () => {
    const text = xliff(
      '<trans-unit id="u"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source><target><mrk mtype="seg" mid="2">Bb.</mrk></target></trans-unit>',
    );
    const out = xliffFormat.write(xliffFormat.parse(text, 'x.xlf'), [{ key: 'u/1', text: 'Aa.', status: 'edited' }]);
    expect(out).toBe(text.replace('<target>', '<target><mrk mtype="seg" mid="1">Aa.</mrk> '));
  });

  it('reads a file whose every segment lacks a target, and names the real reason when there is nothing to review', () => {
    const none = xliff(
      '<trans-unit id="2"><source>Three.</source><seg-source><mrk mtype="seg" mid="3">Three.</mrk></seg-source></trans-unit>\n' +
        '<trans-unit id="3"><source>Four. Five.</source><seg-source><mrk mtype="seg" mid="4">Four.</mrk> <mrk mtype="seg" mid="5">Five.</mrk></seg-source><target>Vier. Fünf.</target></trans-unit>',
    );
    expect(targets(none)).toEqual([
      ['2/3', ''],
      ['3', 'Vier. Fünf.'],
    ]);
    expect(badInput(() => xliffFormat.parse(xliff('<trans-unit id="1" translate="no"><source>a</source></trans-unit>'), 'no.xlf'))).toBe(
      'no.xlf has nothing to review: every unit is marked translate="no".',
    );
    expect(badInput(() => xliffFormat.parse(xliff('<trans-unit id="1"/>'), 'empty.xlf'))).toBe(
      'empty.xlf has nothing to review: its one unit has neither a source nor a target.',
    );
    expect(
      badInput(() => xliffFormat.parse(xliff('<trans-unit id="1" translate="no"><source>a</source></trans-unit><trans-unit id="2"/><trans-unit id="3"/>'), 'mixed.xlf')),
    ).toBe('mixed.xlf has nothing to review: 1 unit is marked translate="no" and 2 have neither a source nor a target.');
  });
});

// --- Generated pre-segmented units --------------------------------------------------------------------------------

/** How the target of a generated unit stands to its segments. */
const targetKind = fc.constantFrom('segmented', 'none', 'empty', 'self-closed', 'unsegmented');
const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,6}\.$/);
const unitSpec = fc.record({
  segments: fc.array(fc.record({ source: word, target: fc.option(word, { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
  kind: targetKind,
  gap: fc.constantFrom(' ', '', '\n  '),
});
type UnitSpec = typeof unitSpec extends fc.Arbitrary<infer T> ? T : never;

function renderUnit(spec: UnitSpec, u: number): string {
  const mrk = (mid: string, text: string) => `<mrk mtype="seg" mid="${mid}">${text}</mrk>`;
  const segSource = spec.segments.map((s, i) => mrk(String(i), s.source)).join(spec.gap);
  const target =
    spec.kind === 'none'
      ? ''
      : spec.kind === 'empty'
        ? '<target></target>'
        : spec.kind === 'self-closed'
          ? '<target/>'
          : spec.kind === 'unsegmented'
            ? `<target>${spec.segments.map((s) => s.source.toUpperCase()).join(' ')}</target>`
            : `<target>${spec.segments.flatMap((s, i) => (s.target === undefined ? [] : [mrk(String(i), s.target)])).join(spec.gap)}</target>`;
  return `<trans-unit id="u${u}"><source>${spec.segments.map((s) => s.source).join(' ')}</source><seg-source>${segSource}</seg-source>${target}</trans-unit>`;
}

describe('partly segmented units (property)', () => {
  it('reads every segment, writes untouched files back byte for byte, and any edits read back on the same keys', () => {
    fc.assert(
      fc.property(
        fc.array(unitSpec, { minLength: 1, maxLength: 4 }),
        fc.array(fc.option(word, { nil: undefined }), { minLength: 16, maxLength: 16 }),
        fc.constantFrom('empty', 'source') as fc.Arbitrary<'empty' | 'source'>,
        (specs, edits, missingTargets) => {
          const text = xliff(specs.map(renderUnit).join('\n'));
          const document = xliffFormat.parse(text, 'g.xlf', { missingTargets });
          const expected = specs.reduce((n, s) => n + (s.kind === 'unsegmented' ? 1 : s.segments.length), 0);
          expect(document.units).toHaveLength(expected);
          expect(xliffFormat.write(document, [])).toBe(text);
          const reviewed = document.units.flatMap((u, i) => {
            const edit = edits[i];
            return edit === undefined || edit === u.target ? [] : [{ key: u.key, text: edit, status: 'edited' as const }];
          });
          const again = xliffFormat.parse(xliffFormat.write(document, reviewed), 'g.xlf');
          expect(again.units.map((u) => u.key)).toEqual(document.units.map((u) => u.key));
          // An edited unit reads back as typed, an untouched one as it was in the file (empty if it had no target).
          const plain = xliffFormat.parse(text, 'g.xlf');
          expect(again.units.map((u) => u.target)).toEqual(
            document.units.map((u, i) => reviewed.find((r) => r.key === u.key)?.text ?? plain.units[i]!.target),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
