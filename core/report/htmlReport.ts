import { codePoint, HIDDEN_CHARS } from '../checks/hiddenText';
import { TAG_CHARS, tagMarker } from '../formats/tagMarkers';
import type { CheckId, Severity } from '../checks/types';
import type { DiffOp } from '../diff/diffOp';
import { MIN_SPEED_MS, type DocumentMetrics } from '../metrics/documentMetrics';
import { MQM_CATEGORIES, MQM_LABELS, MQM_SEVERITIES, MQM_WEIGHTS, type MqmCategory, type MqmSeverity } from '../mqm/categories';
import { formatMqmScore, type MqmSummary } from '../mqm/score';
import { LOCK_WORDS, SEGMENT_STATUSES, STATUS_LABELS, type LockReason, type SegmentStatus } from '../model/segment';
import { LONE_SURROGATE } from '../model/loneSurrogate';

/** A flag of the checks on a sentence's final text, as the report lists it. */
export interface ReportFlag {
  check: CheckId;
  /** The check's title (`CHECKS`), e.g. "Spacing". */
  title: string;
  severity: Severity;
  message: string;
}

/** An MQM annotation as the report lists it. */
export interface ReportAnnotation {
  side: 'source' | 'mt' | 'target';
  category: MqmCategory;
  severity: MqmSeverity;
  /** The annotated words as they were when tagged. */
  quote: string;
  comment: string;
  /** The annotated text has changed since: the quoted words are no longer at the annotated place. */
  outdated: boolean;
}

/** One sentence of the report. */
export interface ReportSegment {
  /** 1-based order in the document. */
  position: number;
  paragraph: number;
  status: SegmentStatus;
  mtText: string;
  /** The editor's final text (the sentence's current text). */
  finalText: string;
  sourceText: string | null;
  /** Word diff of the MT against the final text (`wordDiff`). */
  diff: DiffOp[];
  /** HTER of the sentence, in percent. */
  hter: number;
  flags: ReportFlag[];
  /** The sentence's note; '' for none. */
  note: string;
  /** Why the sentence was rejected, as the editor said when rejecting it; '' for none. */
  rejectReason: string;
  annotations: ReportAnnotation[];
  /**
   * Why its text never changed here: the file's tool locked it (its text and status went back to the file as they
   * came), or it is too long to edit here (its text went back as it came).
   */
  locked?: LockReason;
}

/** Everything the HTML review report shows. */
export interface ReportData {
  title: string;
  fileName: string;
  /** When the report was made, ms since the epoch; shown in UTC. */
  exportedAt: number;
  metrics: DocumentMetrics;
  statusCounts: Record<SegmentStatus, number>;
  mqm: MqmSummary;
  segments: ReportSegment[];
}

export { STATUS_LABELS };

const SEVERITY_LABELS: Record<MqmSeverity, string> = { minor: 'Minor', major: 'Major', critical: 'Critical' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Lone UTF-16 surrogates (not one half of a pair) and C0 controls other than tab, LF and CR, and DEL.
const UNPRINTABLE = new RegExp(`${LONE_SURROGATE.source}|[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]`, 'g');

/**
 * Text made safe for HTML element content and double- or single-quoted attribute values: the five markup
 * characters become character references, unprintable characters and lone surrogates become U+FFFD, and the
 * colon of a `…script:` scheme is written `&#58;` so that not even the letters of a `javascript:` URL remain
 * (the report has no links; this keeps it clean for scanners and for anyone pasting it elsewhere). Browsers
 * show the same text.
 */
export function escapeHtml(text: string): string {
  return String(text)
    .replace(UNPRINTABLE, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replace(/(?<=script):/gi, '&#58;');
}

/** A class name made of known words only: anything else in it becomes `-`. */
const cls = (value: string) => String(value).replace(/[^a-z0-9_-]/gi, '-');

const percent = (value: number) => `${Number.isFinite(value) ? value.toFixed(1) : '–'} %`;
const int = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : '–');
const count = (n: number, noun: string) => `${int(n)} ${noun}${n === 1 ? '' : 's'}`;

/** UTC, to the minute: `2024-01-15 09:30 UTC`. */
export function formatTimestamp(at: number): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return 'unknown';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `45 s`, `3 min 20 s`, `1 h 02 min`; `< 1 s` for some time under a second. */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms < 1000) return '< 1 s';
  const seconds = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; background: #fff;
  max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #ccc; }
