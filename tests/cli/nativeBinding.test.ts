import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';

describe('nodeNativeBinding', () => {
  it('finds the kept Node addon from its own folder, whatever the working folder', () => {
    const found = nodeNativeBinding();
    expect(found).toMatch(/[/\\]\.native[/\\]node[/\\]better_sqlite3\.node$/);
  });

  it('looks upwards from where it is asked, and answers undefined where there is none', () => {
    const root = mkdtempSync(join(tmpdir(), 'redline-native-'));
    const deep = join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    mkdirSync(join(root, '.native', 'node'), { recursive: true });
    writeFileSync(join(root, '.native', 'node', 'better_sqlite3.node'), '');
    expect(nodeNativeBinding(deep)).toBe(join(root, '.native', 'node', 'better_sqlite3.node'));
    expect(nodeNativeBinding(mkdtempSync(join(tmpdir(), 'redline-none-')))).toBeUndefined();
  });
});
