import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../core/diff';
import { RedlineError } from '../../core/model/errors';
import { isUntouched } from '../../core/report/htmlReport';
import { openDatabase } from '../../db/connection';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createStore } from '../../db/store';
import { FIXED_TIME, FIXTURE_SEGMENTS, onCleanup, openTestServices, SAMPLE } from '../electron/support';

const ARSON = 'After the arson of the administrative buildings, protesters began to shoot at law enforcement officers.';
const BURNING = ARSON.replace('arson', 'burning');
const NOTE = 'Client prefers “burning” <b>here</b> & in the headline.';

/** Real services on a temp SQLite file, a second store on the same file (for notes), and the sample. */
function setup() {
  const ctx = openTestServices();
  const store = createStore(openDatabase(ctx.databaseFile, { clock: () => ctx.clock.now, nativeBinding: nodeNativeBinding() }));
  onCleanup(() => store.close());
  const doc = ctx.services.openSample(SAMPLE);
  const [first, second] = ctx.services.segments.page(doc.id, 0, 2).items;
  expect(second!.mtText).toBe(ARSON);
  return { ...ctx, store, doc, first: first!, second: second! };
}

/** Edits sentence 2, notes it and tags the MT's "arson" as a major mistranslation. */
function review({ services, store, clock, second }: ReturnType<typeof setup>) {
  services.segments.update(second.id, BURNING, { editMs: 30_000, keystrokes: 12 });
  store.notes.set(second.id, NOTE, clock.now);
  services.annotations.add(second.id, 'mt', 10, 15, 'accuracy.mistranslation', 'major', 'Too literal: "arson"');
}

describe('reportService.reportData', () => {
  it('gathers the document, its figures, statuses, MQM summary and every sentence', () => {
    const ctx = setup();
    const { services, doc, first, clock } = ctx;
    review(ctx);
    const leaked = services.checks.segment(first.id, first.currentText).find((flag) => flag.check === 'leaked-text')!;
    services.checks.ignore(first.id, 'leaked-text', first.currentText.slice(leaked.start, leaked.end), true);

    const data = services.report.reportData(doc.id);
    expect(data).toMatchObject({ title: SAMPLE.title, fileName: SAMPLE.fileName, exportedAt: clock.now });
    expect(data.metrics).toEqual(services.metrics.document(doc.id));
    expect(data.mqm).toEqual(services.annotations.summary(doc.id));
    expect(data.statusCounts).toEqual({ not_started: FIXTURE_SEGMENTS - 1, edited: 1, confirmed: 0, approved: 0, rejected: 0 });
    expect(data.segments).toHaveLength(FIXTURE_SEGMENTS);
    expect(data.segments.map((s) => s.position)).toEqual(Array.from({ length: FIXTURE_SEGMENTS }, (_, i) => i + 1));

    const edited = data.segments[1]!;
    expect(edited).toMatchObject({
      position: 2,
      paragraph: 1,
      status: 'edited',
      mtText: ARSON,
      finalText: BURNING,
      sourceText: null,
      note: NOTE,
      annotations: [
        {
          side: 'mt',
          category: 'accuracy.mistranslation',
          severity: 'major',
          quote: 'arson',
          comment: 'Too literal: "arson"',
          outdated: false,
        },
      ],
    });
    expect(edited.diff).toEqual(wordDiff(ARSON, BURNING));
    // one substitution over the correction's 17 tokens (15 words; TER's normalization splits off ',' and '.')
    expect(edited.hter).toBeCloseTo(100 / 17, 10);
    expect(data.segments[0]!.hter).toBe(0);

    // flags of the final text as the editor sees them: the ignored one on sentence 1 is left out
    expect(data.segments[0]!.flags).toEqual([]);
    expect(data.segments[3]!.flags).toEqual([
      { check: 'name-variants', title: expect.any(String), severity: 'major', message: expect.stringContaining('Alma-Ata') },
    ]);
  });

  it('marks an annotation whose words have since changed', () => {
    const ctx = setup();
    const { services, doc, second } = ctx;
    services.segments.update(second.id, BURNING);
    services.annotations.add(second.id, 'target', 10, 17, 'style', 'minor');
    expect(services.report.reportData(doc.id).segments[1]!.annotations[0]).toMatchObject({ quote: 'burning', outdated: false });
    // Words typed before the tagged ones move them, not change them.
    services.segments.update(second.id, `Indeed, ${BURNING}`);
    expect(services.report.reportData(doc.id).segments[1]!.annotations[0]).toMatchObject({ quote: 'burning', outdated: false });
    services.segments.update(second.id, ARSON.replace('arson', 'torching'));
    expect(services.report.reportData(doc.id).segments[1]!.annotations[0]).toMatchObject({ quote: 'burning', outdated: true });
  });

  it('refuses an unknown document', () => {
    const { services } = setup();
    expect(() => services.report.reportData(4242)).toThrow(RedlineError);
    expect(() => services.report.exportFileName(4242)).toThrow(/no document/);
  });
});

