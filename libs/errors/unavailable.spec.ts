import { DomainError } from './domain-error.js';
import { isRetryable } from './error-codes.js';
import { asUnavailable, UNAVAILABLE_RETRY_AFTER_MS } from './unavailable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** TypeORM's QueryFailedError keeps the driver's error as `driverError`. */
const typeorm = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe(asUnavailable.name, () => {
  it.each([
    ['a reply that did not come in time (pg query_timeout)', typeorm(new Error('Query read timeout'))],
    ['no connection in time (pool)', new Error('timeout exceeded when trying to connect')],
    ['a dropped connection', typeorm(new Error('Connection terminated unexpectedly'))],
    ['a client closed after a dropped link', new Error('Client was closed and is not queryable')],
    ['a statement cancelled by statement_timeout (57014)', typeorm(withCode('canceling statement due to statement timeout', '57014'))],
    ['the server shutting down (57P01)', typeorm(withCode('terminating connection due to administrator command', '57P01'))],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'Redis that stayed down (ioredis)',
      Object.assign(new Error('Reached the max retries per request limit (which is 20).'), { name: 'MaxRetriesPerRequestError' }),
    ],
    ['a closed Redis connection', new Error('Connection is closed.')],
    [
      'a Redis Cluster with a master down (no replica)',
      new Error('Too many Cluster redirections. Last error: ReplyError: CLUSTERDOWN The cluster is down'),
    ],
    ['a Redis Cluster refusing at once', Object.assign(new Error('CLUSTERDOWN The cluster is down'), { name: 'ReplyError' })],
    ['a Redis Cluster none of whose nodes answers', Object.assign(new Error('Failed to refresh slots cache.'), { name: 'ClusterAllFailedError' })],
    [
      'a MULTI refused at EXEC because its slot moved (a master restarting)',
      Object.assign(new Error('EXECABORT Transaction discarded because of previous errors.'), {
        previousErrors: [new Error('MOVED 4665 127.0.0.1:7001'), new Error('MOVED 4665 127.0.0.1:7001')],
      }),
    ],
    ['a Redis node still loading its data', new Error('LOADING Redis is loading the dataset in memory')],
    ['an error caused by one of these', new Error('could not append', { cause: new Error('Query read timeout') })],
  ])('%s is UNAVAILABLE, retryable, with a retry hint', (_, err) => {
    const unavailable = asUnavailable(err);
    expect(unavailable).toBeInstanceOf(DomainError);
    expect(unavailable).toMatchObject({ code: 'UNAVAILABLE', details: { retryAfterMs: UNAVAILABLE_RETRY_AFTER_MS }, cause: err });
    expect(isRetryable('UNAVAILABLE')).toBe(true);
  });

  it.each([
    ['a unique violation (the request itself)', typeorm(withCode('duplicate key value violates unique constraint', '23505'))],
    ['a syntax error (a bug)', typeorm(withCode('syntax error at or near "SELEC"', '42601'))],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    [
      'a MULTI refused at EXEC for a bad command (a bug)',
      Object.assign(new Error('EXECABORT Transaction discarded because of previous errors.'), {
        previousErrors: [new Error("ERR wrong number of arguments for 'incr' command")],
      }),
    ],
    ['not an error at all', 'Query read timeout'],
  ])('%s is not', (_, err) => {
    expect(asUnavailable(err)).toBeUndefined();
  });
});

describe(isRetryable.name, () => {
  it('says re-send for load and dependencies, never for the request itself or an unexpected failure', () => {
    expect(['RATE_LIMITED', 'CAPACITY_FULL', 'NOT_READY', 'UNAVAILABLE'].every((c) => isRetryable(c as never))).toBe(true);
    expect(['INVALID_PAYLOAD', 'SESSION_ENDED', 'ANSWER_TOO_LONG', 'FORBIDDEN', 'INTERNAL'].some((c) => isRetryable(c as never))).toBe(false);
  });
});
