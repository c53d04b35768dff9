import request from 'supertest';
import { type RunningApi, startApi } from '../support/apps.js';
import { uniqueEmail } from '../support/factories.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

/** The doors strangers knock on are limited per client IP, counted in Redis (so across api processes). */
describe('per-IP rate limits', () => {
  const limits = { AUTH_RATE_LIMIT: '3', WAITLIST_RATE_LIMIT: '4', IP_RATE_WINDOW_MS: '60000' };
  let apis: RunningApi[] = [];

  afterEach(async () => {
    await Promise.all(apis.map((a) => a.close()));
    apis = [];
  });
  async function start(env: Record<string, string>): Promise<RunningApi> {
    const api = await startApi({ ...limits, ...env });
    apis.push(api);
    return api;
  }

  it('limits waitlist sign-ups and look-ups together, across two api processes, with RATE_LIMITED and when to retry', async () => {
    const prefix = isolatedQueuePrefix();
    const [one, two] = [await start({ QUEUE_PREFIX: prefix }), await start({ QUEUE_PREFIX: prefix })];
    await request(one.url)
      .post('/api/waitlist')
      .send({ email: uniqueEmail('rl') })
      .expect(200);
    await request(two.url)
      .post('/api/waitlist')
      .send({ email: uniqueEmail('rl') })
      .expect(200);
    await request(one.url)
      .get(`/api/waitlist/${'t'.repeat(43)}`)
      .expect(404);
    await request(two.url)
      .post('/api/waitlist')
      .send({ email: uniqueEmail('rl') })
      .expect(200);
    const limited = await request(one.url)
      .post('/api/waitlist')
      .send({ email: uniqueEmail('rl') })
      .expect(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await request(two.url)
      .get(`/api/waitlist/${'t'.repeat(43)}`)
      .expect(429);
  });

  it('limits login and invite redemption (brute force), wrong answers and right ones alike', async () => {
    const api = await start({ QUEUE_PREFIX: isolatedQueuePrefix() });
    await request(api.url)
      .post('/api/auth/login')
      .send({ email: uniqueEmail('bf'), password: 'guess-1' })
      .expect(401);
    await request(api.url)
      .post('/api/auth/login')
      .send({ email: uniqueEmail('bf'), password: 'guess-2' })
      .expect(401);
    await request(api.url).post('/api/auth/redeem').send({ code: 'AAAAA-AAAAA-AAAAA-AAAAA', password: 'a-good-long-password' }).expect(404);
    const login = await request(api.url)
      .post('/api/auth/login')
      .send({ email: uniqueEmail('bf'), password: 'guess-3' })
      .expect(429);
    expect(login.body.error.code).toBe('RATE_LIMITED');
    await request(api.url).post('/api/auth/redeem').send({ code: 'AAAAA-AAAAA-AAAAA-AAAAA', password: 'a-good-long-password' }).expect(429);
    // Another door keeps its own count.
    await request(api.url)
      .post('/api/waitlist')
      .send({ email: uniqueEmail('rl') })
      .expect(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy sets it, and then only what the proxy appended', async () => {
    const spoofed = await start({ QUEUE_PREFIX: isolatedQueuePrefix() });
    for (let i = 0; i < 3; i++) {
      await request(spoofed.url)
        .post('/api/auth/login')
        .set('x-forwarded-for', `203.0.113.${i}`)
        .send({ email: uniqueEmail('x'), password: 'p' })
        .expect(401);
    }
    await request(spoofed.url)
      .post('/api/auth/login')
      .set('x-forwarded-for', '203.0.113.99')
      .send({ email: uniqueEmail('x'), password: 'p' })
      .expect(429);

    // One proxy in front: it appends the real client address; what the client wrote before it does not count.
    const proxied = await start({ QUEUE_PREFIX: isolatedQueuePrefix(), TRUST_PROXY: '1' });
    const viaProxy = (written: string, client: string) =>
      request(proxied.url)
        .post('/api/auth/login')
        .set('x-forwarded-for', `${written}, ${client}`)
        .send({ email: uniqueEmail('x'), password: 'p' });
    for (let i = 0; i < 3; i++) await viaProxy(`198.51.100.${i}`, '203.0.113.7').expect(401);
    await viaProxy('198.51.100.99', '203.0.113.7').expect(429);
    await viaProxy('198.51.100.99', '203.0.113.8').expect(401);
  });
});