describe('reportService.exportHtml', () => {
  it('writes a self-contained report with the correction, diff, note, annotation and MQM score, and records it', () => {
    const ctx = setup();
    const { services, store, doc, dir, clock } = ctx;
    review(ctx);
    clock.now = FIXED_TIME + 60_000;
    const path = join(dir, 'kazakhstan.report.html');

    expect(services.report.exportHtml(doc.id, path)).toEqual({ path });
    const html = readFileSync(path, 'utf8');

    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html).not.toMatch(/<script|javascript:|\ssrc=|\shref=/i);
    expect(html).toContain('<title>Review report: Kazakhstan (sample MT)</title>');
    expect(html).toContain('<dt>Exported</dt><dd>2024-01-15 09:31 UTC</dd>');
    // a card for each sentence with something to review, one line for each untouched one: all 91 listed
    const cards = html.match(/<article class="segment/g)!.length;
    const lines = html.match(/<p class="untouched" id="segment-\d+">/g)!.length;
    expect(cards + lines).toBe(FIXTURE_SEGMENTS);
    expect(cards).toBe(services.report.reportData(doc.id).segments.filter((s) => !isUntouched(s)).length);
    expect(html).not.toContain('<p class="unchanged-run">');
    // the correction, and the diff that led to it
    expect(html).toContain(`<p class="text final">${BURNING}</p>`);
    expect(html).toContain(
      '<p class="text diff">After the <del>arson</del><ins>burning</ins> of the administrative buildings, protesters began to shoot at law enforcement officers.</p>',
    );
    // the note, escaped
    expect(html).toContain('<p class="text note">Client prefers “burning” &lt;b&gt;here&lt;/b&gt; &amp; in the headline.</p>');
    // the annotation
    expect(html).toContain(
      '<tr class="severity-major"><td>Accuracy · Mistranslation</td><td>Major</td><td>MT</td><td><q>arson</q></td><td>Too literal: &quot;arson&quot;</td></tr>',
    );
    // the MQM score: one major error (5 points) over 1590 words: 100 × 1585 / 1590 = 99.685… ≥ 99
    expect(html).toContain('<dt>Score</dt><dd><span class="score">99.68</span> <span class="verdict pass">Pass</span></dd>');
    expect(html).toContain('<dt>Penalty</dt><dd>5</dd>');
    expect(html).toContain('<dt>Words evaluated</dt><dd>1590 (final text)</dd>');
    // figures and statuses
    expect(html).toContain('<dt>Untouched</dt><dd>90</dd>\n<dt>Lightly corrected (HTER up to 50 %)</dt><dd>1</dd>');
    expect(html).toContain('<dt>Editing time</dt><dd>30 s</dd>');
    expect(html).toContain('<dt>Batch changes</dt><dd>none</dd>');
    expect(html).toContain('<tbody><tr><td class="n">90</td><td class="n">1</td><td class="n zero">0</td>');
    // flags of the final text
    expect(html).toContain('<span class="check">Leaked text</span> (critical): Metadata “date 2022-01-06” is fused into the sentence');

    expect(store.exports.lastAt(doc.id)).toBe(FIXED_TIME + 60_000);
  });

  it('lists changed sentences only when told to (an optional changedOnly)', () => {
    const ctx = setup();
    const { services, doc, dir } = ctx;
    // sentence 1 has a flag, 4 too; 2 and 3 are untouched until sentence 2 is edited
    expect(services.report.renderHtml(doc.id, { changedOnly: true })).toContain(
      '</article>\n<p class="unchanged-run">Sentences 2–3 unchanged</p>\n<article class="segment status-not_started" id="segment-4">',
    );
    review(ctx);
    const path = join(dir, 'changed.report.html');
    services.report.exportHtml(doc.id, path, { changedOnly: true });
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('<article class="segment status-edited" id="segment-2">');
    expect(html).toContain('</article>\n<p class="unchanged-run">Sentence 3 unchanged</p>\n<article class="segment status-not_started" id="segment-4">');
    expect(html).not.toContain('<p class="untouched"');
    expect(services.report.renderHtml(doc.id, { changedOnly: false })).not.toContain('<p class="unchanged-run">');
  });

  it('counts typing only as editing time, and reports batch changes apart, as the metrics panel does', () => {
    const ctx = setup();
    const { services, doc, dir, second } = ctx;
    services.segments.update(second.id, BURNING, { editMs: 30_000, keystrokes: 12 });
    // one replace-all over four sentences, then undone and redone: three steps, none of it typing
    const almaAta = services.segments.page(doc.id, 0, 200).items.filter((s) => s.currentText.includes('Alma-Ata'));
    const options = { find: 'Alma-Ata', replace: 'Almaty', regex: false, caseSensitive: true, wholeWord: true };
    services.replace.apply(doc.id, options, almaAta.map((s) => s.id));
    services.batches.undoLast(doc.id);
    services.batches.redoLast(doc.id);

    const metrics = services.metrics.document(doc.id);
    expect(services.report.reportData(doc.id).metrics).toEqual(metrics);
    expect(metrics).toMatchObject({ totalEditMs: 30_000, keystrokes: 12, batchChanges: { sentences: 4, steps: 3 } });
    // 15 MT words of the one typed sentence in 30 s
    expect(metrics.wordsPerHour).toBeCloseTo(1800, 10);

    const path = join(dir, 'batches.report.html');
    services.report.exportHtml(doc.id, path);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('<dt>Editing time</dt><dd>30 s</dd>\n<dt>Median time per sentence</dt><dd>30 s</dd>\n<dt>Words per hour</dt><dd>1800</dd>');
    expect(html).toContain('<dt>Keystrokes</dt><dd>12</dd>\n<dt>Batch changes</dt><dd>4 sentences in 3 steps (not counted as editing time)</dd>');
  });

  it('replaces an existing file whole, leaving no temp file behind', () => {
    const { services, store, doc, dir } = setup();
    const path = join(dir, 'report.html');
    writeFileSync(path, 'old contents');
    services.report.exportHtml(doc.id, path);
    expect(readFileSync(path, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(store.exports.lastAt(doc.id)).toBe(FIXED_TIME);
  });

  it('records nothing when the file cannot be written', () => {
    const { services, store, doc, dir } = setup();
    const path = join(dir, 'no-such-folder', 'report.html');
    expect(() => services.report.exportHtml(doc.id, path)).toThrow(expect.objectContaining({ code: 'io' }));
    expect(existsSync(path)).toBe(false);
    expect(store.exports.lastAt(doc.id)).toBeNull();
    expect(() => services.report.exportHtml(4242, join(dir, 'x.html'))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it('suggests a file name next to the original', () => {
    const { services, doc } = setup();
    expect(services.report.exportFileName(doc.id)).toBe('kazakhstan-mt.report.html');
  });
});
