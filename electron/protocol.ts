import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from './csp';
import { mimeType, resolveAppFile } from './appFiles';

/**
 * Serves the built renderer under app://redline/ with the CSP header on every response. Anything outside the
 * renderer folder is a 404, never a file from elsewhere on disk.
 */
export function appProtocolHandler(rendererRoot: string) {
  const csp = contentSecurityPolicy();
  return async (request: Request): Promise<Response> => {
    const file = resolveAppFile(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeType(file),
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
