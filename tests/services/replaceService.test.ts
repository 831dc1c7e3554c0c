import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FindReplaceOptions } from '../../core/findReplace';
import { tagsIn } from '../../core/formats/types';
import { nothingReplaced } from '../../services/replaceService';
import { openTestServices, SAMPLE } from '../electron/support';
import { thrown as errorOf } from '../support/thrown';

const ALMATY: FindReplaceOptions = {
  find: 'Alma-Ata',
  replace: 'Almaty',
  regex: false,
  caseSensitive: true,
  wholeWord: true,
};

function setup() {
  const ctx = openTestServices();
  const doc = ctx.services.openSample(SAMPLE);
  const all = ctx.services.segments.page(doc.id, 0, 200).items;
  return { ...ctx, doc, all, withAlmaAta: all.filter((s) => s.currentText.includes('Alma-Ata')) };
}

describe('replaceService.preview', () => {
  it('shows exactly the four sentences of the sample that Alma-Ata → Almaty changes, and writes nothing', () => {
    const { services, doc, withAlmaAta } = setup();
    const preview = services.replace.preview(doc.id, ALMATY);
    expect(preview).toEqual(
      withAlmaAta.map((s) => ({
        segmentId: s.id,
        position: s.position,
        before: s.currentText,
        after: s.currentText.replaceAll('Alma-Ata', 'Almaty'),
      })),
    );
    expect(preview).toHaveLength(4);
    expect(services.batches.state(doc.id)).toEqual({ undo: null, redo: null });
    expect(services.segments.get(withAlmaAta[0]!.id).revisionCount).toBe(1);
  });

  it('works on the current texts, with regular expressions and capture groups', () => {
    const { services, doc, withAlmaAta } = setup();
    const first = withAlmaAta[0]!;
    services.segments.update(first.id, first.currentText.replace('Alma-Ata', 'Almaty'));
    expect(services.replace.preview(doc.id, ALMATY)).toHaveLength(3);

    const swap = { find: '(Alma)-(Ata)', replace: '$2-$1', regex: true, caseSensitive: true, wholeWord: false };
    expect(services.replace.preview(doc.id, swap).map((c) => c.after)).toEqual(
      withAlmaAta.slice(1).map((s) => s.currentText.replaceAll('Alma-Ata', 'Ata-Alma')),
    );
    const insensitive = { ...ALMATY, find: 'ALMA-ATA', caseSensitive: false };
    expect(services.replace.preview(doc.id, insensitive)).toHaveLength(3);
    expect(services.replace.preview(doc.id, { ...ALMATY, find: 'Alma' })).toHaveLength(3); // "Alma" in Alma-Ata is a word
    expect(services.replace.preview(doc.id, { ...ALMATY, find: 'Alm' })).toEqual([]); // but "Alm" is not
  });

  it('says what is wrong with a find it cannot run', () => {
    const { services, doc } = setup();
    const bad = errorOf(() => services.replace.preview(doc.id, { ...ALMATY, find: 'Alma-(Ata', regex: true }));
    expect(bad.code).toBe('bad_input');
    expect(bad.message).toMatch(/^The regular expression is not valid: /);
    expect(errorOf(() => services.replace.preview(doc.id, { ...ALMATY, find: '\\b', regex: true })).message).toMatch(
      /can match empty text/,
    );
    expect(errorOf(() => services.replace.preview(doc.id, { ...ALMATY, find: '' })).code).toBe('bad_input');
    expect(errorOf(() => services.replace.preview(999, ALMATY)).code).toBe('not_found');
  });
});

