import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/csp';
import { appProtocolHandler } from '../../electron/protocol';
import { tempDir } from './support';

const SECRET = 'ssh-rsa AAAA the secret outside the renderer folder';
const INDEX = '<!doctype html><title>Redline</title><script type="module" src="/assets/app.js"></script>';

let root: string;
let handle: (request: Request) => Promise<Response>;

beforeEach(() => {
  // <tmp>/secret.txt sits next to <tmp>/renderer, the folder being served.
  const dir = tempDir();
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("redline");');
  writeFileSync(join(root, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
  handle = appProtocolHandler(root);
});

// Node 20's global Request and Response, the same Fetch API types protocol.handle uses.
const get = (url: string) => handle(new Request(url));

describe('appProtocolHandler', () => {
  it('serves index.html for the root with the CSP and nosniff headers', async () => {
    const response = await get('app://redline/');
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves the production CSP, never the dev one', async () => {
    const csp = (await get('app://redline/index.html')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    expect(csp).not.toContain('localhost');
  });

  it('serves scripts and binary files with their type and exact bytes', async () => {
    const script = await get('app://redline/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("redline");');

    const png = await get('app://redline/assets/logo.png');
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
  });

  it.each([
    ['a missing file', 'app://redline/missing.js'],
    ['a folder', 'app://redline/assets'],
    ['an encoded ../ to a file next to the root', 'app://redline/%2e%2e%2fsecret.txt'],
    ['..%2f', 'app://redline/..%2fsecret.txt'],
    ['a folder then ..%2f', 'app://redline/assets%2f..%2f..%2fsecret.txt'],
    ['an encoded backslash', 'app://redline/..%5csecret.txt'],
    ['a literal ../ (clamped to the root, where there is no secret)', 'app://redline/../secret.txt'],
    ['a NUL byte', 'app://redline/index.html%00'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'https://redline/index.html'],
  ])('answers 404 for %s', async (_name, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('<title>Redline');
  });
});
