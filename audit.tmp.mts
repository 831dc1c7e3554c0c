import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeNativeBinding } from './cli/nativeBinding';
import { createServices } from './services';
import { createHandlers } from './electron/ipc/handlers';
import { bookText } from './bench/book';
const size = Number(process.argv[2]);
const dir = mkdtempSync(join(tmpdir(), 'au-'));
const services = createServices(join(dir, 'r.sqlite'), { nativeBinding: nodeNativeBinding() });
const handlers: any = createHandlers(services, { pickFileToOpen: async () => null, pickExportPath: async () => null, pickFolder: async () => null } as any, { fileName: 's.txt', title: 'S', text: 'A.' });
const doc = services.documents.importText({ fileName: 'b.txt', title: 'B', text: bookText(size), hasBom: false });
const documentId = doc.id;
let t = performance.now();
await handlers['checks.document']({ documentId });
console.log(size, 'first checks.document (whole check)', (performance.now() - t).toFixed(0));
const mid = services.segments.page(documentId, Math.floor(size / 2), 5).items;
for (const row of mid) services.segments.update(row.id, row.currentText.replace(' ,', ','));
const segmentId = mid[0]!.id;
services.segments.setStatus(mid[1]!.id, 'confirmed');
const reqs: Array<[string, any]> = [
  ['documents.list', {}], ['documents.open', { documentId }], ['documents.summary', { documentId }], ['documents.statusCounts', { documentId }],
  ['documents.undoState', { documentId }], ['documents.timeline', { documentId, since: 0, origins: ['edit'] }],
  ['documents.changesSince', { documentId, since: 1 }], ['documents.metrics', { documentId, normalize: true, caseSensitive: true }],
  ['segments.page', { documentId, offset: Math.floor(size / 2), limit: 50 }], ['segments.history', { segmentId }],
  ['segments.positions', { documentId, status: 'confirmed' }], ['segments.positions', { documentId, edited: true }],
  ['annotations.ofDocument', { documentId }], ['annotations.summary', { documentId }], ['annotations.ofSegment', { segmentId }],
  ['checks.document', { documentId }], ['checks.inRange', { documentId, from: 1, to: 100 }], ['checks.nearest', { documentId, position: 10, direction: 'next' }],
  ['checks.languages', { documentId }], ['checks.segment', { segmentId, text: 'Das ist ein Test .' }],
  ['propagation.suggest', { segmentId, before: mid[0]!.currentText, after: mid[0]!.currentText.replace(' ,', ',') }],
  ['memory.list', {}], ['glossary.list', {}],
];
for (const [channel, req] of reqs) {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) { t = performance.now(); await handlers[channel](req); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(size, channel.padEnd(26), JSON.stringify(req).slice(0, 50).padEnd(52), times[2]!.toFixed(2), 'ms');
}
services.close(); rmSync(dir, { recursive: true, force: true });
