import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { checkDocument, type CheckedSentence } from '../core/checks';
import { documentCheckOptions } from '../services/checkOptions';
const counts = new Map<string, number>();
for (const [file, s, t] of [['gen23-zhen.jsonl.gz', 'zh', 'en'], ['mlqe-ruen-train.jsonl.gz', 'ru', 'en'], ['gen23-ende.jsonl.gz', 'en', 'de']] as const) {
  const lines = gunzipSync(readFileSync(`../shared/fixtures/mqm-dev/${file}`)).toString('utf8').trim().split('\n');
  for (const line of lines) {
    const doc = JSON.parse(line) as { segs: Array<{ text: string; source: string }> };
    const sentences: CheckedSentence[] = doc.segs.map((seg, k) => ({ paragraph: k + 1, text: seg.text, source: seg.source }));
    const flags = checkDocument(sentences, documentCheckOptions(sentences, { source: s, target: t }));
    for (const fl of flags) for (const f of fl) if (f.start === f.end) { const k = `${f.check}: ${f.message.replace(/“[^”]*”/g, '“…”')}`; counts.set(k, (counts.get(k) ?? 0) + 1); }
  }
}
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 30));
