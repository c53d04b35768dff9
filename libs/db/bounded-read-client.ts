import pg from 'pg';

/** The message pg gives a query whose reply did not arrive within `query_timeout`. */
const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * A pg client that drops its connection when a reply does not arrive within `query_timeout`.
 *
 * pg rejects such a query but keeps the connection, which still waits for that reply: on a half-open link
 * (a network partition that dropped packets without a reset) every later query on it would wait behind the
 * lost one until TCP gave up, minutes later, and the pool would keep handing the connection out. Destroying
 * the socket ends the client at once: the pool discards it, TypeORM releases it with the error, and the next
 * caller gets a new connection, which works as soon as the network does.
 */
export class BoundedReadClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg's `query` has a dozen overloads; the wrapper passes every call through and only watches the outcome.
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise) {
        result.catch((err: unknown) => {
          // `end()` marks the client ending at once (so the pool discards it on release, not hands it out) and, with
          // the lost query still active, destroys the socket rather than wait for a goodbye that cannot arrive.
          if (err instanceof Error && err.message === READ_TIMEOUT_MESSAGE) this.end().catch(() => undefined);
        });
      }
      return result;
    }) as pg.Client['query'];
  }
}