h4 { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: #666; margin: .6rem 0 .15rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
.zero { color: #6b6b6b; }
.verdict { font-weight: 700; }
.verdict.pass { color: #0a6b2d; }
.verdict.fail { color: #b00020; }
.segment { border: 1px solid #ddd; border-radius: 4px; padding: .5rem .75rem; margin: .75rem 0; }
.segment-head { margin: 0; font-size: 1rem; }
.status { font-weight: 400; color: #555; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; unicode-bidi: isolate; }
.tag { font: .75em ui-monospace, monospace; color: #1f4e8c; background: #e8f0fb; border-radius: 2px; padding: 0 .15em; }
.hidden-char { font: .75em ui-monospace, monospace; color: #8a1c1c; border: 1px solid #d9a3a3; border-radius: 2px; padding: 0 .15em; }
.none { color: #5f5f5f; font-style: italic; }
/* The app's palette: deletions orange-red and struck through, insertions blue and underlined. */
del { background: #ffe1cc; color: #8a2b00; text-decoration: line-through; white-space: pre-wrap; }
ins { background: #d3e6ff; color: #1d1d1f; text-decoration: underline; text-decoration-color: #0b57d0; text-decoration-thickness: 2px; white-space: pre-wrap; }
ul.flags { margin: .2rem 0; padding-left: 1.2rem; }
.flag .check { font-weight: 600; }
.outdated { color: #8a5a00; font-style: italic; }
.untouched { margin: .15rem 0; color: #444; }
.untouched .position { display: inline-block; min-width: 3em; color: #5f5f5f; font-variant-numeric: tabular-nums; }
.untouched .status, .untouched .locked { font-size: .8em; color: #5f5f5f; border: 1px solid #ccc; border-radius: 3px; padding: 0 .3em; }
.unchanged-run { margin: .5rem 0; color: #5f5f5f; font-style: italic; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { page-break-after: avoid; break-after: avoid; }
  .segment, table, dl.facts { page-break-inside: avoid; break-inside: avoid; }
  .segment { border-color: #999; }
  del, ins, .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function facts(rows: ReadonlyArray<readonly [string, string]>): string {
  return `<dl class="facts">\n${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('\n')}\n</dl>`;
}

const num = (value: number) => `<td class="n${value === 0 ? ' zero' : ''}">${int(value)}</td>`;

/** Changes not typed, apart from the editing time (which counts typing only). */
function batchChanges(m: DocumentMetrics): string {
  const { sentences, steps } = m.batchChanges;
  if (steps === 0) return 'none';
  return `${count(sentences, 'sentence')} in ${count(steps, 'step')} (not counted as editing time)`;
}

/** Units that came without MT, when there are any: translated, not post-edited, so left out of HTER. */
function withoutMt(m: DocumentMetrics): Array<[string, string]> {
  const { segments, translated, words } = m.withoutMt;
  if (segments === 0) return [];
  return [['Sentences without MT', `${int(translated)} of ${int(segments)} translated (${count(words, 'word')}); not in HTER, the classes above or words per hour`]];
}

/** Words of MT post-edited an hour, or why there is no such figure (the time translating units without MT is apart). */
function wordsPerHour(m: DocumentMetrics): string {
  const postEditingMs = m.totalEditMs - m.withoutMt.editMs;
  if (m.wordsPerHour > 0 && postEditingMs >= MIN_SPEED_MS) return int(m.wordsPerHour);
  if (m.totalEditMs > 0 && m.totalEditMs <= m.withoutMt.editMs) return '– (the editing time went to units without MT, counted apart)';
  if (postEditingMs > 0) return `– (too little editing time recorded, under ${MIN_SPEED_MS / 1000} s)`;
  return '– (no editing time recorded)';
}

function renderMetrics(m: DocumentMetrics): string {
  const { insertions, deletions, substitutions, shifts } = m.editsByType;
  return `<section class="metrics">
<h2>Post-editing effort</h2>
${facts([
  ['Sentences', int(m.segments)],
  ['Corpus HTER', `${percent(m.ter)} (${count(m.edits, 'edit')} over ${count(m.refWords, 'word')})`],
  ['Untouched', int(m.untouched)],
  ['Lightly corrected (HTER up to 50 %)', int(m.edited)],
  ['Rewritten (HTER over 50 %)', int(m.rewritten)],
  ...withoutMt(m),
  ['Edits by type', [count(insertions, 'insertion'), count(deletions, 'deletion'), count(substitutions, 'substitution'), count(shifts, 'shift')].join(', ')],
  ['Editing time', escapeHtml(formatDuration(m.totalEditMs))],
  ['Median time per sentence', escapeHtml(formatDuration(m.medianEditMs))],
  ['Words per hour', wordsPerHour(m)],
  ['Keystrokes', int(m.keystrokes)],
  ['Batch changes', batchChanges(m)],
])}
</section>`;
}

function renderStatusCounts(counts: Record<SegmentStatus, number>): string {
  return `<section class="statuses">
<h2>Review status</h2>
<table>
<thead><tr>${SEGMENT_STATUSES.map((s) => `<th scope="col">${escapeHtml(STATUS_LABELS[s])}</th>`).join('')}</tr></thead>
<tbody><tr>${SEGMENT_STATUSES.map((s) => num(counts[s] ?? 0)).join('')}</tr></tbody>
</table>
</section>`;
}

function renderMqm(mqm: MqmSummary): string {
  const verdict = mqm.pass ? '<span class="verdict pass">Pass</span>' : '<span class="verdict fail">Fail</span>';
  const head = MQM_SEVERITIES.map((s) => `<th scope="col" class="n">${SEVERITY_LABELS[s]} (×${MQM_WEIGHTS[s]})</th>`).join('');
  const rows = MQM_CATEGORIES.map(
    (c) =>
      `<tr><th scope="row">${escapeHtml(MQM_LABELS[c])}</th>${MQM_SEVERITIES.map((s) => num(mqm.counts[c]?.[s] ?? 0)).join('')}${num(mqm.byCategory[c] ?? 0)}</tr>`,
  ).join('\n');
  const totals = `<tr><th scope="row">Total</th>${MQM_SEVERITIES.map((s) => num(mqm.bySeverity[s] ?? 0)).join('')}${num(mqm.errors)}</tr>`;
  return `<section class="mqm">
<h2>MQM quality score</h2>
${facts([
  ['Score', `<span class="score">${escapeHtml(formatMqmScore(mqm.score))}</span> ${verdict}`],
  ['Threshold', escapeHtml(String(mqm.threshold))],
  ['Penalty', int(mqm.penalty)],
  ['Errors', int(mqm.errors)],
  ['Words evaluated', `${int(mqm.wordCount)} (final text)`],
])}
<table class="mqm-matrix">
<thead><tr><th scope="col">Category</th>${head}<th scope="col" class="n">Total</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot>${totals}</tfoot>
</table>
</section>`;
}

/**
 * Escaped text with every hidden character (bidi overrides and isolates, zero-width spaces) shown as a visible
 * code instead of acting: the report must show what the sentence holds, not a reordering of it. Inline tags
 * show as the numbered marks the editor saw ({1}), not as the private-use characters they are in the store.
 */
function shown(text: string): string {
  return escapeHtml(text)
    .replace(HIDDEN_CHARS, (char) => `<span class="hidden-char">${codePoint(char)}</span>`)
    .replace(TAG_CHARS, (tag) => `<span class="tag">${tagMarker(tag)}</span>`);
}

function renderDiff(diff: readonly DiffOp[]): string {
  if (!diff.some((op) => op.kind !== 'equal')) return '<p class="none">No change.</p>';
  const inner = diff
    .map((op) =>
      op.kind === 'equal'
        ? shown(op.text)
        : op.kind === 'delete'
          ? `<del>${shown(op.text)}</del>`
          : `<ins>${shown(op.text)}</ins>`,
    )
    .join('');
  return `<p class="text diff">${inner}</p>`;
}

function renderFlags(flags: readonly ReportFlag[]): string {
  if (flags.length === 0) return '';
  const items = flags.map(
    (f) =>
      `<li class="flag severity-${cls(f.severity)}"><span class="check">${escapeHtml(f.title)}</span> (${escapeHtml(f.severity)}): ${escapeHtml(f.message)}</li>`,
  );
  return `\n<h4>Flags</h4>\n<ul class="flags">\n${items.join('\n')}\n</ul>`;
}

function renderAnnotations(annotations: readonly ReportAnnotation[]): string {
  if (annotations.length === 0) return '';
  const rows = annotations.map((a) => {
    const outdated = a.outdated ? ' <span class="outdated">(text changed since)</span>' : '';
    return (
      `<tr class="severity-${cls(a.severity)}"><td>${escapeHtml(MQM_LABELS[a.category] ?? a.category)}</td>` +
      `<td>${escapeHtml(SEVERITY_LABELS[a.severity] ?? a.severity)}</td>` +
      `<td>${a.side === 'source' ? 'Source' : a.side === 'mt' ? 'MT' : 'Final'}</td>` +
      `<td><q>${shown(a.quote)}</q>${outdated}</td><td>${escapeHtml(a.comment)}</td></tr>`
    );
  });
  return `\n<h4>MQM errors</h4>
<table class="annotations">
<thead><tr><th scope="col">Category</th><th scope="col">Severity</th><th scope="col">In</th><th scope="col">Words</th><th scope="col">Comment</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** A titled text of a sentence's card. */
const textBlock = (title: string, kind: string, text: string): string => `\n<h4>${title}</h4>\n<p class="text ${kind}">${shown(text)}</p>`;
/** A titled text the editor wrote, left out when blank. */
const writtenBlock = (title: string, kind: string, text: string): string => (text.trim() === '' ? '' : textBlock(title, kind, text));

/** One sentence: where it is, its status, MT, final text, diff, HTER, flags, reject reason, note and MQM errors. */
export function renderSegment(s: ReportSegment): string {
  const position = int(s.position);
  const source = s.sourceText === null ? '' : textBlock('Source', 'source', s.sourceText);
  const written = writtenBlock('Rejected because', 'reject-reason', s.rejectReason) + writtenBlock('Note', 'note', s.note);
  return `<article class="segment status-${cls(s.status)}" id="segment-${position}">
<h3 class="segment-head"><span class="position">Sentence ${position}</span> · <span class="paragraph">paragraph ${int(s.paragraph)}</span> · <span class="status">${escapeHtml(STATUS_LABELS[s.status] ?? s.status)}</span>${s.locked ? ` · ${lockedMark(s.locked)}` : ''} · <span class="hter">${s.mtText === '' ? 'no MT' : `HTER ${percent(s.hter)}`}</span></h3>${source}
<h4>${s.mtText === '' ? 'MT: none, translated without MT' : 'MT'}</h4>
<p class="text mt">${shown(s.mtText)}</p>
<h4>Final</h4>
<p class="text final">${shown(s.finalText)}</p>
<h4>Changes</h4>
${renderDiff(s.diff)}${renderFlags(s.flags)}${written}${renderAnnotations(s.annotations)}
</article>`;
}

/** Above this many sentences the report lists changed sentences only, unless told otherwise. */
export const CHANGED_ONLY_ABOVE = 200;

export interface ReportOptions {
  /**
   * Changed sentences only: each run of untouched sentences becomes one line ("Sentences 12–40 unchanged").
   * Otherwise every untouched sentence is one compact line. Default: on for documents over `CHANGED_ONLY_ABOVE`.
   */
  changedOnly?: boolean;
}

/**
 * Nothing to review in it: the final text is the MT, and it has no note, no MQM error, no flag and was not
 * rejected (a rejection is a finding even on an unchanged sentence).
 */
export const isUntouched = (s: ReportSegment): boolean =>
  s.finalText === s.mtText && s.note.trim() === '' && s.annotations.length === 0 && s.flags.length === 0 && s.status !== 'rejected';

/** Said of a locked sentence after its status, why it is locked (a card's heading puts a dot before it). */
const lockedMark = (reason: LockReason): string => `<span class="locked">${LOCK_WORDS[reason]}</span>`;

/**
 * An untouched sentence as one line: its position and its text, no card; and the editor's decision on it, when
 * they made one (confirmed or approved as the MT stands), and its lock.
 */
export function renderUntouchedLine(s: ReportSegment): string {
  const position = int(s.position);
  const decided = s.status === 'confirmed' || s.status === 'approved' ? ` <span class="status">${escapeHtml(STATUS_LABELS[s.status])}</span>` : '';
  const locked = s.locked ? ` ${lockedMark(s.locked)}` : '';
  return `<p class="untouched" id="segment-${position}"><span class="position">${position}</span> <span class="text">${shown(s.finalText)}</span>${decided}${locked}</p>`;
}

/** A run of untouched sentences left out, as one line. */
function renderUnchangedRun(first: ReportSegment, last: ReportSegment): string {
  const range = first === last ? `Sentence ${int(first.position)}` : `Sentences ${int(first.position)}–${int(last.position)}`;
  return `<p class="unchanged-run">${range} unchanged</p>`;
}

function renderSegments(segments: readonly ReportSegment[], changedOnly: boolean): string {
  const parts: string[] = [];
  let run: ReportSegment[] = [];
  const endRun = () => {
    if (run.length > 0) parts.push(renderUnchangedRun(run[0]!, run[run.length - 1]!));
    run = [];
  };
  for (const s of segments) {
    if (!isUntouched(s)) {
      endRun();
      parts.push(renderSegment(s));
    } else if (changedOnly) run.push(s);
    else parts.push(renderUntouchedLine(s));
  }
  endRun();
  return parts.join('\n');
}

/**
 * The review report of a document as one self-contained HTML file: inline CSS (with a print layout, one
 * sentence never split across pages), no scripts, no external resources (a Content-Security-Policy says so
 * too), every piece of text escaped. Summary first (effort, review status, MQM score), then the sentences: a
 * card for each one with something to review, a line for each untouched one (or one line per run of them).
 */
export function renderReport(data: ReportData, options: ReportOptions = {}): string {
  const title = `Review report: ${data.title}`;
  const changedOnly = options.changedOnly ?? data.segments.length > CHANGED_ONLY_ABOVE;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Redline">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${shown(data.title)}</h1>
${facts([
  ['File', escapeHtml(data.fileName)],
  ['Exported', escapeHtml(formatTimestamp(data.exportedAt))],
])}
</header>
<main>
${renderMetrics(data.metrics)}
${renderStatusCounts(data.statusCounts)}
${renderMqm(data.mqm)}
<section class="segments">
<h2>Sentences</h2>
${renderSegments(data.segments, changedOnly)}
</section>
</main>
</body>
</html>
`;
}
