import { spellers } from './services/spelling';
const lang = process.argv[2]!;
const slices: number[] = [];
const queue: Array<() => void> = [];
const s = spellers({ schedule: (task) => queue.push(task) });
const t0 = performance.now();
s.ifReady(lang);
(async () => {
  while (queue.length) { const task = queue.shift()!; const t = performance.now(); task(); slices.push(performance.now() - t); await new Promise((r) => setImmediate(r)); }
  const sp = s.ifReady(lang).speller!;
  slices.sort((a, b) => b - a);
  console.log(lang, 'total', (performance.now() - t0).toFixed(0), 'slices', slices.length, 'longest', slices.slice(0, 5).map((x) => x.toFixed(1)).join(' '), 'p99', slices[Math.floor(slices.length / 100)]!.toFixed(1), sp.correct('maison'), sp.correct('Haus'), sp.correct('received'));
})();
