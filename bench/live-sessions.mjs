// Live-session benchmark: N concurrent sessions driven by socket.io-client from this process against the
// built api and worker (spawned here), then M idle sockets on one api process.
//   node scripts/ensure-build.mjs && node bench/live-sessions.mjs [--sessions 500] [--answers 2] [--think 60000] [--idle 5000]
// The defaults are the measured scenario (bench/README.md): 500 sessions, 2 answers each, a 60 s think time.
// Prints answer → grade:scored latency p50/p95/p99 minus the grader's own time, answers/s, and RSS.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectSocket, inBatches, openSessions, pct, rssMb, samplePeakRss, sleep, startStack } from './bench-support.mjs';

const { values } = parseArgs({
  options: {
    think: { type: 'string', default: '60000' },
    sessions: { type: 'string', default: '500' },
    answers: { type: 'string', default: '2' },
    idle: { type: 'string', default: '5000' },
  },
});
const SESSIONS = Number(values.sessions);
const ANSWERS = Number(values.answers);
const IDLE = Number(values.idle);
// A candidate thinks between answers; 0 drives the system closed-loop (measures saturation, not overhead).
const THINK_MS = Number(values.think);

const { api, worker, base, accessToken, auth, stop } = await startStack({ QUEUE_PREFIX: `bench-${Date.now()}`, WORKER_CONCURRENCY: '32' });
try {
  // Phase A: concurrent live sessions.
  const sockets = await openSessions({ base, auth, accessToken }, SESSIONS);
  console.error(`joined ${sockets.length} sockets`);
  const overheads = [];
  const totals = [];
  const stages = { ack: [], picked: [], stored: [] };
  const answer = readFileSync('rubrics/questions/realtime-notifications.yaml', 'utf8')
    .slice(0, 1500)
    .replace(/[^\w\s.,]/g, ' ');
  const sampler = samplePeakRss(api, worker);
  const started = performance.now();
  await Promise.all(
    sockets.map(async ({ socket, sessionId }, n) => {
      // What arrived for each turn and when, whether before or after the answer's ack (a quick grade can beat it).
      const arrivals = new Map();
      const arrival = (turnId) => arrivals.get(turnId) ?? arrivals.set(turnId, {}).get(turnId);
      socket.on('grade:status', (e) => (arrival(e.turnId)[e.status] = performance.now()));
      socket.on('grade:scored', (e) => {
        const a = arrival(e.turnId);
        a.event = e;
        a.scoredAt = performance.now();
        a.wake?.();
      });
      for (let i = 0; i < ANSWERS; i++) {
        if (THINK_MS > 0) await sleep(THINK_MS * (0.5 + Math.random()));
        const t0 = performance.now();
        const ack = await socket.timeout(60_000).emitWithAck('answer:submit', { sessionId, clientId: `b-${n}-${i}`, text: answer });
        stages.ack.push(performance.now() - t0);
        if (!ack.ok) throw new Error(`answer refused: ${JSON.stringify(ack.error)}`);
        const a = arrival(ack.data.turnId);
        if (!a.event) await new Promise((wake) => (a.wake = wake));
        arrivals.delete(ack.data.turnId);
        // `grading` is announced only for grades slower than 250 ms (never with the offline grader).
        if (a.grading) stages.picked.push(a.grading - t0);
        stages.stored.push(a.scored - t0);
        const total = a.scoredAt - t0;
        totals.push(total);
        overheads.push(total - a.event.grade.provenance.latencyMs);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  overheads.sort((a, b) => a - b);
  totals.sort((a, b) => a - b);
  console.log(
    `live sessions: ${SESSIONS} concurrent, ${ANSWERS} answers each, think ${THINK_MS} ms ±50%, ${overheads.length} graded in ${wall.toFixed(1)} s`,
  );
  console.log(`  answers/s: ${(overheads.length / wall).toFixed(0)}`);
  console.log(
    `  answer → grade:scored minus grader time (ms): p50 ${pct(overheads, 50).toFixed(1)}  p95 ${pct(overheads, 95).toFixed(1)}  p99 ${pct(overheads, 99).toFixed(1)}`,
  );
  console.log(
    `  answer → grade:scored total (ms):             p50 ${pct(totals, 50).toFixed(1)}  p95 ${pct(totals, 95).toFixed(1)}  p99 ${pct(totals, 99).toFixed(1)}`,
  );
  for (const [name, xs] of Object.entries(stages)) {
    xs.sort((a, b) => a - b);
    if (xs.length > 0) console.log(`  stage ${name} (ms from submit): p50 ${pct(xs, 50).toFixed(1)}  p99 ${pct(xs, 99).toFixed(1)}`);
  }
  console.log(`  peak RSS: api ${peak.api.toFixed(0)} MB, worker ${peak.worker.toFixed(0)} MB`);
  for (const { socket } of sockets) socket.close();
  await sleep(1000);

  // Phase B: idle authenticated sockets on one api process.
  const before = rssMb(api.pid);
  const idle = await inBatches([...Array(IDLE).keys()], 250, () => connectSocket(base, accessToken));
  await sleep(3000);
  console.log(`idle sockets: ${idle.length} connected; api RSS ${rssMb(api.pid).toFixed(0)} MB (before ${before.toFixed(0)} MB)`);
  for (const s of idle) s.close();
} finally {
  await stop();
}
