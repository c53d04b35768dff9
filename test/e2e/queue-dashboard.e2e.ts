import request from 'supertest';
import { AuthService, type Role } from '../../libs/auth/index.js';
import { QUEUE_NAMES } from '../../libs/queue/index.js';
import { type RunningApi, startApi } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

/** Issue 21, point 5: the queue dashboard (bull-board) at /admin/queues, for admins only, under the api's CSP. */
describe('queue dashboard', () => {
  let api: RunningApi;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: isolatedQueuePrefix() });
    for (const role of ['admin', 'coach', 'candidate'] as const) {
      const user = await createUser(api.app, role);
      tokens[role] = (await api.app.get(AuthService).issueToken({ userId: user.id, role })).accessToken;
    }
  });
  afterAll(() => api?.close());

  it('refuses anyone but an admin: 401 without a valid token, 403 for a coach or a candidate', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      expect((await request(api.url).get(path).expect(401)).body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      await request(api.url).get(path).set('authorization', 'Bearer not-a-token').expect(401);
      for (const role of ['coach', 'candidate'] as const) {
        expect((await request(api.url).get(path).set('authorization', `Bearer ${tokens[role]}`).expect(403)).body).toMatchObject({
          error: { code: 'FORBIDDEN' },
        });
      }
    }
    await request(api.url).post('/admin/queues/session').set('authorization', `Bearer ${tokens.candidate}`).expect(403);
    await request(api.url).get('/admin/queues/api/queues').set('cookie', `mi_queues=${tokens.coach}`).expect(403);
  });

  it('shows an admin every queue, in a browser too: the session cookie, the page and its assets under the CSP', async () => {
    const queues = await request(api.url).get('/admin/queues/api/queues').set('authorization', `Bearer ${tokens.admin}`).expect(200);
    expect((queues.body as { queues: { name: string }[] }).queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());

    // A browser cannot send the bearer on navigation: it trades it for a cookie scoped to the dashboard.
    const session = await request(api.url).post('/admin/queues/session').set('authorization', `Bearer ${tokens.admin}`).expect(204);
    const cookie = (session.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('mi_queues='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    const jar = cookie.split(';')[0]!;

    const page = await request(api.url)
      .get('/admin/queues')
      .set('cookie', jar)
      .set('accept', 'text/html')
      .expect(200)
      .expect('content-type', /text\/html/);
    // The api's CSP holds here too: scripts only from this origin, none inline (the UI config is inert JSON).
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(1);
    for (const attrs of scripts) expect(/\bsrc="/.test(attrs) || /type="application\/json"/.test(attrs)).toBe(true);
    for (const src of scripts.flatMap((a) => /\bsrc="([^"]+)"/.exec(a)?.[1] ?? [])) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      await request(api.url)
        .get(`/admin/queues/${src}`)
        .set('cookie', jar)
        .expect(200)
        .expect('content-type', /javascript/);
    }
    await request(api.url).get('/admin/queues/api/queues').set('cookie', jar).expect(200);
  });
});
