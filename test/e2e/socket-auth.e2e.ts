import type { INestApplicationContext } from '@nestjs/common';
import { io, type Socket } from 'socket.io-client';
import { AuthService } from '../../libs/auth/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';

describe('socket.io handshake on /interview', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let token: string;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi({ ALLOWED_ORIGINS: 'https://app.example.test' }), startWorker()]);
    const user = await createUser(worker);
    token = (await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
  });
  afterAll(async () => {
    await Promise.all([api.close(), worker.close()]);
  });

  function connect(opts: { token?: unknown; origin?: string }): Promise<{ socket: Socket; error?: Error & { data?: unknown } }> {
    const socket = io(`${api.url}/interview`, {
      auth: opts.token === undefined ? {} : { token: opts.token },
      transports: ['websocket'],
      extraHeaders: opts.origin ? { origin: opts.origin } : {},
      reconnection: false,
    });
    return new Promise((resolve) => {
      socket.on('connect', () => resolve({ socket }));
      socket.on('connect_error', (error) => resolve({ socket, error }));
    });
  }

  it.each([
    ['no token', undefined],
    ['an empty token', ''],
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.bad'],
    ['a non-string token', { evil: true }],
  ])('refuses %s with UNAUTHENTICATED', async (_label, badToken) => {
    const { socket, error } = await connect({ token: badToken });
    expect(socket.connected).toBe(false);
    expect(error?.message).toBe('UNAUTHENTICATED');
    expect(error?.data).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String), retryable: false });
    socket.close();
  });

  it('refuses an origin outside ALLOWED_ORIGINS even with a valid token', async () => {
    const { socket, error } = await connect({ token, origin: 'https://evil.example.test' });
    expect(error?.message).toBe('FORBIDDEN');
    socket.close();
  });

  it('accepts the same origin as the api (the web client it serves) without listing it', async () => {
    const { socket, error } = await connect({ token, origin: new URL(api.url).origin });
    expect(error).toBeUndefined();
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('accepts a valid token from an allowed origin, and keeps serving after refusals', async () => {
    const { socket, error } = await connect({ token, origin: 'https://app.example.test' });
    expect(error).toBeUndefined();
    expect(socket.connected).toBe(true);
    socket.close();
  });
});
