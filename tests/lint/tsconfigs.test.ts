import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The type errors a probe file gets when compiled as part of a folder's own tsconfig (never written to disk). */
function probeErrors(folder: 'core' | 'renderer', code: string): string[] {
  const configPath = `${ROOT}${folder}/tsconfig.json`;
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const probe = `${ROOT}${folder}/__probe__.ts`;
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = ((exists) => (f: string) => f === probe || exists(f))(host.fileExists.bind(host));
  host.readFile = (f) => (f === probe ? code : readFile(f));
  host.getSourceFile = (f, v, ...rest) => (f === probe ? ts.createSourceFile(f, code, v) : getSourceFile(f, v, ...rest));
  const program = ts.createProgram({ rootNames: [probe], options: config.options, host });
  return program.getSemanticDiagnostics(program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('each folder compiles against only the platform it runs on', () => {
  it('core/ has neither Node nor DOM globals', () => {
    for (const global of ['process.platform', 'Buffer.from("a")', 'require("fs")', 'document.title', 'window.name']) {
      expect(probeErrors('core', `export const x = ${global};`), global).not.toEqual([]);
    }
    expect(probeErrors('core', 'export const x = new Map([[1, "a"]]).size + Math.max(1, 2);')).toEqual([]);
  });

  it('renderer/ has the DOM but not Node', () => {
    for (const global of ['process.platform', 'Buffer.from("a")', 'require("fs")', '__dirname']) {
      expect(probeErrors('renderer', `export const x = ${global};`), global).not.toEqual([]);
    }
    expect(probeErrors('renderer', 'export const x = document.title + window.location.href;')).toEqual([]);
  });
});
