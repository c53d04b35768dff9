import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BlockList, isIPv4 } from 'node:net';
import type { MetricsService } from './metrics.service.js';

/** Loopback and private networks: where a Prometheus scraper sits beside the service. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** Whether a client address is loopback or on a private network (IPv4-mapped IPv6 addresses included). */
export function isPrivateAddress(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  return isIPv4(address) ? PRIVATE.check(address, 'ipv4') : PRIVATE.check(address, 'ipv6');
}

export interface MetricsAccess {
  /** With a token, every scrape needs `Authorization: Bearer <token>`, from anywhere; without, only private addresses may scrape. */
  token?: string;
}

type Request = IncomingMessage & { ip?: string };

/**
 * `GET /metrics` for the api (an express middleware; `req.ip` honours TRUST_PROXY, so a scrape relayed by your
 * proxy from the internet is not mistaken for a private one) and the worker's own port (plain node http).
 */
export function metricsHandler(metrics: MetricsService, access: MetricsAccess): (req: Request, res: ServerResponse) => void {
  return (req, res) => {
    const refuse = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ error: { code, message, retryable: false } }));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'NOT_FOUND', 'GET only');
    if (access.token !== undefined) {
      if (!bearerMatches(req.headers.authorization, access.token))
        return refuse(401, 'UNAUTHENTICATED', 'metrics need the METRICS_TOKEN bearer token');
    } else if (!isPrivateAddress(req.ip ?? req.socket.remoteAddress)) {
      return refuse(403, 'FORBIDDEN', 'metrics are served to private addresses only (or set METRICS_TOKEN)');
    }
    metrics.exposition().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => refuse(500, 'INTERNAL', 'metrics could not be collected'),
    );
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const [scheme, given] = (header ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Express middleware timing every request by its route template (`/api/sessions/:id`, never the id), so the label
 * stays bounded: an api path no route matched counts as `unmatched`, the web client's pages and assets as `web`.
 */
export function httpMetrics(
  metrics: MetricsService,
): (req: Request & { route?: { path?: unknown }; baseUrl?: string; originalUrl?: string }, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const template = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : undefined;
      const route = template ?? routeless((req.originalUrl ?? req.url ?? '').split('?')[0]!);
      metrics.httpRequest(METHODS.has(req.method ?? '') ? req.method! : 'OTHER', route, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };
}

/** The label of a request no route template matched. */
function routeless(path: string): string {
  if (path.startsWith('/api/')) return 'unmatched';
  for (const prefix of ['/metrics', '/admin/queues', '/socket.io']) if (path === prefix || path.startsWith(`${prefix}/`)) return prefix;
  return 'web';
}
