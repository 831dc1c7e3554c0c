/**
 * Scores the checks on human judgements (`npm run eval:checks`): the three development sets in
 * ../shared/fixtures/mqm-dev (WMT 2023 MQM error spans for zh→en and en→de, MLQE-PE ru→en post-edit classes)
 * and the hand-labelled sample. Every check runs as the app runs it (services/checkOptions: languages,
 * spelling with the bundled dictionaries). Nothing here knows an answer: the figures are counted from the
 * annotations each run.
 *
 * Options: --all counts every flag, also those the default view hides (not sure enough); --set NAME runs one
 * set (zhen, ende, mlqe, sample); --misses N prints N surface errors no flag touched, per set.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { checkDocument, type CheckedSentence, type Flag } from '../core/checks';
import { sentenceSpans } from '../core/segmentation';
import { documentCheckOptions, shownByDefault } from '../services/checkOptions';

const FIXTURES = new URL('../../shared/fixtures/', import.meta.url);
const args = process.argv.slice(2);
const ALL = args.includes('--all');
const ONLY = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const MISSES = args.includes('--misses') ? Number(args[args.indexOf('--misses') + 1]) : 0;
/** --show CHECK prints the flags of one kind (up to --misses of them), marked + when on an annotated span, ? when only possible. */
const SHOW = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
const shown: string[] = [];
/** --limit N checks only the first N documents of each set (a quick look while developing; figures differ). */
const LIMIT = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
/** --class CLS prints MLQE sentences of one class (zero-edit, surface-only, other) with their flags, up to --misses. */
const CLASS = args.includes('--class') ? args[args.indexOf('--class') + 1] : undefined;

interface MqmError {
  cat: string;
  sev: string;
  spans: Array<[number, number]>;
}
interface Seg {
  text: string;
  source: string;
  errors: MqmError[];
  class?: 'zero-edit' | 'surface-only' | 'other';
}
interface Doc {
  id: string;
  segs: Seg[];
}

const readSet = (name: string): Doc[] =>
  gunzipSync(readFileSync(new URL(`mqm-dev/${name}`, FIXTURES)))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .slice(0, LIMIT)
    .map((line) => JSON.parse(line) as Doc);

/** Sentences of a segment with their offsets into it: the segment is one paragraph. */
function sentencesOf(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    spans.push(...sentenceSpans(line, offset));
    offset += line.length + 1;
  }
  return spans;
}

/** A segment's flags with their offsets into the segment. */
interface SegFlags {
  flags: Array<Flag & { whole: boolean }>;
}

/**
 * Checks a system×document as the app would hold it: each segment a paragraph of sentences. A segment's
 * source goes with its sentence when the segment is one sentence, or when source and target split into as
 * many sentences (the app pairs sentences the same way at import).
 */
function checkDocumentOfSegs(segs: readonly Seg[], source: string, target: string): SegFlags[] {
  const sentences: CheckedSentence[] = [];
  const owner: Array<{ seg: number; offset: number; length: number }> = [];
  segs.forEach((seg, k) => {
    const spans = sentencesOf(seg.text);
    const sourceSpans = sentencesOf(seg.source);
    spans.forEach((span, j) => {
      const src = spans.length === 1 ? seg.source : sourceSpans.length === spans.length ? seg.source.slice(sourceSpans[j]!.start, sourceSpans[j]!.end) : null;
      sentences.push({ paragraph: k + 1, text: seg.text.slice(span.start, span.end), source: src });
      owner.push({ seg: k, offset: span.start, length: span.end - span.start });
    });
  });
  const all = checkDocument(sentences, documentCheckOptions(sentences, { source, target }));
  const result: SegFlags[] = segs.map(() => ({ flags: [] }));
  all.forEach((flags, i) => {
    const { seg, offset, length } = owner[i]!;
    for (const flag of flags) {
      if (!ALL && !shownByDefault(flag)) continue;
      const whole = flag.start === 0 && flag.end >= length;
      result[seg]!.flags.push({ ...flag, start: flag.start + offset, end: flag.end + offset, whole });
    }
  });
  return result;
}

