import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE_NAME, electronUserDataDir, resolveDataDir } from '../../services/dataDir';

describe('resolveDataDir', () => {
  it('prefers REDLINE_DATA_DIR, trimmed, without asking for userData', () => {
    const userData = vi.fn(() => '/home/ana/.config/Redline');
    expect(resolveDataDir({ REDLINE_DATA_DIR: '  /tmp/redline-data \n' }, userData)).toBe('/tmp/redline-data');
    expect(userData).not.toHaveBeenCalled();
  });

  it.each([
    ['unset', {}],
    ['empty', { REDLINE_DATA_DIR: '' }],
    ['only whitespace', { REDLINE_DATA_DIR: '   ' }],
  ])('falls back to userData when REDLINE_DATA_DIR is %s', (_name, env) => {
    expect(resolveDataDir(env, '/home/ana/.config/Redline')).toBe('/home/ana/.config/Redline');
    expect(resolveDataDir(env, () => '/computed/Redline')).toBe('/computed/Redline');
  });

  it('names the store file', () => {
    expect(DATABASE_FILE_NAME).toBe('redline.sqlite');
  });
});

describe('electronUserDataDir', () => {
  it('uses ~/.config/Redline on Linux', () => {
    expect(electronUserDataDir('linux', {}, '/home/ana')).toBe(join('/home/ana', '.config', 'Redline'));
  });

  it('honours XDG_CONFIG_HOME on Linux, like Electron', () => {
    expect(electronUserDataDir('linux', { XDG_CONFIG_HOME: '/data/config' }, '/home/ana')).toBe(join('/data/config', 'Redline'));
  });

  it('ignores an empty XDG_CONFIG_HOME (the XDG spec and Electron do), rather than writing to ./Redline', () => {
    expect(electronUserDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ana')).toBe(join('/home/ana', '.config', 'Redline'));
  });

  it('uses ~/Library/Application Support/Redline on macOS, whatever XDG says', () => {
    expect(electronUserDataDir('darwin', { XDG_CONFIG_HOME: '/data/config' }, '/Users/ana')).toBe(
      join('/Users/ana', 'Library', 'Application Support', 'Redline'),
    );
  });

  it('uses %APPDATA%\\Redline on Windows', () => {
    const appData = 'C:\\Users\\ana\\AppData\\Roaming';
    expect(electronUserDataDir('win32', { APPDATA: appData }, 'C:\\Users\\ana')).toBe(join(appData, 'Redline'));
  });

  it.each([
    ['unset', {}],
    ['empty', { APPDATA: '' }],
  ])('falls back to the roaming folder under home when APPDATA is %s', (_name, env) => {
    expect(electronUserDataDir('win32', env, 'C:\\Users\\ana')).toBe(join('C:\\Users\\ana', 'AppData', 'Roaming', 'Redline'));
  });

  it('treats other Unix-likes like Linux', () => {
    expect(electronUserDataDir('freebsd', {}, '/home/ana')).toBe(join('/home/ana', '.config', 'Redline'));
  });
});
