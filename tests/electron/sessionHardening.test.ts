import { describe, expect, it } from 'vitest';
import { hardenSession, type SessionLike } from '../../electron/sessionHardening';

/** Records what the app sets on its session. */
function fakeSession() {
  const set = {
    spellChecker: [] as boolean[],
    spellLanguages: [] as string[][],
    request: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    check: null as null | ((contents: unknown, permission: string) => boolean),
    headers: null as null | Parameters<SessionLike['webRequest']['onHeadersReceived']>[0],
  };
  const session: SessionLike = {
    setPermissionRequestHandler: (handler) => (set.request = handler),
    setPermissionCheckHandler: (handler) => (set.check = handler),
    setSpellCheckerEnabled: (enabled) => set.spellChecker.push(enabled),
    setSpellCheckerLanguages: (languages) => set.spellLanguages.push(languages),
    webRequest: { onHeadersReceived: (listener) => (set.headers = listener) },
  };
  return { session, set };
}

describe('hardenSession', () => {
  it('turns Chromium’s spellchecker off with no languages, so it never fetches dictionaries', () => {
    const { session, set } = fakeSession();
    hardenSession(session, undefined);
    expect(set.spellChecker).toEqual([false]);
    expect(set.spellLanguages).toEqual([[]]);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('refuses %s', (permission) => {
    const { session, set } = fakeSession();
    hardenSession(session, undefined);
    const answers: boolean[] = [];
    set.request!(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(set.check!(null, permission)).toBe(false);
  });

  it('adds the CSP header only for the dev server, whose pages do not come over app://', () => {
    const built = fakeSession();
    hardenSession(built.session, undefined);
    expect(built.set.headers).toBeNull();

    const dev = fakeSession();
    hardenSession(dev.session, 'http://localhost:5173/');
    let answered: Record<string, string[]> = {};
    dev.set.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (answered = r.responseHeaders));
    expect(answered['Content-Type']).toEqual(['text/html']);
    expect(answered['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
  });
});
