import { type SpawnedApp, spawnApp } from '../support/apps.js';
import { waitFor } from '../support/wait-for.js';

/** The built apps as separate processes, the way `npm start` runs them. */
describe('api and worker processes', () => {
  it('exits non-zero with a one-line message naming a bad variable', async () => {
    for (const name of ['api', 'worker'] as const) {
      const app = spawnApp(name, { DATABASE_URL: 'not-a-url' });
      expect((await app.exited).code).toBe(1);
      expect(app.output().trim()).toMatch(/^\w+: Invalid configuration: DATABASE_URL .+$/);
    }
  });

  it('serves readiness, then stops both cleanly on SIGTERM within 10 s', async () => {
    const api: SpawnedApp = spawnApp('api', { PORT: '0', MIGRATE_ON_START: 'true' });
    const worker: SpawnedApp = spawnApp('worker', {});
    try {
      const url = await waitFor(async () => /"url":"http:\/\/\[?[^"\]]+\]?:(\d+)"/.exec(api.output())?.[1], { timeoutMs: 30_000 });
      await waitFor(async () => (worker.output().includes('worker started') ? true : undefined), { timeoutMs: 30_000 });
      const ready = await fetch(`http://127.0.0.1:${url}/health/ready`);
      expect(ready.status).toBe(200);

      const stopAt = Date.now();
      api.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
      const [a, w] = await Promise.all([api.exited, worker.exited]);
      expect(Date.now() - stopAt).toBeLessThan(10_000);
      // Nest re-raises the signal after its shutdown hooks ran, so a clean stop reads as "killed by SIGTERM".
      for (const exit of [a, w]) expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      expect(api.output()).toContain('shutting down');
      expect(api.output()).not.toMatch(/"level":(50|60)/);
      expect(worker.output()).not.toMatch(/"level":(50|60)/);
    } finally {
      api.child.kill('SIGKILL');
      worker.child.kill('SIGKILL');
    }
  }, 60_000);
});
