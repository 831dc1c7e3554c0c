import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/**
 * Kills a process editing through the services with SIGKILL at random moments and checks what a crash may
 * not lose: every edit the service acknowledged is stored, and the store passes integrity_check.
 */

export interface CrashFigures {
  kills: number;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
  failures: string[];
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function runChildUntilKilled(file: string, seed: number, maxDelayMs: number): Promise<Array<[number, string]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/crashtest/child.ts'), file, String(seed)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: Array<[number, string]> = [];
    let buffer = '';
    let stderr = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line === 'ready' && timer === undefined) {
          timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(((seed * 7919) % 1000) / 1000 * maxDelayMs));
        } else if (line.startsWith('ack ')) {
          const rest = line.slice(4);
          const space = rest.indexOf(' ');
          acked.push([Number(rest.slice(0, space)), rest.slice(space + 1)]);
        }
        newline = buffer.indexOf('\n');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`the editing process ended by itself (${code}): ${stderr.slice(0, 2000)}`));
    });
  });
}

export async function crashTest(kills: number, options: { nativeBinding?: string; maxDelayMs?: number; log?: (line: string) => void } = {}): Promise<CrashFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-crash-'));
  const file = join(dir, 'redline.sqlite');
  const figures: CrashFigures = { kills: 0, acknowledged: 0, lost: 0, integrityFailures: 0, failures: [] };
  try {
    for (let k = 1; k <= kills; k++) {
      const acked = await runChildUntilKilled(file, k, options.maxDelayMs ?? 400);
      figures.kills += 1;
      figures.acknowledged += acked.length;
      const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
      try {
        const integrity = db.pragma('integrity_check', { simple: true });
        if (integrity !== 'ok') {
          figures.integrityFailures += 1;
          figures.failures.push(`kill ${k}: integrity_check said ${String(integrity)}`);
        }
        const present = db.prepare('SELECT 1 FROM revisions WHERE segment_id = ? AND text = ? LIMIT 1').pluck();
        for (const [segmentId, text] of acked) {
          if (present.get(segmentId, text) === undefined) {
            figures.lost += 1;
            figures.failures.push(`kill ${k}: acknowledged edit of segment ${segmentId} ("${text}") is missing`);
          }
        }
      } finally {
        db.close();
      }
      options.log?.(`kill ${k}: ${acked.length} acknowledged, ${figures.lost} lost so far`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