const SURFACE = /^(Fluency\/Punctuation|Fluency\/Spelling|Fluency\/Character encoding|Non-translation|Accuracy\/Source language fragment|Fluency\/Text-Breaking)$/u;
const pct = (part: number, whole: number) => (whole === 0 ? '   –  ' : `${((100 * part) / whole).toFixed(1).padStart(5)} %`);
/** A flag on the whole sentence (a length or run-on flag) points at no words: it never counts as on a span. */
const overlaps = (flag: Flag & { whole: boolean }, [start, end]: [number, number]) => !flag.whole && flag.start < end + 1 && flag.end > start - 1;

class Precision {
  private byCheck = new Map<string, { hit: number; all: number }>();
  add(check: string, hit: boolean) {
    const entry = this.byCheck.get(check) ?? { hit: 0, all: 0 };
    entry.all++;
    if (hit) entry.hit++;
    this.byCheck.set(check, entry);
  }
  lines(what: string): string[] {
    return [...this.byCheck.entries()]
      .sort((a, b) => b[1].all - a[1].all)
      .map(([check, { hit, all }]) => `    ${check.padEnd(22)} ${String(all).padStart(6)} flags, ${pct(hit, all)} ${what}`);
  }
}

function evalMqm(file: string, title: string, source: string, target: string): void {
  const docs = readSet(file);
  let errorFree = 0;
  let errorFreeFlagged = 0;
  let withError = 0;
  let withErrorFlagged = 0;
  const surface = new Map<string, { hit: number; all: number }>();
  const precision = new Precision();
  const misses: string[] = [];
  const alarms: string[] = [];
  for (const doc of docs) {
    const flagged = checkDocumentOfSegs(doc.segs, source, target);
    doc.segs.forEach((seg, k) => {
      const flags = flagged[k]!.flags;
      if (seg.errors.length === 0) {
        errorFree++;
        if (flags.length > 0) errorFreeFlagged++;
        if (flags.length > 0 && alarms.length < MISSES) alarms.push(`    ${seg.text.slice(0, 300)}\n      ${flags.map((f) => `${f.check}: ${f.message}`).join('; ')}`);
      } else {
        withError++;
        if (flags.length > 0) withErrorFlagged++;
      }
      const annotated = seg.errors.flatMap((e) => e.spans);
      for (const flag of flags) {
        const hit = annotated.some((span) => overlaps(flag, span));
        precision.add(flag.check, hit);
        if (flag.check === SHOW && shown.length < MISSES) shown.push(`  ${hit ? '+' : '-'}${flag.confidence === 'sure' ? '' : '?'} ${flag.message}   …${seg.text.slice(Math.max(0, flag.start - 40), flag.end + 30)}…`);
      }
      for (const error of seg.errors) {
        if (!SURFACE.test(error.cat)) continue;
        for (const span of error.spans) {
          const cat = error.cat.replace(/^.*\//u, '');
          const entry = surface.get(cat) ?? { hit: 0, all: 0 };
          entry.all++;
          const hit = flags.some((flag) => overlaps(flag, span));
          if (hit) entry.hit++;
          else if (misses.length < MISSES) misses.push(`    ${cat}: …${seg.text.slice(Math.max(0, span[0] - 30), span[0])}[${seg.text.slice(span[0], span[1])}]${seg.text.slice(span[1], span[1] + 30)}…`);
          surface.set(cat, entry);
        }
      }
    });
  }
  const total = [...surface.values()].reduce((a, b) => ({ hit: a.hit + b.hit, all: a.all + b.all }), { hit: 0, all: 0 });
  console.log(`\n${title} (${docs.length} documents, ${errorFree + withError} segments)`);
  console.log(`  segments flagged: error-free ${pct(errorFreeFlagged, errorFree)} (${errorFreeFlagged}/${errorFree}), with an error ${pct(withErrorFlagged, withError)} (${withErrorFlagged}/${withError})`);
  console.log(`  annotated surface errors with a flag on their span (±1): ${pct(total.hit, total.all)} (${total.hit}/${total.all})`);
  for (const [cat, { hit, all }] of [...surface.entries()].sort((a, b) => b[1].all - a[1].all)) {
    console.log(`    ${cat.padEnd(22)} ${pct(hit, all)} (${hit}/${all})`);
  }
  console.log('  precision per check (flags overlapping an annotated span of any category; flags on a whole sentence never do):');
  for (const line of precision.lines('on an annotated span')) console.log(line);
  if (misses.length > 0) console.log('  missed:\n' + misses.join('\n'));
  if (alarms.length > 0) console.log('  flags on error-free segments:\n' + alarms.join('\n'));
}

function evalMlqe(): void {
  const docs = readSet('mlqe-ruen-train.jsonl.gz');
  const classes = new Map<string, { flagged: number; all: number }>();
  const precision = new Precision();
  const alarms: string[] = [];
  for (const doc of docs) {
    const flagged = checkDocumentOfSegs(doc.segs, 'ru', 'en');
    doc.segs.forEach((seg, k) => {
      const flags = flagged[k]!.flags;
      const cls = seg.class ?? 'other';
      const entry = classes.get(cls) ?? { flagged: 0, all: 0 };
      entry.all++;
      if (flags.length > 0) entry.flagged++;
      classes.set(cls, entry);
      for (const flag of flags) {
        precision.add(flag.check, cls !== 'zero-edit');
        if (flag.check === SHOW && shown.length < MISSES) shown.push(`  ${cls !== 'zero-edit' ? '+' : '-'}${flag.confidence === 'sure' ? '' : '?'} ${flag.message}   …${seg.text.slice(Math.max(0, flag.start - 40), flag.end + 30)}…`);
      }
      if (cls === CLASS && alarms.length < MISSES) {
        alarms.push(`  ${flags.length > 0 ? '+' : ' '} ${seg.text}${flags.map((f) => `\n      ${f.check}: ${f.message}`).join('')}`);
      } else if (!CLASS && cls === 'zero-edit' && flags.length > 0 && alarms.length < MISSES) {
        alarms.push(`    ${seg.text}\n      ${flags.map((f) => `${f.check}: ${f.message}`).join('; ')}`);
      }
    });
  }
  const rate = (cls: string) => {
    const { flagged, all } = classes.get(cls) ?? { flagged: 0, all: 0 };
    return `${pct(flagged, all)} (${flagged}/${all})`;
  };
  console.log(`\nMLQE-PE ru→en train (${docs.length} documents, ${[...classes.values()].reduce((a, b) => a + b.all, 0)} sentences)`);
  console.log(`  flagged: zero-edit ${rate('zero-edit')}, surface-only ${rate('surface-only')}, other edits ${rate('other')}`);
  console.log('  precision per check (flags on a sentence the post-editor changed):');
  for (const line of precision.lines('on an edited sentence')) console.log(line);
  if (alarms.length > 0) console.log(`  ${CLASS ? `${CLASS} sentences (+ flagged)` : 'false alarms (zero-edit)'}:\n` + alarms.join('\n'));
}

interface Label {
  index: number;
  paragraph: number;
  text: string;
  garbled: boolean;
}

function evalSample(): void {
  const labels = (JSON.parse(readFileSync(new URL('../tests/core/checks/fixtures/kazakhstan-labels.json', import.meta.url), 'utf8')) as { sentences: Label[] }).sentences;
  const sentences: CheckedSentence[] = labels.map((l) => ({ paragraph: l.paragraph, text: l.text }));
  const options = documentCheckOptions(sentences, { source: 'ru', target: 'en' });
  const flags = checkDocument(sentences, options).map((f) => (ALL ? f : f.filter((flag) => shownByDefault(flag, options))));
  const garbled = labels.filter((l) => l.garbled);
  const clean = labels.filter((l) => !l.garbled);
  const found = garbled.filter((l) => flags[l.index]!.length > 0).length;
  const alarms = clean.filter((l) => flags[l.index]!.length > 0).length;
  console.log(`\nSample (Kazakhstan article, ${labels.length} sentences labelled by hand)`);
  console.log(`  garbled sentences flagged (recall): ${pct(found, garbled.length)} (${found}/${garbled.length}); clean sentences flagged (false alarms): ${pct(alarms, clean.length)} (${alarms}/${clean.length})`);
}

const started = Date.now();
console.log(`Checks scored on human judgements — ${ALL ? 'every flag' : 'the flags the default view shows'}`);
if (!ONLY || ONLY === 'zhen') evalMqm('gen23-zhen.jsonl.gz', 'WMT23 MQM zh→en', 'zh', 'en');
if (!ONLY || ONLY === 'ende') evalMqm('gen23-ende.jsonl.gz', 'WMT23 MQM en→de', 'en', 'de');
if (!ONLY || ONLY === 'mlqe') evalMlqe();
if (!ONLY || ONLY === 'sample') evalSample();
if (shown.length > 0) console.log(`\nFlags of ${SHOW}:\n${shown.join('\n')}`);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
