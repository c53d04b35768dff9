import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { UsersService } from '../../libs/auth/index.js';
import { type RunningApi, spawnApp, startApi, startWorker } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD, uniqueEmail } from '../support/factories.js';
import { waitFor } from '../support/wait-for.js';

describe('auth over HTTP', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(), startWorker()]);
  });
  afterAll(async () => {
    await Promise.all([api.close(), worker.close()]);
  });

  const login = (email: string, password: string) => request(api.url).post('/api/auth/login').send({ email, password });

  it('logs in a user made with the CLI, and the worker records the login', async () => {
    const email = uniqueEmail('cli');
    const cli = spawnApp('cli', {}, ['user:create', '--email', email, '--password', 'cli-made-password', '--role', 'admin']);
    expect((await cli.exited).code).toBe(0);
    expect(cli.output()).toContain(`created admin ${email}`);

    const res = await login(` ${email.toUpperCase()} `, 'cli-made-password').expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });

    const me = await request(api.url).get('/api/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email, role: 'admin' });
    const recorded = await waitFor(async () => (await worker.get(UsersService).get(me.body.id)).lastLoginAt ?? undefined);
    expect(Date.parse(recorded)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const user = await createUser(worker);
    const wrong = await login(user.email, 'not-the-password').expect(401);
    const unknown = await login(uniqueEmail('nobody'), DEFAULT_PASSWORD).expect(401);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'invalid email or password' });
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    expect(unknown.body.error.code).toBe(wrong.body.error.code);
  });

  it('names the bad field of a malformed login', async () => {
    const res = await request(api.url).post('/api/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(res.body.error.code).toBe('INVALID_PAYLOAD');
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['email', 'password']);
  });

  it('requires a valid token and enforces roles', async () => {
    await request(api.url).get('/api/me').expect(401);
    await request(api.url).get('/api/me').set('authorization', 'Bearer forged.token.here').expect(401);

    const candidate = await createUser(worker, 'candidate');
    const token = (await login(candidate.email, DEFAULT_PASSWORD).expect(200)).body.accessToken as string;
    const forbidden = await request(api.url).get('/api/admin/users').set('authorization', `Bearer ${token}`).expect(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');

    const admin = await createUser(worker, 'admin');
    const adminToken = (await login(admin.email, DEFAULT_PASSWORD).expect(200)).body.accessToken as string;
    const list = await request(api.url).get('/api/admin/users').set('authorization', `Bearer ${adminToken}`).expect(200);
    expect(list.body.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([candidate.email, admin.email]));
    // Issue 20, point 9: the admin finds users by part of the email and by role.
    const found = await request(api.url)
      .get('/api/admin/users')
      .query({ q: candidate.email.split('@')[0]!.toUpperCase(), role: 'candidate' })
      .set('authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(found.body.map((u: { email: string }) => u.email)).toEqual([candidate.email]);
    const none = await request(api.url)
      .get('/api/admin/users')
      .query({ q: candidate.email, role: 'coach' })
      .set('authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(none.body).toEqual([]);
  });

  it('carries a request id in every answer, and echoes a sane one', async () => {
    const res = await request(api.url).get('/health').set('x-request-id', 'trace-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
    const errored = await request(api.url).get('/api/nope').expect(404);
    expect(errored.body.error.requestId).toBe(errored.headers['x-request-id']);
  });

  it('is ready when Postgres and Redis answer', async () => {
    const res = await request(api.url).get('/health/ready').expect(200);
    expect(res.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });
});
