import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRule } from '../../core/fixes';
import { OFFERED_MATCHES } from '../../services/propagationService';
import { openTestServices, SAMPLE } from '../electron/support';

function almaAta() {
  const ctx = openTestServices();
  const doc = ctx.services.openSample(SAMPLE);
  const rows = ctx.services.segments.page(doc.id, 0, 200).items;
  const withAlmaAta = rows.filter((s) => s.mtText.includes('Alma-Ata'));
  return { ...ctx, doc, withAlmaAta };
}

describe('one fix, everywhere', () => {
  it('offers a corrected name for the other sentences that have it', () => {
    const { services, withAlmaAta } = almaAta();
    expect(withAlmaAta).toHaveLength(4);
    const first = withAlmaAta[0]!;
    const after = first.mtText.replace('Alma-Ata', 'Almaty');
    services.segments.update(first.id, after);
    const suggestions = services.propagation.suggest(first.id, first.mtText, after);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.rule).toEqual({ find: 'Alma-Ata', replace: 'Almaty', wholeWord: true, caseSensitive: true });
    expect(suggestions[0]!.matches.map((m) => m.segmentId)).toEqual(withAlmaAta.slice(1).map((s) => s.id));
    expect(suggestions[0]!.matches.every((m) => m.after === m.before.replace('Alma-Ata', 'Almaty'))).toBe(true);
    expect(suggestions[0]!.more).toBe(false); // all three are offered
  });

  it('names the words of a correction the speller doubts, from the sentence checked as it is now', () => {
    const { services } = openTestServices();
    const text = 'The airport of the city was closed for the whole day.\n\nThe airport was open again in the evening.\n';
    const doc = services.documents.importText({ fileName: 'a.txt', text, hasBom: false });
    const [first] = services.segments.page(doc.id, 0, 10).items;
    const offer = (word: string) => {
      const after = first!.mtText.replace('airport', word);
      services.segments.update(first!.id, after);
      const [suggestion] = services.propagation.suggest(first!.id, first!.mtText, after);
      return { replace: suggestion!.rule.replace, misspelt: suggestion!.misspelt };
    };
    expect(offer('airpotr')).toEqual({ replace: 'airpotr', misspelt: ['airpotr'] });
    expect(offer('new airpotr')).toEqual({ replace: 'new airpotr', misspelt: ['airpotr'] });
    expect(offer('aerodrome')).toEqual({ replace: 'aerodrome', misspelt: [] });
  });

  it('offers a lower-case fix where the word opens a sentence, capitalized, and not for a title inside one', () => {
    const { services } = openTestServices();
    const text = 'The president arrived.\n\nPresident spoke first.\n\nThey met President Tokayev.\n\nThe president left.';
    const doc = services.documents.importText({ fileName: 'p.txt', text, hasBom: false });
    const rows = services.segments.page(doc.id, 0, 10).items;
    const after = 'The head of state arrived.';
    services.segments.update(rows[0]!.id, after);
    const [suggestion] = services.propagation.suggest(rows[0]!.id, rows[0]!.mtText, after);
    expect(suggestion!.matches.map((m) => m.after)).toEqual(['Head of state spoke first.', 'The head of state left.']);
  });

  it('offers the first sentences in document order and says when more would change; preview lists them all', () => {
    const { services } = openTestServices();
    const lines = Array.from({ length: OFFERED_MATCHES * 3 }, (_, i) => (i % 2 === 0 ? `Line ${i} names Alma-Ata.` : `Line ${i} is plain.`));
    const doc = services.documents.importText({ fileName: 'long.txt', title: 'Long', text: lines.join('\n') });
    const rows = services.segments.page(doc.id, 0, 1000).items;
    const edited = rows[2]!;
    const after = edited.mtText.replace('Alma-Ata', 'Almaty');
    services.segments.update(edited.id, after);
    const [suggestion] = services.propagation.suggest(edited.id, edited.mtText, after);
    const others = rows.filter((s) => s.mtText.includes('Alma-Ata') && s.id !== edited.id);
    expect(others.length).toBeGreaterThan(OFFERED_MATCHES);
    expect(suggestion!.more).toBe(true);
    expect(suggestion!.matches.map((m) => m.position)).toEqual(others.slice(0, OFFERED_MATCHES).map((s) => s.position));
    const all = services.propagation.preview(edited.id, suggestion!.rule);
    expect(all.map((m) => m.segmentId)).toEqual(others.map((s) => s.id)); // every one, the edited sentence left out
    expect(all.slice(0, OFFERED_MATCHES)).toEqual(suggestion!.matches);
    // Exactly as many as offered: nothing more to say.
    services.propagation.apply(doc.id, suggestion!.rule, all.slice(OFFERED_MATCHES).map((m) => m.segmentId));
    const [again] = services.propagation.suggest(edited.id, edited.mtText, after);
    expect(again!.matches).toHaveLength(OFFERED_MATCHES);
    expect(again!.more).toBe(false);
  });

  it('offers what reading every sentence finds, however the index candidates that do not match fall across its chunks', () => {
    const { services } = openTestServices();
    // The index folds case, so `alma-ata` and `ALMA-ATA` are candidates the case-sensitive rule does not change:
    // runs of them make the reads that grow from a page-sized first chunk come back short of matches.
    const kinds = ['Line names Alma-Ata here.', 'Line names alma-ata here.', 'LINE NAMES ALMA-ATA HERE.', 'Line is plain.'];
    const rule = { find: 'Alma-Ata', replace: 'Almaty', wholeWord: true, caseSensitive: true };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(kinds.length - 1), fc.integer({ min: 1, max: 90 })), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        (runs, at) => {
          const lines = runs.flatMap(([kind, n]) => Array.from({ length: n }, (_, k) => `${kinds[kind]!} ${k}`));
          const doc = services.documents.importText({ fileName: 'runs.txt', title: 'Runs', text: lines.join('\n') });
          const rows = services.segments.page(doc.id, 0, 10_000).items;
          const edited = rows[at % rows.length]!;
          const scanned = rows.flatMap((row) => {
            const after = row.id === edited.id ? null : applyRule(row.currentText, rule);
            return after === null ? [] : [{ segmentId: row.id, position: row.position, before: row.currentText, after }];
          });
          const [suggestion] = services.propagation.suggest(edited.id, 'Alma-Ata', 'Almaty');
          if (scanned.length === 0) {
            expect(suggestion).toBeUndefined();
            return;
          }
          expect(suggestion!.matches).toEqual(scanned.slice(0, OFFERED_MATCHES));
          expect(suggestion!.more).toBe(scanned.length > OFFERED_MATCHES);
          expect(services.propagation.preview(edited.id, rule)).toEqual(scanned);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applies it as one batch and keeps the rule in the fix memory', () => {
    const { services, doc, withAlmaAta } = almaAta();
    const ids = withAlmaAta.slice(1).map((s) => s.id);
    const rule = { find: 'Alma-Ata', replace: 'Almaty', wholeWord: true, caseSensitive: true };
    const outcome = services.propagation.apply(doc.id, rule, ids);
    expect(outcome.segments).toHaveLength(3);
    expect(outcome.batch).toMatchObject({ kind: 'propagated', size: 3 });
    expect(services.fixMemory.list()).toEqual([
      expect.objectContaining({ find: 'Alma-Ata', replace: 'Almaty', uses: 3, enabled: true }),
    ]);
    // Learning it again strengthens the same rule.
    services.propagation.apply(doc.id, rule, [withAlmaAta[0]!.id]);
    expect(services.fixMemory.list()).toEqual([expect.objectContaining({ uses: 4 })]);
  });

  it('applies a short common word’s fix to the sentences chosen, but keeps no rule of it for later documents', () => {
    const { services, doc } = almaAta();
    const inSentences = services.segments.page(doc.id, 0, 200).items.filter((s) => / in /.test(s.currentText));
    const rule = { find: 'in', replace: 'on', wholeWord: true, caseSensitive: true };
    expect(services.propagation.apply(doc.id, rule, [inSentences[0]!.id]).segments).toHaveLength(1);
    expect(services.fixMemory.list()).toEqual([]);
  });

  it('tells a short common word, whose fix depends on its sentence, from a short misspelling, whose fix is kept', () => {
    const { services } = openTestServices();
    const text = 'He saw teh report in the office.\n\nShe read teh letter in the car.\n\nThey met in teh hall.\n';
    const doc = services.documents.importText({ fileName: 't.txt', text, hasBom: false });
    const rows = services.segments.page(doc.id, 0, 10).items;
    const offerOf = (before: string, after: string) => {
      services.segments.update(rows[0]!.id, after);
      return services.propagation.suggest(rows[0]!.id, before, after);
    };
    const [typo] = offerOf(rows[0]!.mtText, 'He saw the report in the office.');
    expect(typo).toMatchObject({ rule: { find: 'teh', replace: 'the' }, dependsOnSentence: false });
    const [preposition] = offerOf('He saw the report in the office.', 'He saw the report on the office.');
    expect(preposition).toMatchObject({ rule: { find: 'in', replace: 'on' }, dependsOnSentence: true });

    // Applied, the preposition's rule is not kept for later documents; the typo's is.
    services.propagation.apply(doc.id, preposition!.rule, [rows[1]!.id]);
    expect(services.fixMemory.list()).toEqual([]);
    services.propagation.apply(doc.id, typo!.rule, [rows[1]!.id, rows[2]!.id]);
    expect(services.fixMemory.list()).toEqual([expect.objectContaining({ find: 'teh', replace: 'the' })]);
  });

  it('offers nothing for a pure spacing fix or when no other sentence matches', () => {
    const { services, withAlmaAta } = almaAta();
    const s = withAlmaAta[0]!;
    expect(services.propagation.suggest(s.id, 'Kazakhstan , said', 'Kazakhstan, said')).toEqual([]);
    expect(services.propagation.suggest(s.id, 'A zebra.', 'A horse.')).toEqual([]);
  });
});

