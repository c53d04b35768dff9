import helmet from 'helmet';

/**
 * The one content security policy, for the web client and the api alike: scripts only from this origin (no
 * inline script, no eval), React's inline `style` attributes, images from this origin or the page's own data/blob
 * URLs, and socket.io on the same origin (`ws:`/`wss:`).
 */
const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  // blob: the board replay shows the server's SVG of a snapshot, fetched with the bearer token, as a blob URL.
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'frame-ancestors': ["'none'"],
  // 'self': the queue dashboard (bull-board) sets <base href="/admin/queues/"> for its assets; no other origin.
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

/**
 * Helmet on every HTTP answer: no `X-Powered-By`, `X-Content-Type-Options: nosniff`, the CSP above, and
 * helmet's other defaults (frame, referrer, HSTS, cross-origin policies). Helmet's default CSP is not used: its
 * `upgrade-insecure-requests` would break the client served over plain http (local runs, the browser tests).
 */
export function securityHeaders(): ReturnType<typeof helmet> {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
}
