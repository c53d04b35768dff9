import { spawnApp } from '../support/apps.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

/** Without the isolation layer the code runner says why and never takes a code run (no fallback to unsandboxed runs). */
describe('code runner without bubblewrap', () => {
  it('starts, logs why it refuses candidate code, and does not consume the code queue', async () => {
    const worker = spawnApp('code-runner', { SANDBOX_BWRAP: '/nonexistent/bwrap', QUEUE_PREFIX: isolatedQueuePrefix() });
    try {
      await waitFor(async () => (worker.output().includes('worker started') ? true : undefined), { timeoutMs: 30_000 });
      const output = worker.output();
      expect(output).toContain('refusing to run candidate code: bubblewrap (bwrap) is not installed or not executable at /nonexistent/bwrap');
      expect(output).toContain('queue \\"code\\" is not consumed by this worker');
      const started = output.split('\n').find((line) => line.includes('worker started'))!;
      expect(JSON.parse(started).queues).toEqual([]);
    } finally {
      worker.child.kill('SIGKILL');
    }
  }, 60_000);
});
