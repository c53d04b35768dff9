import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { DomainError } from '#libs/errors';
import { createLogger } from '#libs/logging';
import { HttpExceptionFilter } from './http-exception.filter.js';

function hostFor(requestId: string) {
  const sent: { status?: number; body?: unknown } = {};
  const logged: unknown[] = [];
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string) {
      headers[name] = value;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const req = { id: requestId, log: { error: (obj: unknown) => logged.push(obj), warn: (obj: unknown) => logged.push(obj) } };
  const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
  return { host, sent, logged, headers };
}

describe(HttpExceptionFilter.name, () => {
  const sut = new HttpExceptionFilter(createLogger('test', 'silent'));

  it('maps a domain error to its status and code', () => {
    const { host, sent } = hostFor('r1');
    sut.catch(new DomainError('CONFLICT', 'taken'), host);
    expect(sent).toEqual({ status: 409, body: { error: { code: 'CONFLICT', message: 'taken', retryable: false, requestId: 'r1' } } });
  });

  it('keeps the status of a framework 4xx', () => {
    const { host, sent } = hostFor('r2');
    sut.catch(new BadRequestException('bad json'), host);
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD', requestId: 'r2' } });
  });

  it('answers a failed readiness check with a 503 that names the failing dependency', () => {
    const { host, sent } = hostFor('r4');
    const checks = {
      status: 'error',
      info: { postgres: { status: 'up' } },
      error: { redis: { status: 'down', message: 'timeout' } },
      details: { postgres: { status: 'up' }, redis: { status: 'down', message: 'timeout' } },
    };
    sut.catch(new ServiceUnavailableException(checks), host);
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({
      error: { code: 'NOT_READY', message: 'not ready: redis not answering', details: { failing: ['redis'], checks: checks.details } },
    });
  });

  it('answers anything unexpected with an opaque 500 and logs the detail', () => {
    const { host, sent, logged } = hostFor('r3');
    sut.catch(new Error('connection string postgres://secret@db leaked'), host);
    expect(sent).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: 'internal error', retryable: false, requestId: 'r3' } } });
    expect((logged[0] as { err: Error }).err.message).toContain('leaked');
  });

  it('answers a database that did not reply in time with a retryable 503 UNAVAILABLE and a Retry-After, logged as a warning', () => {
    const { host, sent, logged, headers } = hostFor('r4');
    sut.catch(Object.assign(new Error('Query read timeout'), { name: 'QueryFailedError', driverError: new Error('Query read timeout') }), host);
    expect(sent).toEqual({
      status: 503,
      body: {
        error: {
          code: 'UNAVAILABLE',
          message: expect.stringContaining('sending it again is safe'),
          retryable: true,
          requestId: 'r4',
          details: { retryAfterMs: 2_000 },
        },
      },
    });
    expect(headers['retry-after']).toBe('2');
    expect(logged).toHaveLength(1);
  });
});
