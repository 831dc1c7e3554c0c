import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePoint, HIDDEN_CHARS } from '../../../core/checks/hiddenText';
import { withTagMarkers } from '../../../core/formats/tagMarkers';
import { CHECK_IDS, SEVERITIES } from '../../../core/checks/types';
import { wordDiff } from '../../../core/diff';
import { documentMetrics } from '../../../core/metrics';
import { MQM_CATEGORIES, MQM_SEVERITIES } from '../../../core/mqm/categories';
import { mqmSummary } from '../../../core/mqm/score';
import { SEGMENT_STATUSES, type SegmentStatus } from '../../../core/model/segment';
import {
  escapeHtml,
  formatDuration,
  formatTimestamp,
  isUntouched,
  renderReport,
  renderSegment,
  renderUntouchedLine,
  type ReportData,
  type ReportSegment,
} from '../../../core/report/htmlReport';

// ---------------------------------------------------------------------------------------------------------
// A strict little parser for exactly the HTML the report writes: every `<` must open a known tag with known,
// double-quoted attributes; text may hold no `<`/`>` and no `&` but the references the escaper writes; tags
// must nest. Anything else fails the test, so hostile text that broke out of its element would be caught.
// ---------------------------------------------------------------------------------------------------------

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Array<Element | string>;
}

