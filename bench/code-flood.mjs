// Code-queue fairness soak (issue 17): one user floods `code:run` with a program that prints NUL and sleeps
// (about 8 s a run), retrying as soon as a refusal's retryAfterMs allows (capped at 250 ms), while another user
// runs a quick program again and again. With CODE_RUNS_PER_USER (2) below CODE_RUN_CONCURRENCY (3) the flood is
// refused past its cap and the victim's run always finds a runner.
//   node scripts/ensure-build.mjs && node bench/code-flood.mjs [--seconds 600]
// Prints the victim's code:run → code:result latency p50/p95/p99/max, and what the flood got (accepted,
// refused RATE_LIMITED, finished, results showing NUL as ␀).
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { connectSocket, pct, sleep, startStack } from './bench-support.mjs';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '600' } } });
const SECONDS = Number(values.seconds);

const FLOOD = 'import time\ndef lru_cache_operations(capacity, operations):\n    print("\\0" * 8)\n    time.sleep(4)\n    return ["\\0"]\n';
const QUICK = 'def lru_cache_operations(capacity, operations):\n    return [None] * len(operations)\n';

const stack = await startStack({ QUEUE_PREFIX: `bench-flood-${Date.now()}`, CODE_SNAPSHOT_MIN_INTERVAL_MS: '0' });
const { base, env, stop } = stack;

async function login(email, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return (await res.json()).accessToken;
}

/** A coding session of this user with one snapshot, its socket and a runId → resolver map for code:result. */
async function codingSession(accessToken, code) {
  const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const res = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ questionId: 'lru-cache', mode: 'practice' }),
  });
  const sessionId = (await res.json()).id;
  const socket = await connectSocket(base, accessToken);
  const waiting = new Map();
  const results = [];
  socket.on('code:result', (e) => {
    results.push(e);
    waiting.get(e.runId)?.(e);
  });
  await socket.timeout(30_000).emitWithAck('session:join', { sessionId });
  const up = await socket.timeout(30_000).emitWithAck('code:update', { sessionId, clientId: 'snap', language: 'python', code });
  if (!up.ok) throw new Error(JSON.stringify(up.error));
  return { socket, sessionId, waiting, results };
}

try {
  const victimEmail = `bench-victim-${Date.now()}@example.test`;
  execFileSync(
    process.execPath,
    ['dist/apps/cli/main.js', 'user:create', '--email', victimEmail, '--password', 'bench-password-123', '--role', 'candidate'],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const flood = await codingSession(stack.accessToken, FLOOD);
  const victim = await codingSession(await login(victimEmail, 'bench-password-123'), QUICK);
  await sleep(3000); // the worker's start-up smoke runs
  const until = performance.now() + SECONDS * 1000;
  const counts = { accepted: 0, refused: 0, otherErrors: 0 };
  const flooding = (async () => {
    for (let n = 0; performance.now() < until; n++) {
      const ack = await flood.socket.timeout(60_000).emitWithAck('code:run', { sessionId: flood.sessionId, clientId: `flood-${n}` });
      if (ack.ok) counts.accepted++;
      else if (ack.error.code === 'RATE_LIMITED') {
        counts.refused++;
        await sleep(Math.min(250, ack.error.details?.retryAfterMs ?? 250));
      } else counts.otherErrors++;
    }
  })();
  const latencies = [];
  const statuses = new Map();
  for (let n = 0; performance.now() < until; n++) {
    const t0 = performance.now();
    const box = {};
    const done = new Promise((resolve) => (box.resolve = resolve));
    const ack = await victim.socket.timeout(60_000).emitWithAck('code:run', { sessionId: victim.sessionId, clientId: `quick-${n}` });
    if (!ack.ok) throw new Error(`victim refused: ${JSON.stringify(ack.error)}`);
    victim.waiting.set(ack.data.runId, box.resolve);
    const result = await Promise.race([done, sleep(120_000).then(() => ({ status: 'NO_RESULT_120S' }))]);
    victim.waiting.delete(ack.data.runId);
    latencies.push(performance.now() - t0);
    statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    await sleep(200);
  }
  await flooding;
  await sleep(10_000); // the flood's last runs finish
  latencies.sort((a, b) => a - b);
  const nulShown = flood.results.filter((r) => JSON.stringify(r).includes('␀')).length;
  console.log(
    `code flood: ${SECONDS} s, defaults (CODE_RUN_CONCURRENCY 3, CODE_RUNS_PER_USER 2); ${cpus().length} cores, ${cpus()[0].model}, node ${process.version}`,
  );
  console.log(
    `  victim: ${latencies.length} runs, code:run → code:result p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms, max ${latencies.at(-1).toFixed(0)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(
    `  flood: ${counts.accepted} accepted, ${counts.refused} refused RATE_LIMITED, ${counts.otherErrors} other errors; ${flood.results.length} finished (${nulShown} showing NUL as ␀), statuses ${JSON.stringify(Object.fromEntries(flood.results.reduce((m, r) => m.set(r.status, (m.get(r.status) ?? 0) + 1), new Map())))}`,
  );
  flood.socket.close();
  victim.socket.close();
} finally {
  await stop();
}
