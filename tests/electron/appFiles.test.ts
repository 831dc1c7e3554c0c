import { join, relative, resolve, sep, isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveAppFile } from '../../electron/appFiles';

// resolveAppFile only computes paths; the root need not exist.
const ROOT = resolve('/srv/redline/renderer/main_window');
const inRoot = (...parts: string[]) => join(ROOT, ...parts);
const isInside = (file: string) => {
  const rel = relative(ROOT, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
};

describe('resolveAppFile: files of the app', () => {
  it.each([
    ['app://redline/', 'index.html'],
    ['app://redline', 'index.html'],
    ['app://redline/index.html', 'index.html'],
    ['app://redline/index.html?x=1#/doc/2', 'index.html'],
    ['app://redline/assets/index-D8s7fK2a.js', 'assets/index-D8s7fK2a.js'],
    ['app://redline/assets/index-D8s7fK2a.css', 'assets/index-D8s7fK2a.css'],
    ['app://redline/assets/a%20b.svg', 'assets/a b.svg'],
    // Dot segments that stay inside the root are resolved by the URL parser itself.
    ['app://redline/assets/../index.html', 'index.html'],
  ])('maps %s inside the root', (url, file) => {
    expect(resolveAppFile(url, ROOT)).toBe(inRoot(file));
  });

  it('accepts a relative root and resolves it', () => {
    expect(resolveAppFile('app://redline/index.html', 'renderer-out')).toBe(resolve('renderer-out', 'index.html'));
  });
});

describe('resolveAppFile: hostile requests', () => {
  it.each([
    ['encoded ../', 'app://redline/%2e%2e%2fsecret.txt'],
    ['encoded ../ after a folder', 'app://redline/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['mixed-case encoding', 'app://redline/%2E%2E%2Fsecret.txt'],
    ['..%2F', 'app://redline/..%2F..%2Fetc%2Fpasswd'],
    ['a literal backslash', 'app://redline/..\\..\\windows\\win.ini'],
    ['an encoded backslash', 'app://redline/..%5C..%5Csecret.txt'],
    ['a backslash inside a name', 'app://redline/assets%5Capp.js'],
    ['a drive letter', 'app://redline/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://redline/C%3A%2FWindows%2Fwin.ini'],
    ['a lowercase drive letter', 'app://redline/c:secret'],
    ['an encoded NUL', 'app://redline/index.html%00.png'],
    ['a NUL alone', 'app://redline/%00'],
    ['a malformed escape', 'app://redline/%E0%A4%A'],
    ['a lone % sign', 'app://redline/100%'],
    ['another host', 'app://evil/index.html'],
    ['a host extending redline', 'app://redline.evil/index.html'],
    ['userinfo making evil the host', 'app://redline@evil/index.html'],
    ['a port', 'app://redline:80/index.html'],
    ['another scheme, same host', 'https://redline/index.html'],
    ['file://', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<h1>x</h1>'],
    ['not a URL', '../../etc/passwd'],
    ['an empty string', ''],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppFile(url, ROOT)).toBeNull();
  });

  it.each([
    // The URL parser resolves literal and %2e dot segments before resolveAppFile sees them: they clamp at the root.
    ['literal ../', 'app://redline/../../etc/passwd', 'etc/passwd'],
    ['%2e%2e segments', 'app://redline/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    // A leading slash left after decoding is dropped, so "absolute" paths stay relative to the root.
    ['an encoded absolute path', 'app://redline/%2Fetc%2Fpasswd', 'etc/passwd'],
    ['a doubled slash', 'app://redline//etc/passwd', 'etc/passwd'],
    // Decoding happens once: a double-encoded ../ is a harmless file name with % in it, not a parent folder.
    ['double encoding', 'app://redline/%252e%252e%252fsecret.txt', '%2e%2e%2fsecret.txt'],
  ])('confines %s to the root', (_name, url, file) => {
    const resolved = resolveAppFile(url, ROOT);
    expect(resolved).toBe(inRoot(file));
    expect(isInside(resolved as string)).toBe(true);
  });

  it('never answers with a path outside the root, whatever the mix of dots, slashes and encodings', () => {
    const pieces = ['..', '.', '%2e', '%2e%2e', '%2E%2e', '%2f', '%2F', '/', '%252e', 'x', 'assets', '%5c', '%00'];
    let checked = 0;
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const resolved = resolveAppFile(`app://redline/${a}${b}/${c}${a}/secret`, ROOT);
          if (resolved !== null) expect(isInside(resolved), `${a} ${b} ${c} → ${resolved}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBe(pieces.length ** 3);
  });
});

describe('mimeType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['manifest.json', 'application/json'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['favicon.ico', 'image/x-icon'],
    ['INDEX.HTML', 'text/html; charset=utf-8'],
  ])('%s → %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });

  it.each(['setup.exe', 'README', 'index.html.exe', 'archive.tar.gz', '.html'])(
    'serves %s as opaque bytes, never as a page or script',
    (file) => {
      expect(mimeType(file)).toBe('application/octet-stream');
    },
  );
});
