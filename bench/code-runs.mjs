// Code-run benchmark: trivial Python and JavaScript solutions through the real path (socket.io → api →
// BullMQ `code` queue → worker → bubblewrap sandbox → session event log → socket), with the worker's 2 runners.
//   node scripts/ensure-build.mjs && node bench/code-runs.mjs [--runs 500] [--inflight 2]
// Prints runs/s and code:run → code:result latency p50/p95 per language, and the worker's RSS before, during
// and after all runs (a leak would show as RSS growing with the run count).
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { pct, rssMb, sleep, startStack } from './bench-support.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' }, inflight: { type: 'string', default: '2' } } });
const RUNS = Number(values.runs);
const INFLIGHT = Number(values.inflight);

// Short, correct solutions: the sandbox's cost per run, not the candidate's algorithm, is what is measured.
const SOLUTIONS = {
  python: [
    'from collections import OrderedDict',
    'def lru_cache_operations(capacity, operations):',
    '    cache, out = OrderedDict(), []',
    '    for op in operations:',
    '        if op[0] == "put":',
    '            cache[op[1]] = op[2]',
    '            cache.move_to_end(op[1])',
    '            if len(cache) > capacity:',
    '                cache.popitem(last=False)',
    '            out.append(None)',
    '        elif op[1] in cache:',
    '            cache.move_to_end(op[1])',
    '            out.append(cache[op[1]])',
    '        else:',
    '            out.append(-1)',
    '    return out',
    '',
  ].join('\n'),
  javascript: [
    'function lruCacheOperations(capacity, operations) {',
    '  const cache = new Map();',
    '  return operations.map(([op, key, value]) => {',
    "    if (op === 'put') {",
    '      cache.delete(key);',
    '      cache.set(key, value);',
    '      if (cache.size > capacity) cache.delete(cache.keys().next().value);',
    '      return null;',
    '    }',
    '    if (!cache.has(key)) return -1;',
    '    const found = cache.get(key);',
    '    cache.delete(key);',
    '    cache.set(key, found);',
    '    return found;',
    '  });',
    '}',
    '',
  ].join('\n'),
};

const { worker, base, accessToken, auth, stop } = await startStack({
  QUEUE_PREFIX: `bench-code-${Date.now()}`,
  CODE_RUN_CONCURRENCY: '2',
  CODE_SNAPSHOT_MIN_INTERVAL_MS: '0',
});
try {
  const socket = await new Promise((resolve, reject) => {
    const s = io(`${base}/interview`, { auth: { token: accessToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
  const waiting = new Map();
  socket.on('code:result', (e) => waiting.get(e.runId)?.(e));
  await sleep(3000); // the worker's start-up smoke runs
  const rssStart = rssMb(worker.pid);
  const report = [];
  for (const language of ['python', 'javascript']) {
    const res = await fetch(`${base}/api/sessions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ questionId: 'lru-cache', mode: 'practice' }),
    });
    const sessionId = (await res.json()).id;
    await socket.timeout(30_000).emitWithAck('session:join', { sessionId });
    const up = await socket
      .timeout(30_000)
      .emitWithAck('code:update', { sessionId, clientId: `snap-${language}`, language, code: SOLUTIONS[language] });
    if (!up.ok) throw new Error(JSON.stringify(up.error));
    const latencies = [];
    const statuses = new Map();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: INFLIGHT }, async () => {
        while (next < RUNS) {
          const n = next++;
          const t0 = performance.now();
          const box = {};
          const done = new Promise((resolve) => (box.resolve = resolve));
          const ack = await socket.timeout(60_000).emitWithAck('code:run', { sessionId, clientId: `run-${language}-${n}` });
          if (!ack.ok) throw new Error(JSON.stringify(ack.error));
          waiting.set(ack.data.runId, box.resolve);
          const result = await done;
          waiting.delete(ack.data.runId);
          latencies.push(performance.now() - t0);
          statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
        }
      }),
    );
    const wall = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    report.push(
      `  ${language.padEnd(10)} ${RUNS} runs in ${wall.toFixed(1)} s: ${(RUNS / wall).toFixed(1)} runs/s; code:run → code:result p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}; worker RSS ${rssMb(worker.pid).toFixed(0)} MB`,
    );
    console.error(report.at(-1));
  }
  await sleep(2000);
  console.log(
    `code runs: 2 runners (CODE_RUN_CONCURRENCY=2), ${INFLIGHT} in flight, lru-cache visible tests (2 calls per run); ${cpus().length} cores, ${cpus()[0].model}, node ${process.version}`,
  );
  for (const line of report) console.log(line);
  console.log(`  worker RSS: ${rssStart.toFixed(0)} MB after start-up, ${rssMb(worker.pid).toFixed(0)} MB after ${2 * RUNS} runs`);
  socket.close();
} finally {
  await stop();
}
