import { DomainError } from './domain-error.js';

/** How long a client waits before re-sending a request refused as `UNAVAILABLE`. */
export const UNAVAILABLE_RETRY_AFTER_MS = 2_000;

/**
 * Postgres SQLSTATEs that say the database or the link to it failed, not the statement: class 08 (connection
 * exception) by prefix, and these. 57014 is a statement cancelled by `statement_timeout` (the service cancels
 * nothing else).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
/** Node's codes for a link that failed or could not be made. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/**
 * What pg (a reply or a connection that did not come in time, a connection that dropped) and ioredis (a link that
 * stayed down; on a Redis Cluster, a master down with no replica to take over, so the cluster refuses every command
 * with CLUSTERDOWN until it is back, or slots that could not be reached or looked up) say.
 */
const UNAVAILABLE_MESSAGES = [
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'is not queryable',
  'Connection is closed.',
  "Stream isn't writeable",
  'Command timed out',
  'Reached the max retries per request limit',
  'CLUSTERDOWN',
  'Too many Cluster redirections',
  'Failed to refresh slots cache',
  'None of startup nodes is available',
  'Cluster is disconnected.',
  // A Redis node still loading, or slots moving (a master restarting, a resharding).
  'LOADING',
  'TRYAGAIN',
];

/**
 * A MULTI that Redis refused at EXEC (EXECABORT) because its queued commands were refused: unavailable when they
 * were refused for that reason (a cluster slot moving or down while a master restarts), not for a bad command.
 */
function refusedTransaction(e: Error): boolean {
  const previous = (e as Error & { previousErrors?: unknown }).previousErrors;
  if (!e.message.startsWith('EXECABORT') || !Array.isArray(previous)) return false;
  return previous.some((p) => {
    const message = (p as { message?: unknown } | null)?.message;
    return typeof message === 'string' && (/^(MOVED|ASK) /.test(message) || UNAVAILABLE_MESSAGES.some((m) => message.includes(m)));
  });
}

/** A dependency (Postgres, Redis) did not answer or dropped the link: the request was not done and may be sent again. */
export class UnavailableError extends DomainError {
  constructor(cause: unknown) {
    super('UNAVAILABLE', 'the service is briefly unavailable and did not complete this request; sending it again is safe', {
      retryAfterMs: UNAVAILABLE_RETRY_AFTER_MS,
    });
    this.cause = cause;
  }
}

/**
 * The `UnavailableError` for a failure of Postgres or Redis themselves (a bound on a wait was reached, the link
 * dropped), or undefined for anything else. Recognised by the drivers' documented codes and messages, looking
 * through TypeORM's wrapper (`driverError`) and `cause`.
 */
export function asUnavailable(err: unknown): UnavailableError | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; depth++) {
    const { code, driverError, cause } = e as Error & { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || NETWORK_CODES.has(code)))
      return new UnavailableError(err);
    const { name, message } = e;
    if (name === 'MaxRetriesPerRequestError' || UNAVAILABLE_MESSAGES.some((m) => message.includes(m)) || refusedTransaction(e))
      return new UnavailableError(err);
    e = driverError ?? cause;
  }
  return undefined;
}
