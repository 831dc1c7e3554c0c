/** Shared helpers for the main-process and CLI tests: temp folders, a fixed clock, real services, fake dialogs. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import type { Dialogs } from '../../electron/ipc/handlers';
import { createServices, type Sample, type Services } from '../../services';

const shared = fileURLToPath(new URL('../../../shared/fixtures/kazakhstan-mt.txt', import.meta.url));
const bundled = fileURLToPath(new URL('../../assets/sample/kazakhstan-mt.txt', import.meta.url));

/** A real machine-translated news article: 31 paragraphs, 91 sentences, a leading space, no final newline. */
export const FIXTURE_PATH = existsSync(shared) ? shared : bundled;
export const FIXTURE_BYTES: Buffer = readFileSync(FIXTURE_PATH);
export const FIXTURE_TEXT = FIXTURE_BYTES.toString('utf8');
export const FIXTURE_SEGMENTS = 91;

export const SAMPLE: Sample = { fileName: 'kazakhstan-mt.txt', title: 'Kazakhstan (sample MT)', text: FIXTURE_TEXT };

/** 2024-01-15 09:30 UTC; every timestamp a test sees comes from here (or a later value it sets). */
export const FIXED_TIME = Date.UTC(2024, 0, 15, 9, 30);

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'redline-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes bytes to a file named `name` in a fresh temp folder and returns its path. */
export function inputFile(name: string, bytes: Uint8Array | string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/** Runs after the current test (before its temp folders go), e.g. to close a database. */
export function onCleanup(work: () => void): void {
  cleanups.push(work);
}

export interface TestServices {
  services: Services;
  dir: string;
  databaseFile: string;
  /** The clock stands still at `now`; a test moves it by assigning. */
  clock: { now: number };
}

/** Real services over a SQLite file in a temp folder, on the Node-ABI addon, closed after the test. */
export function openTestServices(): TestServices {
  const dir = tempDir();
  const databaseFile = join(dir, 'data', 'redline.sqlite');
  const clock = { now: FIXED_TIME };
  const services = createServices(databaseFile, { clock: () => clock.now, nativeBinding: nodeNativeBinding() });
  onCleanup(() => services.close());
  return { services, dir, databaseFile, clock };
}

/** Dialogs that answer from a script and remember what they were asked. */
export interface ScriptedDialogs extends Dialogs {
  openAnswers: Array<string | null | Error>;
  saveAnswers: Array<string | null | Error>;
  folderAnswers: Array<string | null | Error>;
  suggestedNames: string[];
  openCalls: number;
}

export function scriptedDialogs(): ScriptedDialogs {
  const next = (answers: Array<string | null | Error>, what: string): Promise<string | null> => {
    if (answers.length === 0) throw new Error(`test did not script the ${what} dialog`);
    const answer = answers.shift() as string | null | Error;
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  const dialogs: ScriptedDialogs = {
    openAnswers: [],
    saveAnswers: [],
    folderAnswers: [],
    suggestedNames: [],
    openCalls: 0,
    pickFileToOpen() {
      dialogs.openCalls++;
      return next(dialogs.openAnswers, 'open');
    },
    pickExportPath(defaultName) {
      dialogs.suggestedNames.push(defaultName);
      return next(dialogs.saveAnswers, 'save');
    },
    pickFolder() {
      return next(dialogs.folderAnswers, 'folder');
    },
  };
  return dialogs;
}
