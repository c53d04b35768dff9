import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { UsersService } from '../../libs/auth/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD } from '../support/factories.js';

/** The refresh cookie a response set (its value and attributes), or undefined. */
function refreshCookie(res: request.Response): { value: string; attributes: string } | undefined {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('mi_refresh='));
  if (!raw) return undefined;
  const [pair, ...rest] = raw.split(';');
  return { value: pair!.slice('mi_refresh='.length), attributes: rest.join(';') };
}

/**
 * Issue 20, point 2: a short access token renewed by a rotating refresh token (httpOnly cookie, hashed in
 * Postgres, one family per sign-in). A spent token presented again revokes its family; sign-out revokes; a
 * disabled user or a version change refuses the refresh.
 */
describe('refresh tokens over HTTP', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi({ JWT_TTL_SECONDS: '60', REFRESH_TTL_SECONDS: '3600' }), startWorker()]);
  });
  afterAll(async () => {
    await Promise.all([api.close(), worker.close()]);
  });

  const signIn = async (email: string) => {
    const res = await request(api.url).post('/api/auth/login').send({ email, password: DEFAULT_PASSWORD }).expect(200);
    return { accessToken: res.body.accessToken as string, refresh: refreshCookie(res)!.value };
  };
  const refresh = (token: string) => request(api.url).post('/api/auth/refresh').set('cookie', `mi_refresh=${token}`);
  const me = (accessToken: string) => request(api.url).get('/api/me').set('authorization', `Bearer ${accessToken}`);

  it('sets the refresh token as an httpOnly, SameSite=Strict cookie for the refresh path only', async () => {
    const user = await createUser(worker);
    const res = await request(api.url).post('/api/auth/login').send({ email: user.email, password: DEFAULT_PASSWORD }).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 60 });
    const cookie = refreshCookie(res);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.attributes).toMatch(/HttpOnly/i);
    expect(cookie?.attributes).toMatch(/SameSite=Strict/i);
    expect(cookie?.attributes).toMatch(/Path=\/api\/auth\/refresh(;|$)/);
    expect(cookie?.attributes).not.toMatch(/Secure/i); // PUBLIC_URL is http here
  });

  it('rotates: each refresh answers a working access token and a new refresh token', async () => {
    const user = await createUser(worker);
    const first = await signIn(user.email);
    const res = await refresh(first.refresh).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 60 });
    const second = refreshCookie(res)!.value;
    expect(second).not.toBe(first.refresh);
    expect((await me(res.body.accessToken).expect(200)).body.email).toBe(user.email);
    const third = refreshCookie(await refresh(second).expect(200))!.value;
    expect(new Set([first.refresh, second, third]).size).toBe(3);
  });

  it('refuses a spent token presented again and revokes its whole family', async () => {
    const user = await createUser(worker);
    const stolen = (await signIn(user.email)).refresh;
    const ownersNext = refreshCookie(await refresh(stolen).expect(200))!.value;

    const replay = await refresh(stolen).expect(401);
    expect(replay.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('already used') });
    expect(refreshCookie(replay)?.value).toBe(''); // the refused cookie is cleared
    // The newest token of the family is gone too: whoever held it signs in again.
    expect((await refresh(ownersNext).expect(401)).body.error.message).toContain('revoked');
    // Another sign-in of the same user (another family) is untouched.
    const other = await signIn(user.email);
    await refresh(other.refresh).expect(200);
  });

  it('signs out with the access token alone (the browser does not send the cookie there) and revokes the family', async () => {
    const user = await createUser(worker);
    const session = await signIn(user.email);
    const kept = await signIn(user.email);
    const res = await request(api.url).post('/api/auth/logout').set('authorization', `Bearer ${session.accessToken}`).expect(204);
    expect(refreshCookie(res)?.value).toBe('');
    await refresh(session.refresh).expect(401);
    await refresh(kept.refresh).expect(200);

    // With the cookie instead, after a rotation (the access token names the family, not one token).
    const other = await signIn(user.email);
    const next = refreshCookie(await refresh(other.refresh).expect(200))!.value;
    await request(api.url).post('/api/auth/logout').set('cookie', `mi_refresh=${next}`).expect(204);
    await refresh(next).expect(401);
  });

  it('refuses the refresh of a disabled user, and of one whose role changed since', async () => {
    const [candidate, admin] = await Promise.all([createUser(worker), createUser(worker, 'admin')]);
    const session = await signIn(candidate.email);
    await worker.get(UsersService).disable(admin.id, candidate.id);
    expect((await refresh(session.refresh).expect(401)).body.error.message).toContain('disabled');

    const coach = await createUser(worker, 'coach');
    const coachSession = await signIn(coach.email);
    const { DataSource } = await import('typeorm');
    await worker.get(DataSource).query(`UPDATE users SET role = 'candidate' WHERE id = $1`, [coach.id]);
    expect((await refresh(coachSession.refresh).expect(401)).body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a missing, malformed or unknown refresh token', async () => {
    await request(api.url).post('/api/auth/refresh').expect(401);
    await refresh('not-a-token').expect(401);
    await refresh('A'.repeat(43)).expect(401);
  });
});
