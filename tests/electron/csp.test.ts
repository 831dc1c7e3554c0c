import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/csp';

/** The policy as directive → sources, failing on a directive given twice (browsers ignore the second). */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    if (directives.has(name)) throw new Error(`${name} appears twice`);
    directives.set(name, sources);
  }
  return directives;
}

const allSources = (policy: Map<string, string[]>) => [...policy.values()].flat();
/** Host or scheme sources that reach the network: http(s)/ws(s) origins, bare schemes, wildcards. */
const isRemote = (source: string) => /^(https?|wss?):/i.test(source) || source.includes('*');

describe('contentSecurityPolicy (production)', () => {
  const policy = parsePolicy(contentSecurityPolicy());

  it.each(['default-src', 'object-src', 'frame-ancestors', 'base-uri', 'form-action'])('sets %s to none', (name) => {
    expect(policy.get(name)).toEqual(["'none'"]);
  });

  it('allows scripts, styles, fonts and connections from the app only', () => {
    for (const name of ['script-src', 'style-src', 'font-src', 'connect-src']) expect(policy.get(name)).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('has no unsafe-eval, unsafe-inline or other unsafe- keyword', () => {
    expect(allSources(policy).filter((s) => /unsafe/i.test(s))).toEqual([]);
  });

  it('names no remote origin, scheme or wildcard', () => {
    expect(allSources(policy).filter(isRemote)).toEqual([]);
  });

  it('is one header line', () => {
    expect(contentSecurityPolicy()).not.toMatch(/[\r\n]/);
  });
});

describe('contentSecurityPolicy (development)', () => {
  const dev = parsePolicy(contentSecurityPolicy('http://localhost:5173/'));

  it('adds only the dev server origin and its websocket as remote sources', () => {
    expect(new Set(allSources(dev).filter(isRemote))).toEqual(new Set(['http://localhost:5173', 'ws://localhost:5173']));
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
  });

  it('never allows eval, and allows inline code only for scripts and styles (refresh preamble, injected CSS)', () => {
    expect(allSources(dev)).not.toContain("'unsafe-eval'");
    const inline = [...dev].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
    expect(inline).toEqual(['script-src', 'style-src']);
  });

  it('keeps the none directives of production', () => {
    for (const name of ['default-src', 'object-src', 'frame-ancestors', 'base-uri', 'form-action']) {
      expect(dev.get(name)).toEqual(["'none'"]);
    }
  });

  it('uses the origin only, so a path or query in the dev URL cannot inject directives', () => {
    const raw = contentSecurityPolicy('http://localhost:5173/app/;script-src *?x=1;#frag');
    const injected = parsePolicy(raw);
    expect(injected.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(raw).not.toContain('*');
  });

  it('uses wss:// for an https dev server', () => {
    const secure = parsePolicy(contentSecurityPolicy('https://localhost:5173'));
    expect(secure.get('connect-src')).toEqual(["'self'", 'https://localhost:5173', 'wss://localhost:5173']);
    expect(allSources(secure)).not.toContain('ws://localhost:5173');
  });

  it('differs from production (the dev sources are not leaked into a build)', () => {
    expect(contentSecurityPolicy()).not.toContain('localhost');
    expect(contentSecurityPolicy(undefined)).toBe(contentSecurityPolicy());
  });
});
