import { api, ApiError } from './api.js';
import { createQueryClient, MAX_READ_RETRIES, readRetryDelay, shouldRetryRead } from './query-client.js';

describe(shouldRetryRead.name, () => {
  const sut = shouldRetryRead;
  const unavailable = new ApiError(503, 'UNAVAILABLE', 'database away', { retryAfterMs: 2_000 }, true);

  it('retries what the api calls retryable, and an unreachable server, up to the limit', () => {
    const unreachable = new ApiError(0, 'NETWORK', 'The server cannot be reached.', undefined, true);
    expect(sut(0, unavailable)).toBe(true);
    expect(sut(MAX_READ_RETRIES - 1, unreachable)).toBe(true);
    expect(sut(MAX_READ_RETRIES, unavailable)).toBe(false);
  });

  it('never retries a 4xx, even one the api calls retryable (a rate limit says wait, not again now)', () => {
    expect(sut(0, new ApiError(429, 'RATE_LIMITED', 'slow down', undefined, true))).toBe(false);
    expect(sut(0, new ApiError(404, 'SESSION_NOT_FOUND', 'no such session'))).toBe(false);
  });

  it('does not retry a 5xx the api calls final, nor an error that is not the api’s', () => {
    expect(sut(0, new ApiError(500, 'INTERNAL', 'internal error'))).toBe(false);
    expect(sut(0, new Error('render bug'))).toBe(false);
  });

  it('waits what the server says (at most 10 s), else doubles from 1 s', () => {
    expect(readRetryDelay(0, unavailable)).toBe(2_000);
    expect(readRetryDelay(0, new ApiError(503, 'UNAVAILABLE', '', { retryAfterMs: 600_000 }, true))).toBe(10_000);
    expect(readRetryDelay(0, new Error('x'))).toBe(1_000);
    expect(readRetryDelay(2, new Error('x'))).toBe(4_000);
  });
});

describe(`${api.name}() under a query`, () => {
  const realFetch = globalThis.fetch;
  const store = new Map<string, string>();
  beforeAll(() => {
    Object.assign(globalThis, {
      localStorage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => store.set(k, v),
        removeItem: (k: string) => store.delete(k),
      },
    });
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });
  afterAll(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('surfaces the body’s retryable flag on the ApiError', async () => {
    globalThis.fetch = async () => reply(503, { error: { code: 'UNAVAILABLE', message: 'away', retryable: true, details: { retryAfterMs: 2_000 } } });
    const err = await api('GET', '/api/questions').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 503, code: 'UNAVAILABLE', retryable: true, details: { retryAfterMs: 2_000 } });
  });

  it('passes the signal to fetch, and a cancelled read rejects with the abort, not as an unreachable server', async () => {
    let seen: AbortSignal | null | undefined;
    globalThis.fetch = (_input, init) => {
      seen = init?.signal;
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    };
    const controller = new AbortController();
    const pending = api('GET', '/api/questions', undefined, controller.signal).catch((e: unknown) => e);
    controller.abort();
    const err = await pending;
    expect(seen).toBe(controller.signal);
    expect(err).not.toBeInstanceOf(ApiError);
    expect((err as Error).name).toBe('AbortError');
  });

  it('a query client retries a retryable read and then has the data', async () => {
    let calls = 0;
    globalThis.fetch = async () =>
      ++calls === 1
        ? reply(503, { error: { code: 'UNAVAILABLE', message: 'away', retryable: true, details: { retryAfterMs: 1 } } })
        : reply(200, [{ id: 'q1' }]);
    const client = createQueryClient();
    await expect(
      client.fetchQuery({ queryKey: ['questions'], queryFn: ({ signal }) => api('GET', '/api/questions', undefined, signal) }),
    ).resolves.toEqual([{ id: 'q1' }]);
    expect(calls).toBe(2);
    client.clear();
  });

  it('a query client does not retry a 4xx', async () => {
    let calls = 0;
    globalThis.fetch = async () => {
      calls++;
      return reply(404, { error: { code: 'QUESTION_NOT_FOUND', message: 'no such question', retryable: false } });
    };
    const client = createQueryClient();
    await expect(
      client.fetchQuery({ queryKey: ['questions', 'x'], queryFn: ({ signal }) => api('GET', '/api/questions/{id}', { path: { id: 'x' } }, signal) }),
    ).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
    client.clear();
  });
});
