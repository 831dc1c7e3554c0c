/**
 * npm run fuzz -- --per-format N [--seed S] [--full] [--skip-long-lines]: fuzz every importer and print the
 * figures (--full adds a 19 MB single line; --skip-long-lines leaves out the very long lines).
 */
import { nodeNativeBinding } from '../cli/nativeBinding';
import { fuzz } from './fuzz/run';

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const figures = fuzz({
  perFormat: Number(arg('--per-format') ?? 100),
  seed: Number(arg('--seed') ?? 1),
  full: process.argv.includes('--full'),
  skipLongLines: process.argv.includes('--skip-long-lines'),
  nativeBinding: nodeNativeBinding(),
  log: (line) => console.log(line),
});
console.log(
  `${figures.inputs} inputs: ${figures.imported} imported, ${figures.cleanErrors} clean errors, ${figures.crashes} crashes, ` +
    `${figures.overruns} over budget, ${figures.leftovers} with leftovers; slowest ${figures.slowest.name} (${Math.round(figures.slowest.ms)} ms)`,
);
for (const problem of figures.problems.slice(0, 30)) console.log(problem);
process.exitCode = figures.crashes + figures.overruns + figures.leftovers === 0 ? 0 : 1;
