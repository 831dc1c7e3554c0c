import { contentSecurityPolicy } from './csp';
import { isPermissionGranted } from './security';

/** The slice of Electron's Session this sets, so it is tested with a fake. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * What the app's session allows: no permission, and no Chromium spellchecker. The window's `spellcheck: false`
 * alone does not stop the session from fetching Hunspell dictionaries from Google's servers (electron#22995);
 * Redline spells offline with its own dictionaries, so the session's checker is off and has no languages.
 */
export function hardenSession(session: SessionLike, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerLanguages([]);
  if (devServerUrl) {
    // The dev server's pages come over http, not app://, so the CSP header is added here.
    const csp = contentSecurityPolicy(devServerUrl);
    session.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } }),
    );
  }
}
