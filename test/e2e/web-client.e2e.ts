import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type RunningApi, startApi } from '../support/apps.js';

/** The api serves the built web client on its own port without taking over its own routes. */
describe('web client served by the api', () => {
  let api: RunningApi;
  const dir = mkdtempSync(join(tmpdir(), 'mi-web-'));

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
    api = await startApi({ WEB_DIR: dir });
  });
  afterAll(() => api.close());

  it.each(['/', '/dashboard', '/sessions/8f0c1f7e-6d7e-4c55-9f5b-7a1d2a3b4c5d', '/coach/sessions/x?tab=1'])(
    'answers the page %s with index.html and a strict CSP',
    async (path) => {
      const res = await request(api.url).get(path).set('accept', 'text/html').expect(200);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    },
  );

  it('serves hashed assets with a long cache, and a missing asset is a 404, not the page', async () => {
    const asset = await request(api.url).get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    await request(api.url).get('/assets/missing.js').expect(404);
  });

  it('leaves /api, /health and /socket.io to the api', async () => {
    const missing = await request(api.url).get('/api/no-such-route').set('accept', 'text/html').expect(404);
    expect(missing.body).toMatchObject({ error: { code: expect.any(String) } });
    await request(api.url).get('/api/me').set('accept', 'text/html').expect(401);
    const health = await request(api.url).get('/health').expect(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const polling = await request(api.url).get('/socket.io/?EIO=4&transport=polling').set('accept', 'text/html');
    expect(polling.text).not.toContain('<div id="root">');
  });

  it('never serves a file outside its folder', async () => {
    const res = await request(api.url).get('/..%2f..%2fetc%2fpasswd').set('accept', 'text/html');
    expect(res.text).not.toContain('root:');
    const encoded = await request(api.url).get('/assets/%2e%2e/%2e%2e/package.json');
    expect(encoded.text).not.toContain('"name"');
  });
});
