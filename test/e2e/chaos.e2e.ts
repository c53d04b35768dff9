import { spawn } from 'node:child_process';

/**
 * One short run of the chaos bench (bench/chaos.mjs; the full sweep of 100 sessions per fault is run by hand and
 * reported in bench/README.md): two apis and two workers as processes, 10 live sessions on a fast clock, an api
 * killed mid-session and then a Postgres partition that leaves the connections dead. The bench exits non-zero
 * when an acknowledged answer is lost, anything is delivered or stored twice, a client's stream has a gap, or a
 * session, report or grade is stuck. It runs on the Redis (a cluster in scripts/test-cluster.sh) and through the
 * pooler (TEST_DATABASE_VIA) of the run. CHAOS_FAULTS replaces the faults (e.g. add redis-master-kill on a cluster).
 */
const faults = process.env.CHAOS_FAULTS?.split(',') ?? ['api-kill', 'pg-partition-dead'];

describe('chaos, one short run', () => {
  it(
    `loses, doubles and strands nothing through ${faults.join(', ')}`,
    async () => {
      const via = process.env.TEST_DATABASE_VIA ? ['--database-via', process.env.TEST_DATABASE_VIA] : [];
      const args = ['bench/chaos.mjs', '--sessions', '10', '--faults', faults.join(','), '--minute-ms', '200', ...via];
      const child = spawn(process.execPath, args, {
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const runs = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { fault: string; acked: number; lost: number; duplicated: number; gaps: number; stuck: number });
      expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
      expect(runs.map((r) => r.fault)).toEqual(faults);
      for (const r of runs) {
        expect(r).toMatchObject({ lost: 0, duplicated: 0, gaps: 0, stuck: 0 });
        expect(r.acked).toBeGreaterThan(0);
      }
    },
    120_000 * faults.length,
  );
});