describe('replaceService.apply', () => {
  it('writes one batch of four replace revisions, which undo restores', () => {
    const { services, doc, withAlmaAta } = setup();
    const ids = services.replace.preview(doc.id, ALMATY).map((c) => c.segmentId);
    const outcome = services.replace.apply(doc.id, ALMATY, ids);

    expect(outcome.batch).toMatchObject({ kind: 'replace', label: 'Replace “Alma-Ata” → “Almaty” (4)', size: 4 });
    expect(outcome.skipped).toBe(0);
    expect(outcome.segments.map((s) => s.currentText)).toEqual(
      withAlmaAta.map((s) => s.currentText.replaceAll('Alma-Ata', 'Almaty')),
    );
    for (const s of withAlmaAta) {
      expect(services.segments.history(s.id).map((r) => r.origin)).toEqual(['import', 'replace']);
      expect(services.segments.history(s.id).at(-1)).toMatchObject({ batchId: outcome.batch.id });
    }
    expect(services.replace.preview(doc.id, ALMATY)).toEqual([]);

    const undone = services.batches.undo(outcome.batch.id);
    expect(undone.batch).toMatchObject({ kind: 'undo', undoes: outcome.batch.id, size: 4 });
    for (const s of withAlmaAta) {
      expect(services.segments.get(s.id).currentText).toBe(s.currentText);
      expect(services.segments.get(s.id).status).toBe('not_started');
    }
    expect(services.replace.preview(doc.id, ALMATY)).toHaveLength(4);
  });

  it('changes only the chosen sentences, worked out on their texts at the time of applying', () => {
    const { services, doc, withAlmaAta } = setup();
    const [a, b, c] = withAlmaAta;
    // After the preview, b is edited (still with Alma-Ata, twice) and c loses it.
    services.segments.update(b!.id, 'Alma-Ata, Alma-Ata.');
    services.segments.update(c!.id, c!.currentText.replace('Alma-Ata', 'the city'));

    const outcome = services.replace.apply(doc.id, ALMATY, [a!.id, b!.id, c!.id]);
    expect(outcome.batch.label).toBe('Replace “Alma-Ata” → “Almaty” (2)');
    expect(outcome.segments.map((s) => s.id)).toEqual([a!.id, b!.id]);
    expect(services.segments.get(b!.id).currentText).toBe('Almaty, Almaty.');
    expect(services.segments.get(c!.id).currentText).toBe(c!.currentText.replace('Alma-Ata', 'the city'));
    expect(services.segments.get(withAlmaAta[3]!.id).currentText).toBe(withAlmaAta[3]!.currentText); // not chosen
  });

  it('shortens a long find or replacement in the label', () => {
    const { services, doc, withAlmaAta } = setup();
    const s = withAlmaAta[0]!;
    const long = `${'x'.repeat(60)} Alma-Ata`;
    services.segments.update(s.id, long);
    const outcome = services.replace.apply(doc.id, { ...ALMATY, find: long, replace: 'y'.repeat(100) }, [s.id]);
    expect(outcome.batch.label).toBe(`Replace “${'x'.repeat(39)}…” → “${'y'.repeat(39)}…” (1)`);
  });

  it('refuses, writing nothing, when there is nothing to replace or a sentence is not the document’s', () => {
    const { services, doc, withAlmaAta, all } = setup();
    const other = services.openSample(SAMPLE);
    const foreign = services.segments.page(other.id, 0, 1).items[0]!;
    const ids = withAlmaAta.map((s) => s.id);

    expect(errorOf(() => services.replace.apply(doc.id, ALMATY, [])).code).toBe('bad_input');
    expect(errorOf(() => services.replace.apply(doc.id, ALMATY, [...ids, foreign.id])).message).toMatch(
      /not part of document/,
    );
    const untouched = all.find((s) => !s.currentText.includes('Alma-Ata'))!;
    expect(errorOf(() => services.replace.apply(doc.id, ALMATY, [untouched.id])).message).toMatch(/Nothing to replace/);
    expect(errorOf(() => services.replace.apply(doc.id, { ...ALMATY, find: '(', regex: true }, ids)).code).toBe(
      'bad_input',
    );
    expect(errorOf(() => services.replace.apply(999, ALMATY, ids)).code).toBe('not_found');

    expect(services.batches.state(doc.id)).toEqual({ undo: null, redo: null });
    for (const id of ids) expect(services.segments.get(id).revisionCount).toBe(1);
  });
});