const TAGS = new Set(
  'html head meta title style body header main h1 h2 h3 h4 dl dt dd section table thead tbody tfoot tr th td article p span del ins ul li q'.split(' '),
);
const VOID = new Set(['meta']);
const ATTRIBUTES = new Set(['class', 'id', 'lang', 'charset', 'name', 'content', 'http-equiv', 'scope']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#58': ':' };

const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#58);/g, (_, name: string) => ENTITIES[name]!);

/** Throws (cheaper than `expect` in a loop that runs for every tag of hundreds of reports). */
function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

function parse(html: string): { root: Element; style: string } {
  const doctype = '<!DOCTYPE html>\n';
  check(html.startsWith(doctype), 'no doctype first');
  check(html.match(/<style>/g)?.length === 1 && html.match(/<\/style>/g)?.length === 1, 'not exactly one style element');
  const styleStart = html.indexOf('<style>') + '<style>'.length;
  const styleEnd = html.indexOf('</style>');
  const style = html.slice(styleStart, styleEnd);
  const rest = html.slice(doctype.length, styleStart) + html.slice(styleEnd);

  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  const top = () => stack[stack.length - 1]!;
  let at = 0;
  for (const match of rest.matchAll(/<[^<>]*>/g)) {
    const text = rest.slice(at, match.index);
    at = match.index + match[0].length;
    check(!/[<>]/.test(text), `markup character in text: ${JSON.stringify(text)}`);
    check(!/&(?!(amp|lt|gt|quot|#39|#58);)/.test(text), `bare & in text: ${JSON.stringify(text)}`);
    if (text) top().children.push(decode(text));

    const tag = match[0];
    const close = /^<\/([a-z][a-z0-9]*)>$/.exec(tag);
    if (close) {
      check(top().tag === close[1], `${tag} closes <${top().tag}>`);
      stack.pop();
      continue;
    }
    const open = /^<([a-z][a-z0-9]*)((?: [a-z-]+="[^"]*")*)>$/.exec(tag);
    check(open, `unexpected markup ${tag}`);
    const name = open[1]!;
    check(TAGS.has(name), `unknown tag <${name}>`);
    const attrs: Record<string, string> = {};
    for (const [, key, value] of open[2]!.matchAll(/ ([a-z-]+)="([^"]*)"/g)) {
      check(ATTRIBUTES.has(key!), `unexpected attribute ${key}`);
      attrs[key!] = decode(value!);
    }
    const element: Element = { tag: name, attrs, children: [] };
    top().children.push(element);
    if (!VOID.has(name)) stack.push(element);
  }
  check(rest.slice(at).trim() === '', 'text after </html>');
  check(stack.length === 1, `unclosed <${top().tag}>`);
  return { root, style };
}

function all(node: Element, match: (e: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (match(child)) found.push(child);
    all(child, match, found);
  }
  return found;
}

const textOf = (node: Element | string): string =>
  typeof node === 'string' ? node : node.children.map(textOf).join('');
const hasClass = (name: string) => (e: Element) => (e.attrs.class ?? '').split(' ').includes(name);
/** What a browser shows of a string the escaper wrote: unprintables and lone surrogates as U+FFFD. */
/** The text as the report shows it: escaped, with hidden characters written as their code points. */
const shown = (text: string) => withTagMarkers(decode(escapeHtml(text)).replace(HIDDEN_CHARS, codePoint));

// ---------------------------------------------------------------------------------------------------------

const MT = 'President Tokayev in the afternoon, he said that the situation is stabilized .';
const FINAL = 'In the afternoon, President Tokayev said that the situation had stabilised.';

function segment(overrides: Partial<ReportSegment> = {}): ReportSegment {
  const mtText = overrides.mtText ?? MT;
  const finalText = overrides.finalText ?? FINAL;
  return {
    position: 3,
    paragraph: 2,
    status: 'edited',
    mtText,
    finalText,
    sourceText: null,
    diff: wordDiff(mtText, finalText),
    hter: 40,
    flags: [{ check: 'spacing', title: 'Spacing', severity: 'minor', message: 'Space before “.”' }],
    note: 'Checked with the client & the "style guide".',
    rejectReason: '',
    annotations: [
      {
        side: 'mt',
        category: 'fluency.grammar',
        severity: 'major',
        quote: 'in the afternoon, he',
        comment: 'Duplicated subject',
        outdated: false,
      },
    ],
    ...overrides,
  };
}

function report(segments: ReportSegment[], overrides: Partial<ReportData> = {}): ReportData {
  const statusCounts = Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, 0])) as Record<SegmentStatus, number>;
  for (const s of segments) statusCounts[s.status]++;
  const wordCount = segments.reduce((n, s) => n + s.finalText.split(/\s+/).filter(Boolean).length, 0);
  const { mqm = mqmSummary(segments.flatMap((s) => s.annotations), wordCount, 99), ...rest } = overrides;
  return {
    title: 'Kazakhstan (sample MT)',
    fileName: 'kazakhstan-mt.txt',
    exportedAt: Date.UTC(2024, 0, 15, 9, 30),
    metrics: documentMetrics(segments.map((s) => ({ mtText: s.mtText, currentText: s.finalText, editMs: 65_000, keystrokes: 30 }))),
    statusCounts,
    mqm,
    segments,
    ...rest,
  };
}

describe('renderReport: structure', () => {
  it('is one complete, well-formed HTML document with inline CSS and nothing external', () => {
    const html = renderReport(report([segment(), segment({ position: 4, finalText: MT, diff: wordDiff(MT, MT), flags: [], note: '', annotations: [] })]));
    const { root, style } = parse(html);
    const [htmlElement] = root.children as Element[];
    expect(htmlElement!.tag).toBe('html');
    expect(htmlElement!.children.filter((c): c is Element => typeof c !== 'string').map((c) => c.tag)).toEqual(['head', 'body']);
    expect(all(root, (e) => e.tag === 'meta' && e.attrs.charset === 'utf-8')).toHaveLength(1);
    const csp = all(root, (e) => e.attrs['http-equiv'] === 'Content-Security-Policy')[0]!;
    expect(csp.attrs.content).toMatch(/default-src 'none'/);
    expect(textOf(all(root, (e) => e.tag === 'title')[0]!)).toBe('Review report: Kazakhstan (sample MT)');

    // nothing loaded, nothing run
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|javascript:|@import|url\(/i);
    // print-friendly: a print layout that keeps each sentence on one page
    expect(style).toMatch(/@media print\s*{[^]*\.segment[^{]*{[^}]*page-break-inside: avoid/);
    expect(style).toMatch(/break-inside: avoid/);

    // the changed sentence is a card; the untouched one a single line with its position and text
    const articles = all(root, (e) => e.tag === 'article');
    expect(articles.map((a) => a.attrs.id)).toEqual(['segment-3']);
    expect(articles.map((a) => a.attrs.class)).toEqual(['segment status-edited']);
    expect(all(root, hasClass('untouched')).map((e) => e.attrs.id)).toEqual(['segment-4']);
  });

  it('puts the header, the figures and the MQM summary before the sentences', () => {
    const html = renderReport(report([segment()]));
    const { root } = parse(html);
    expect(textOf(all(root, (e) => e.tag === 'h1')[0]!)).toBe('Kazakhstan (sample MT)');
    expect(all(root, (e) => e.tag === 'h2').map(textOf)).toEqual([
      'Post-editing effort',
      'Review status',
      'MQM quality score',
      'Sentences',
    ]);
    const order = ['kazakhstan-mt.txt', 'Corpus HTER', 'Not started', 'MQM quality score', 'Sentence 3'];
    const positions = order.map((s) => html.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // golden fragments of the summary
    expect(html).toContain('<dt>File</dt><dd>kazakhstan-mt.txt</dd>');
    expect(html).toContain('<dt>Exported</dt><dd>2024-01-15 09:30 UTC</dd>');
    expect(html).toContain('<dt>Corpus HTER</dt><dd>38.5 % (5 edits over 13 words)</dd>');
    expect(html).toContain('<dt>Untouched</dt><dd>0</dd>\n<dt>Lightly corrected (HTER up to 50 %)</dt><dd>1</dd>\n<dt>Rewritten (HTER over 50 %)</dt><dd>0</dd>');
    expect(html).toContain('<dt>Edits by type</dt><dd>0 insertions, 1 deletion, 3 substitutions, 1 shift</dd>');
    expect(html).toContain('<dt>Editing time</dt><dd>1 min 05 s</dd>');
    // 13 MT words (as split at spaces, the lone "." included) in 65 s: 13 × 3600 / 65 = 720
    expect(html).toContain('<dt>Words per hour</dt><dd>720</dd>');
    expect(html).toContain(
      '<tbody><tr><td class="n zero">0</td><td class="n">1</td><td class="n zero">0</td><td class="n zero">0</td><td class="n zero">0</td></tr></tbody>',
    );
    // one major (5 points) in 11 words: 100 × 6/11 = 54.545… shown rounded down
    expect(html).toContain('<dt>Score</dt><dd><span class="score">54.54</span> <span class="verdict fail">Fail</span></dd>');
    expect(html).toContain('<dt>Threshold</dt><dd>99</dd>\n<dt>Penalty</dt><dd>5</dd>\n<dt>Errors</dt><dd>1</dd>');
    expect(html).toContain(
      '<tr><th scope="row">Fluency · Grammar</th><td class="n zero">0</td><td class="n">1</td><td class="n zero">0</td><td class="n">1</td></tr>',
    );
    expect(html).toContain('<th scope="col" class="n">Critical (×25)</th>');
  });

  it('shows a pass and every MQM category, zeros included', () => {
    const clean = segment({ annotations: [] });
    const { root } = parse(renderReport(report([clean])));
    const matrix = all(root, hasClass('mqm-matrix'))[0]!;
    const rows = all(matrix, (e) => e.tag === 'tr');
    expect(rows).toHaveLength(1 + MQM_CATEGORIES.length + 1); // head, categories, total
    expect(textOf(all(root, hasClass('verdict'))[0]!)).toBe('Pass');
    expect(textOf(all(root, hasClass('score'))[0]!)).toBe('100.00');
  });

  it('writes one sentence exactly so (golden)', () => {
    expect(renderSegment(segment())).toBe(`<article class="segment status-edited" id="segment-3">
<h3 class="segment-head"><span class="position">Sentence 3</span> · <span class="paragraph">paragraph 2</span> · <span class="status">Edited</span> · <span class="hter">HTER 40.0 %</span></h3>
<h4>MT</h4>
<p class="text mt">President Tokayev in the afternoon, he said that the situation is stabilized .</p>
<h4>Final</h4>
<p class="text final">In the afternoon, President Tokayev said that the situation had stabilised.</p>
<h4>Changes</h4>
<p class="text diff"><del>President Tokayev in </del><ins>In </ins>the afternoon, <del>he </del><ins>President Tokayev </ins>said that the situation <del>is stabilized </del><ins>had stabilised</ins>.</p>
<h4>Flags</h4>
<ul class="flags">
<li class="flag severity-minor"><span class="check">Spacing</span> (minor): Space before “.”</li>
</ul>
<h4>Note</h4>
<p class="text note">Checked with the client &amp; the &quot;style guide&quot;.</p>
<h4>MQM errors</h4>
<table class="annotations">
<thead><tr><th scope="col">Category</th><th scope="col">Severity</th><th scope="col">In</th><th scope="col">Words</th><th scope="col">Comment</th></tr></thead>
<tbody>
<tr class="severity-major"><td>Fluency · Grammar</td><td>Major</td><td>MT</td><td><q>in the afternoon, he</q></td><td>Duplicated subject</td></tr>
</tbody>
</table>
</article>`);
  });

  it('says why a rejected sentence was rejected, before its note', () => {
    const html = renderSegment(segment({ status: 'rejected', rejectReason: 'Wrong register for a <news> text', flags: [], annotations: [] }));
    expect(html).toContain(`<h4>Rejected because</h4>
<p class="text reject-reason">Wrong register for a &lt;news&gt; text</p>
<h4>Note</h4>`);
  });

  it('writes an untouched sentence without flags, note or annotations briefly, and a source when there is one', () => {
    const html = renderSegment(
      segment({ finalText: MT, diff: wordDiff(MT, MT), hter: 0, status: 'approved', flags: [], note: '  ', annotations: [], sourceText: 'Токаев…' }),
    );
    expect(html).toContain('<span class="status">Approved</span> · <span class="hter">HTER 0.0 %</span>');
    expect(html).toContain('<h4>Source</h4>\n<p class="text source">Токаев…</p>');
    expect(html).toContain('<h4>Changes</h4>\n<p class="none">No change.</p>\n</article>');
    expect(html).not.toMatch(/Flags|Note|MQM errors|<del>|<ins>/);
  });

  it('shows bidi overrides and zero-width spaces as visible codes, in an isolated paragraph', () => {
    const html = renderSegment(segment({ mtText: 'Total \u202E01$\u202C ok', finalText: 'a\u200Bb' }));
    expect(html).toContain(
      '<p class="text mt">Total <span class="hidden-char">U+202E</span>01$<span class="hidden-char">U+202C</span> ok</p>',
    );
    expect(html).toContain('<p class="text final">a<span class="hidden-char">U+200B</span>b</p>');
    expect(renderReport(report([]))).toMatch(/\.text \{[^}]*unicode-bidi: isolate;/);
  });

  it('shows inline tags as the numbered marks the editor saw, not as private-use characters', () => {
    const html = renderSegment(segment({ mtText: 'Der Präsident \uE000Kasachstans\uE001 besuchte Tokio.', finalText: 'Der \uE000Präsident\uE001.' }));
    expect(html).toContain('<p class="text mt">Der Präsident <span class="tag">{1}</span>Kasachstans<span class="tag">{2}</span> besuchte Tokio.</p>');
    expect(html).toContain('<p class="text final">Der <span class="tag">{1}</span>Präsident<span class="tag">{2}</span>.</p>');
    expect(html).not.toMatch(/[\uE000-\uEFFF]/u);
  });

  it('marks an annotation whose words have changed since', () => {
    const [annotation] = segment().annotations;
    const html = renderSegment(segment({ annotations: [{ ...annotation!, side: 'target', outdated: true }] }));
    expect(html).toContain('<td>Final</td><td><q>in the afternoon, he</q> <span class="outdated">(text changed since)</span></td>');
  });
});

describe('renderReport: untouched sentences', () => {
  const untouched = (position: number, overrides: Partial<ReportSegment> = {}) =>
    segment({ position, status: 'not_started', finalText: MT, diff: wordDiff(MT, MT), hter: 0, flags: [], note: '', annotations: [], ...overrides });
  const sentencesOf = (html: string) => html.slice(html.indexOf('<h2>Sentences</h2>\n') + '<h2>Sentences</h2>\n'.length, html.indexOf('\n</section>\n</main>'));
  // 1 and 2 untouched, 3 changed, 4–6 untouched, 7 changed, 8 untouched
  const mixed = [untouched(1), untouched(2), segment({ position: 3 }), untouched(4), untouched(5), untouched(6), segment({ position: 7 }), untouched(8)];

  it('writes an untouched sentence as one line: its position and its text, hidden characters shown (golden)', () => {
    expect(renderUntouchedLine(untouched(12))).toBe(
      '<p class="untouched" id="segment-12"><span class="position">12</span> <span class="text">President Tokayev in the afternoon, he said that the situation is stabilized .</span></p>',
    );
    expect(renderUntouchedLine(untouched(5, { mtText: 'a\u200B<b>', finalText: 'a\u200B<b>' }))).toBe(
      '<p class="untouched" id="segment-5"><span class="position">5</span> <span class="text">a<span class="hidden-char">U+200B</span>&lt;b&gt;</span></p>',
    );
    // The editor's decision on it, and a lock of the file's, are said after it.
    expect(renderUntouchedLine(untouched(2, { status: 'approved', locked: 'file', mtText: 'Done.', finalText: 'Done.' }))).toBe(
      '<p class="untouched" id="segment-2"><span class="position">2</span> <span class="text">Done.</span> <span class="status">Approved</span> <span class="locked">locked in the file</span></p>',
    );
    // A unit too long to edit here is locked too, not by the file: it says so.
    expect(renderUntouchedLine(untouched(3, { locked: 'length', mtText: 'Long.', finalText: 'Long.' }))).toBe(
      '<p class="untouched" id="segment-3"><span class="position">3</span> <span class="text">Long.</span> <span class="locked">too long to edit here</span></p>',
    );
  });

  it('says a card’s sentence is locked in the file, or too long to edit here, after its status', () => {
    expect(renderReport(report([segment({ locked: 'file' })]))).toContain('<span class="status">Edited</span> · <span class="locked">locked in the file</span> · <span class="hter">');
    expect(renderReport(report([segment({ locked: 'length' })]))).toContain(
      '<span class="status">Edited</span> · <span class="locked">too long to edit here</span> · <span class="hter">',
    );
  });

  it('by default (a short document) lists every sentence: cards for the changed, one line for each untouched', () => {
    const html = renderReport(report(mixed));
    parse(html);
    const lines = sentencesOf(html).split('\n').filter((line) => line.startsWith('<p class="untouched"') || line.startsWith('<article'));
    expect(lines.map((line) => /id="segment-(\d+)"/.exec(line)![1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(html.match(/<article /g)).toHaveLength(2);
    expect(html).toContain('<p class="untouched" id="segment-4"><span class="position">4</span> <span class="text">');
    expect(html).not.toContain('<p class="unchanged-run">');
  });

  it('with changed only, collapses each run of untouched sentences into one line (golden)', () => {
    const html = renderReport(report(mixed), { changedOnly: true });
    parse(html);
    expect(sentencesOf(html)).toBe(
      [
        '<p class="unchanged-run">Sentences 1–2 unchanged</p>',
        renderSegment(mixed[2]!),
        '<p class="unchanged-run">Sentences 4–6 unchanged</p>',
        renderSegment(mixed[6]!),
        '<p class="unchanged-run">Sentence 8 unchanged</p>',
      ].join('\n'),
    );
    expect(html).not.toContain('<p class="untouched"');
    // all changed: no run line at all
    expect(renderReport(report([segment()]), { changedOnly: true })).not.toContain('<p class="unchanged-run">');
  });

  it('keeps a card for a sentence with anything to review: a change, a note, an MQM error, a flag, a rejection', () => {
    const reviewable = [
      untouched(1, { finalText: FINAL, diff: wordDiff(MT, FINAL), hter: 40 }),
      untouched(2, { note: 'Ask the client.' }),
      untouched(3, { annotations: segment().annotations }),
      untouched(4, { flags: segment().flags }),
      untouched(5, { status: 'rejected' }),
    ];
    expect(reviewable.filter(isUntouched)).toEqual([]);
    expect(isUntouched(untouched(6, { note: '  ', status: 'approved' }))).toBe(true);
    const html = renderReport(report(reviewable), { changedOnly: true });
    expect(html.match(/<article /g)).toHaveLength(5);
    expect(html).not.toMatch(/<p class="(unchanged-run|untouched)"/);
  });

  it('lists changed sentences only by default above 200 sentences, and can be told either way', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => (i === 9 ? segment({ position: 10 }) : untouched(i + 1)));
    const long = renderReport(report(many(201)));
    expect(sentencesOf(long)).toBe(
      ['<p class="unchanged-run">Sentences 1–9 unchanged</p>', renderSegment(many(201)[9]!), '<p class="unchanged-run">Sentences 11–201 unchanged</p>'].join('\n'),
    );
    expect(renderReport(report(many(201)), { changedOnly: false }).match(/<p class="untouched"/g)).toHaveLength(200);
    const short = renderReport(report(many(200)));
    expect(short.match(/<p class="untouched"/g)).toHaveLength(199);
    expect(short).not.toContain('<p class="unchanged-run">');
    expect(renderReport(report(many(200)), { changedOnly: true }).match(/<p class="unchanged-run"/g)).toHaveLength(2);
  });
});

describe('renderReport: typing time and batch changes', () => {
  const metricsOf = (html: string) => html.slice(html.indexOf('<dt>Editing time</dt>'), html.indexOf('\n</dl>\n</section>'));

  it('reports batch changes apart from the editing time (golden)', () => {
    const metrics = documentMetrics([
      { mtText: 'One two three four.', currentText: 'One two three.', editMs: 30_000, keystrokes: 9, batchIds: [] },
      { mtText: 'Five six.', currentText: 'Five seven.', editMs: 0, keystrokes: 0, batchIds: [4, 7] },
      { mtText: 'Eight.', currentText: 'Nine.', editMs: 0, keystrokes: 0, batchIds: [4] },
      { mtText: 'Ten eleven.', currentText: 'Ten twelve.', editMs: 10_000, keystrokes: 5, batchIds: [9] },
    ]);
    // typing only: 40 s over the 4 + 2 MT words of the two typed sentences = 540 words per hour
    expect(metricsOf(renderReport(report([segment()], { metrics })))).toBe(
      [
        '<dt>Editing time</dt><dd>40 s</dd>',
        '<dt>Median time per sentence</dt><dd>20 s</dd>',
        '<dt>Words per hour</dt><dd>540</dd>',
        '<dt>Keystrokes</dt><dd>14</dd>',
        '<dt>Batch changes</dt><dd>3 sentences in 3 steps (not counted as editing time)</dd>',
      ].join('\n'),
    );
  });

  it('says none when nothing was changed in batches, and one sentence in one step in the singular', () => {
    expect(renderReport(report([segment()]))).toContain('<dt>Keystrokes</dt><dd>30</dd>\n<dt>Batch changes</dt><dd>none</dd>\n</dl>');
    const one = documentMetrics([{ mtText: 'A b.', currentText: 'A c.', editMs: 0, keystrokes: 0, batchIds: [2] }]);
    const html = renderReport(report([segment()], { metrics: one }));
    expect(html).toContain('<dt>Batch changes</dt><dd>1 sentence in 1 step (not counted as editing time)</dd>');
    expect(html).toContain('<dt>Editing time</dt><dd>0 s</dd>');
    expect(html).toContain('<dt>Words per hour</dt><dd>– (no editing time recorded)</dd>');
  });

  it('gives no words per hour for a quick edit, and its time as under a second, not 0 s', () => {
    const quick = documentMetrics([{ mtText: 'One two three four five six.', currentText: 'One two three four five seven.', editMs: 446, keystrokes: 3, batchIds: [] }]);
    const html = renderReport(report([segment()], { metrics: quick }));
    expect(html).toContain('<dt>Editing time</dt><dd>&lt; 1 s</dd>');
    expect(html).toContain('<dt>Words per hour</dt><dd>– (too little editing time recorded, under 5 s)</dd>');
  });

  it('says the time went to units without MT when no MT was post-edited, not that none was recorded', () => {
    const translated = documentMetrics([{ mtText: '', currentText: 'Neu.', editMs: 1_000, keystrokes: 4, batchIds: [] }]);
    const html = renderReport(report([segment()], { metrics: translated }));
    expect(html).toContain('<dt>Editing time</dt><dd>1 s</dd>');
    expect(html).toContain('<dt>Words per hour</dt><dd>– (the editing time went to units without MT, counted apart)</dd>');
  });
});

describe('renderReport: units without MT', () => {
  it('reports them apart from HTER, and a translated one as having no MT rather than an HTER (golden)', () => {
    const metrics = documentMetrics([
      { mtText: 'One two three four.', currentText: 'One two three.', editMs: 30_000, keystrokes: 9 },
      { mtText: '', currentText: 'Translated from nothing.', editMs: 50_000, keystrokes: 30 },
      { mtText: '', currentText: '', editMs: 0, keystrokes: 0 },
    ]);
    const html = renderReport(report([segment({ mtText: '', finalText: 'Translated from nothing.', hter: 100 })], { metrics }));
    expect(html).toContain(
      '<dt>Rewritten (HTER over 50 %)</dt><dd>0</dd>\n<dt>Sentences without MT</dt><dd>1 of 2 translated (4 words); not in HTER, the classes above or words per hour</dd>',
    );
    // The one post-edited sentence alone: one deletion over its four words, and its 4 MT words over its 30 s.
    expect(html).toContain('<dt>Corpus HTER</dt><dd>25.0 %');
    expect(html).toContain('<dt>Words per hour</dt><dd>480</dd>');
    expect(html).toContain('<span class="hter">no MT</span></h3>');
    expect(html).toContain('<h4>MT: none, translated without MT</h4>\n<p class="text mt"></p>');
    expect(html).not.toContain('HTER 100');
  });

  it('says nothing of them when every unit came with MT', () => {
    expect(renderReport(report([segment()]))).not.toContain('without MT');
  });
});

describe('renderReport: hostile text', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '</style><script>alert(2)</script>',
    '</p></article><script src="https://evil.example/x.js"></script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'JaVaScRiPt:void(0)',
    'vbscript:msgbox',
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    '&',
    '&amp;',
    '&#58;',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '</title>',
    '<style>',
    '\u0000',
    '\u0007',
    '\uD800',
    '\uDFFF',
    '\r\n',
    '\u2028',
    '<',
    '>',
  ];
  const hostile = fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 6 })
    .map((parts) => parts.join(''));

  const hostileSegment = fc
    .record({
      position: fc.integer({ min: 1, max: 500 }),
      paragraph: fc.integer({ min: 1, max: 100 }),
      status: fc.constantFrom(...SEGMENT_STATUSES),
      mtText: hostile,
      finalText: hostile,
      sourceText: fc.option(hostile, { nil: null }),
      flags: fc.array(
        fc.record({ check: fc.constantFrom(...CHECK_IDS), title: hostile, severity: fc.constantFrom(...SEVERITIES), message: hostile }),
        { maxLength: 2 },
      ),
      note: hostile,
      rejectReason: hostile,
      annotations: fc.array(
        fc.record({
          side: fc.constantFrom('mt' as const, 'target' as const),
          category: fc.constantFrom(...MQM_CATEGORIES),
          severity: fc.constantFrom(...MQM_SEVERITIES),
          quote: hostile,
          comment: hostile,
          outdated: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
    })
    .map((s): ReportSegment => ({ ...s, diff: wordDiff(s.mtText, s.finalText), hter: 12.5 }));

  it('never lets a script, a javascript: URL or stray markup through, and shows the text as written', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.array(hostileSegment, { maxLength: 3 }), (title, fileName, segments) => {
        const html = renderReport(report(segments, { title, fileName }));
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/javascript:/i);
        expect(html).not.toMatch(/vbscript:/i);
        const { root } = parse(html); // fails on any markup the report did not write itself

        expect(textOf(all(root, (e) => e.tag === 'h1')[0]!)).toBe(shown(title));
        const articles = all(root, (e) => e.tag === 'article');
        const changed = segments.filter((s) => !isUntouched(s));
        expect(articles).toHaveLength(changed.length);
        const lines = all(root, hasClass('untouched'));
        expect(lines.map((line) => textOf(all(line, hasClass('text'))[0]!))).toEqual(
          segments.filter(isUntouched).map((s) => shown(s.finalText)),
        );
        changed.forEach((s, i) => {
          const article = articles[i]!;
          expect(textOf(all(article, hasClass('mt'))[0]!)).toBe(shown(s.mtText));
          expect(textOf(all(article, hasClass('final'))[0]!)).toBe(shown(s.finalText));
          const diff = all(article, hasClass('diff'))[0];
          if (s.mtText !== s.finalText) {
            // the diff's deleted + equal text is the MT, its inserted + equal text the final text
            const keep = (drop: string) => (node: Element | string): string =>
              typeof node === 'string' ? node : node.tag === drop ? '' : node.children.map(keep(drop)).join('');
            expect(keep('ins')(diff!)).toBe(shown(s.mtText));
            expect(keep('del')(diff!)).toBe(shown(s.finalText));
          }
          const notes = all(article, hasClass('note'));
          expect(notes.map(textOf)).toEqual(s.note.trim() === '' ? [] : [shown(s.note)]);
          const reasons = all(article, hasClass('reject-reason'));
          expect(reasons.map(textOf)).toEqual(s.rejectReason.trim() === '' ? [] : [shown(s.rejectReason)]);
          const quotes = all(article, (e) => e.tag === 'q');
          expect(quotes.map(textOf)).toEqual(s.annotations.map((a) => shown(a.quote)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps unknown status and category values inert too', () => {
    const evil = '"><script>alert(1)</script>';
    const html = renderReport(
      report([
        segment({
          status: evil as SegmentStatus,
          annotations: [{ ...segment().annotations[0]!, category: 'style', severity: evil as 'minor' }],
          flags: [{ check: 'spacing', title: evil, severity: evil as 'minor', message: evil }],
        }),
      ], { mqm: mqmSummary([], 10, 99) }),
    );
    expect(html).not.toMatch(/<script/i);
    parse(html);
  });

  it('escapes the five markup characters and breaks up script URLs', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('javascript:alert(1) at 09:30')).toBe('javascript&#58;alert(1) at 09:30');
    expect(escapeHtml('a\u0000b\uD800c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });
});

describe('formatting', () => {
  it('writes times in UTC to the minute and durations in words', () => {
    expect(formatTimestamp(Date.UTC(2024, 0, 15, 9, 30, 59))).toBe('2024-01-15 09:30 UTC');
    expect(formatTimestamp(Number.NaN)).toBe('unknown');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(446)).toBe('< 1 s');
    expect(formatDuration(44_600)).toBe('45 s');
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });
});
