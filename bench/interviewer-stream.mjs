// Streaming-interviewer benchmark: N live sessions ask the interviewer questions while a local server speaking
// the OpenAI API streams every reply with a fixed time to first token; measures answer ack → first
// `interviewer:delta` on the candidate's socket (the target: ≤ TTFT + 50 ms at p99 for 200 sessions), and checks
// every reply ends with exactly one logged `interviewer:message` that equals its deltas.
//   node scripts/ensure-build.mjs && node bench/interviewer-stream.mjs [--sessions 200] [--turns 3] [--think 20000] [--ttft 400] [--gap 25]
// The grader stays offline (LLM_PROVIDER=rubric); only the interviewer is the LLM (INTERVIEWER_PROVIDER=openai).
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
// The reply's turn id as the server derives it from the question's (so deltas can be matched to their question).
import { replyTurnId } from '../dist/libs/interview/interviewer-reply.service.js';
import { openSessions, pct, samplePeakRss, sleep, startStack } from './bench-support.mjs';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '200' },
    turns: { type: 'string', default: '3' },
    think: { type: 'string', default: '20000' },
    ttft: { type: 'string', default: '400' },
    gap: { type: 'string', default: '25' },
  },
});
const SESSIONS = Number(values.sessions);
const TURNS = Number(values.turns);
const THINK_MS = Number(values.think);
const TTFT_MS = Number(values.ttft);
const GAP_MS = Number(values.gap);

/** A model that says the server's draft, streamed a few words at a time after TTFT_MS. */
function fakeOpenAi() {
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const request = JSON.parse(body);
    const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
    const draft = /^- Draft: (.*)$/m.exec(user)?.[1] ?? 'Tell me more.';
    const facts = /^- Facts that answer their questions: (.*)$/m.exec(user)?.[1] ?? 'none';
    const json = JSON.stringify({ reply: draft, answeredFactIds: facts === 'none' ? [] : facts.split(', '), probeUsed: true });
    const words = json.match(/\S+\s*|\s+/g) ?? [];
    const pieces = [];
    for (let i = 0; i < words.length; i += 3) pieces.push(words.slice(i, i + 3).join(''));
    const chunk = (delta, finish, extra = {}) =>
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'bench-model', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    await sleep(TTFT_MS);
    for (const [i, piece] of pieces.entries()) {
      if (i > 0) await sleep(GAP_MS);
      res.write(chunk({ content: piece }, null));
    }
    res.write(chunk({}, 'stop'));
    res.write(
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'bench-model', choices: [], usage: { prompt_tokens: Math.ceil(body.length / 4), completion_tokens: Math.ceil(json.length / 4), total_tokens: 0 } })}\n\n`,
    );
    res.end('data: [DONE]\n\n');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const QUESTIONS = [
  'How many users should I design for, and how many are online at once?',
  'How long do we keep notifications?',
  'Do we need to support SMS?',
  'What latency do users expect for in-app notifications?',
  'Is ordering per user required?',
];

const fake = await fakeOpenAi();
const { api, worker, base, accessToken, auth, stop } = await startStack({
  QUEUE_PREFIX: `bench-${Date.now()}`,
  LLM_PROVIDER: 'rubric',
  INTERVIEWER_PROVIDER: 'openai',
  OPENAI_BASE_URL: `http://127.0.0.1:${fake.address().port}/v1`,
});
try {
  const sessions = await openSessions({ base, auth, accessToken }, SESSIONS);
  console.error(`${sessions.length} sessions joined`);
  const firstDelta = [];
  const toFinal = [];
  let mismatches = 0;
  let duplicates = 0;
  const sampler = samplePeakRss(api, worker);
  const started = performance.now();
  await Promise.all(
    sessions.map(async ({ socket, sessionId }, n) => {
      const replies = new Map();
      const reply = (id) => replies.get(id) ?? replies.set(id, { pieces: [], finals: [] }).get(id);
      socket.on('interviewer:delta', (d) => {
        const r = reply(d.turnId);
        r.first ??= performance.now();
        r.pieces[d.index] = d.text;
      });
      socket.on('interviewer:message', (m) => {
        const r = reply(m.turnId);
        r.finals.push(m.text);
        r.finalAt ??= performance.now();
        r.wake?.();
      });
      for (let i = 0; i < TURNS; i++) {
        if (THINK_MS > 0) await sleep(THINK_MS * (0.5 + Math.random()));
        const ack = await socket
          .timeout(60_000)
          .emitWithAck('answer:submit', { sessionId, clientId: `q-${n}-${i}`, text: QUESTIONS[(n + i) % QUESTIONS.length] });
        const ackAt = performance.now();
        if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
        const r = reply(replyTurnId(ack.data.turnId));
        if (r.finals.length === 0) await new Promise((wake) => (r.wake = wake));
        await sleep(200); // a late duplicate would show here
        if (r.first === undefined) throw new Error('a reply arrived without any delta');
        firstDelta.push(r.first - ackAt);
        toFinal.push(r.finalAt - ackAt);
        if (r.pieces.join('') !== r.finals[0]) mismatches++;
        if (r.finals.length !== 1) duplicates++;
      }
    }),
  );
  const peak = sampler.stop();
  const wall = (performance.now() - started) / 1000;
  firstDelta.sort((a, b) => a - b);
  toFinal.sort((a, b) => a - b);
  console.log(
    `interviewer stream: ${SESSIONS} sessions × ${TURNS} questions, think ${THINK_MS} ms ±50%, model TTFT ${TTFT_MS} ms, ${firstDelta.length} replies in ${wall.toFixed(1)} s`,
  );
  console.log(
    `  ack → first interviewer:delta (ms): p50 ${pct(firstDelta, 50).toFixed(1)}  p95 ${pct(firstDelta, 95).toFixed(1)}  p99 ${pct(firstDelta, 99).toFixed(1)}  max ${firstDelta.at(-1).toFixed(1)}`,
  );
  console.log(`  ack → interviewer:message (ms):     p50 ${pct(toFinal, 50).toFixed(1)}  p99 ${pct(toFinal, 99).toFixed(1)}`);
  console.log(`  deltas ≠ final line: ${mismatches}; replies logged more than once: ${duplicates}`);
  console.log(`  peak RSS: api ${peak.api.toFixed(0)} MB, worker ${peak.worker.toFixed(0)} MB`);
  for (const { socket } of sessions) socket.close();
} finally {
  await stop();
  fake.close();
}