describe('replace and the file\'s tags', () => {
  const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));
  const anyNonLetter = (find: string): FindReplaceOptions => ({ find, replace: '', regex: true, caseSensitive: true, wholeWord: false });

  it('changes the words around tags and leaves every tag in place, so the file can still be exported', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(fixture('help-de.xlf'));
    const changes = services.replace.preview(doc.id, anyNonLetter('[^\\p{L}\\p{N}\\s.,:;!?()-]'));
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(tagsIn(change.after)).toBe(tagsIn(change.before));
    services.replace.apply(doc.id, anyNonLetter('[^\\p{L}\\p{N}\\s.,:;!?()-]'), changes.map((c) => c.segmentId));
    expect(() => services.documents.exportBytes(doc.id)).not.toThrow();
  });

  it('says why nothing would change when every match would remove a tag or already reads as its replacement', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(fixture('help-de.xlf'));
    const tags = "a replace leaves the file's tags as they are";
    expect(errorOf(() => services.replace.preview(doc.id, anyNonLetter('[\\x{E000}-\\x{EFFF}]'))).message).toBe(
      `All 8 matches of “[\\x{E000}-\\x{EFFF}]” would remove, copy or add a tag, and ${tags}: nothing would change.`,
    );
    const mixed = { ...anyNonLetter('[\\x{E000}-\\x{EFFF}]|Sie'), replace: 'Sie' };
    expect(errorOf(() => services.replace.preview(doc.id, mixed)).message).toBe(
      `Of the 11 matches of “[\\x{E000}-\\x{EFFF}]|Sie”, 8 would remove, copy or add a tag (${tags}) and 3 already read as their replacement: nothing would change.`,
    );
    // Chosen from a preview, then every match held back: apply says the same, not that the words are gone.
    const sentence = services.segments.page(doc.id, 0, 10).items.find((s) => s.currentText.includes('Anzeigesprache'))!;
    expect(errorOf(() => services.replace.apply(doc.id, anyNonLetter('[\\x{E000}-\\x{EFFF}]'), [sentence.id])).message).toBe(
      `All 2 matches of “[\\x{E000}-\\x{EFFF}]” would remove, copy or add a tag, and ${tags}: nothing would change.`,
    );
  });

  it('words one match as one', () => {
    expect(nothingReplaced({ ...ALMATY }, { keptForTags: 1, unchanged: 0 })?.message).toBe(
      "The one match of “Alma-Ata” would remove, copy or add a tag, and a replace leaves the file's tags as they are: nothing would change.",
    );
    expect(nothingReplaced({ ...ALMATY }, { keptForTags: 0, unchanged: 1 })?.message).toBe('The one match of “Alma-Ata” already reads as its replacement: nothing would change.');
    expect(nothingReplaced({ ...ALMATY }, { keptForTags: 0, unchanged: 0 })).toBeNull();
  });
});

describe('a replace that would change nothing', () => {
  it('says its matches already read as their replacement (a case-insensitive find, a regex), not that nothing matched', () => {
    const { services, doc, withAlmaAta } = setup();
    const insensitive: FindReplaceOptions = { ...ALMATY, find: 'ALMA-ATA', replace: 'Alma-Ata', caseSensitive: false };
    expect(errorOf(() => services.replace.preview(doc.id, insensitive)).message).toBe(
      `All ${withAlmaAta.length} matches of “ALMA-ATA” already read as their replacement: nothing would change.`,
    );
    const swapBack = { find: '(Alma)-(Ata)', replace: '$1-$2', regex: true, caseSensitive: true, wholeWord: false };
    expect(errorOf(() => services.replace.preview(doc.id, swapBack)).message).toMatch(/already read as their replacement/);
    // One sentence changed, the others already right: only that one is shown.
    const first = withAlmaAta[0]!;
    services.segments.update(first.id, first.currentText.replace('Alma-Ata', 'ALMA-ATA'));
    expect(services.replace.preview(doc.id, insensitive).map((c) => c.segmentId)).toEqual([first.id]);
  });
});
