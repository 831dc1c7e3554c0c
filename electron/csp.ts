/**
 * The Content-Security-Policy of the UI: nothing but Redline's own scripts and styles, no eval, no remote
 * origins. During development the Vite dev server needs its origin, a websocket for hot reload, the inline
 * preamble of React Fast Refresh, and inline <style> elements (it injects CSS that way); none of that is
 * allowed in a built app, whose CSS is a file.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl).origin : null;
  const self = dev ? `'self' ${dev}` : `'self'`;
  const directives: Record<string, string> = {
    'default-src': `'none'`,
    'script-src': dev ? `${self} 'unsafe-inline'` : self,
    'style-src': dev ? `${self} 'unsafe-inline'` : self,
    'img-src': `${self} data:`,
    'font-src': self,
    'connect-src': dev ? `${self} ${dev.replace(/^http/, 'ws')}` : self,
    'base-uri': `'none'`,
    'form-action': `'none'`,
    'frame-ancestors': `'none'`,
    'object-src': `'none'`,
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