describe('one fix, everywhere, in a file with tags', () => {
  it('offers the words of a fix typed over a tagged name, and spreads it keeping every sentence its tags', () => {
    const { services, dir } = openTestServices();
    const unit = (id: number, text: string) =>
      `<trans-unit id="${id}"><source>x</source><target>${text}</target></trans-unit>`;
    const xliff =
      '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="ru" target-language="de" datatype="plaintext"><body>' +
      unit(1, 'Die Stadt <g id="1">Alma-Ata</g> ist groß.') +
      unit(2, 'In <g id="1">Alma-Ata</g> schneit es.') +
      unit(3, 'Flug nach <g id="1">Alma-Ata</g>.') +
      '</body></file></xliff>\n';
    const path = join(dir, 'tagged.xlf');
    writeFileSync(path, xliff);
    const doc = services.documents.importFile(path);
    const [first, ...others] = services.segments.page(doc.id, 0, 10).items;
    // The editor selected the bold name with its chips and typed over it: the tags went with it.
    services.segments.update(first!.id, 'Die Stadt Almaty ist groß.');
    const [suggestion] = services.propagation.suggest(first!.id, first!.mtText, 'Die Stadt Almaty ist groß.');
    expect(suggestion!.rule).toEqual({ find: 'Alma-Ata', replace: 'Almaty', wholeWord: true, caseSensitive: true });
    services.propagation.apply(doc.id, suggestion!.rule, others.map((s) => s.id));
    expect(others.map((s) => services.segments.get(s.id).currentText)).toEqual(others.map((s) => s.mtText.replace('Alma-Ata', 'Almaty')));
  });
});
