/** npm run crashtest [-- --kills N]: SIGKILL an editing process N times (100 by default) and check nothing acknowledged is lost. */
import { nodeNativeBinding } from '../cli/nativeBinding';
import { crashTest } from './crashtest/run';

const at = process.argv.indexOf('--kills');
const kills = at >= 0 ? Number(process.argv[at + 1]) : 100;
async function main(): Promise<void> {
const figures = await crashTest(kills, { nativeBinding: nodeNativeBinding(), log: (line) => console.log(line) });
console.log(
  `${figures.kills} kills, ${figures.acknowledged} acknowledged edits, ${figures.lost} lost, ` +
    `${figures.integrityFailures} failed integrity checks`,
);
for (const failure of figures.failures.slice(0, 20)) console.log(failure);
process.exitCode = figures.lost === 0 && figures.integrityFailures === 0 ? 0 : 1;
}

void main();
