/**
 * The crash test's worker: edits sentences through the services as fast as it can, printing each edit only
 * after the service acknowledged it (returned), as `ack <segmentId> <text>`. It is killed with SIGKILL at a
 * random moment; every acknowledged edit must survive. Run by scripts/crashtest/run.ts, never by hand.
 */
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createServices } from '../../services';

const [file, seedText] = process.argv.slice(2);
if (!file) throw new Error('usage: child.ts STORE SEED');
let seed = Number(seedText ?? 1) >>> 0 || 1;
const random = (): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};

const services = createServices(file, { nativeBinding: nodeNativeBinding(), ownsStore: true });
let documents = services.documents.list();
if (documents.length === 0) {
  services.documents.importText({
    fileName: 'crash.txt',
    text: Array.from({ length: 200 }, (_, k) => `Sentence ${k} waits for its correction.`).join('\n'),
  });
  documents = services.documents.list();
}
const documentId = documents[0]!.id;
const { items } = services.segments.page(documentId, 0, 200);
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const segment = items[Math.floor(random() * items.length)]!;
  const text = `Correction ${process.pid}-${n} of sentence ${segment.position}.`;
  services.segments.update(segment.id, text, { editMs: 10, keystrokes: 3 });
  process.stdout.write(`ack ${segment.id} ${text}\n`);
  // Now and then a whole import, so kills land inside those transactions too.
  if (n % 97 === 96) services.documents.importText({ fileName: `extra-${n}.txt`, text: 'One more.\nAnd another.' });
}
