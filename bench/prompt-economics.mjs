// Prompt economics of the openai grader: how many prompt tokens one typical answer costs, how
// many of them sit in the stable prefix providers can cache, and the completion cap.
// Counts with js-tiktoken (o200k_base, the gpt-4o family's encoding). Reported, never asserted.
//   node scripts/ensure-build.mjs && node bench/prompt-economics.mjs
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { getEncoding } from 'js-tiktoken';
import { loadContent } from '../dist/libs/content/index.js';
import { gradingScope } from '../dist/libs/grading/grading-scope.js';
import { openAiReplyJsonSchema } from '../dist/libs/grading/openai-grade.schema.js';
import { buildGraderPrompt } from '../dist/libs/grading/openai-prompt.js';
import { OPENAI_MAX_COMPLETION_TOKENS } from '../dist/libs/grading/openai.grader.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const enc = getEncoding('o200k_base');
const count = (text) => enc.encode(text).length;
/** Chat formatting adds a few tokens per message (role and separators); ~4 is OpenAI's published estimate. */
const PER_MESSAGE = 4;

/** A typical high-level-design answer (~250 words) and the turn before it, per seed question. */
const TYPICAL = {
  'observability-platform': {
    history: [
      {
        role: 'interviewer',
        text: 'Walk me through the high-level architecture: the main components, how telemetry flows through them end to end, and the core APIs.',
      },
    ],
    answer: `Every service gets the OpenTelemetry SDK plus auto-instrumentation for HTTP, gRPC, database drivers and Kafka consumers, so we get metrics, logs and spans without each team writing glue. Envoy sidecars in the mesh give request metrics and spans for every hop, even for services nobody instrumented, and node exporters plus kube-state-metrics cover the infrastructure layer.
An OpenTelemetry Collector runs as a DaemonSet on each node. It batches, retries, redacts PII and enforces attribute limits, then forwards to a regional gateway tier. Metrics are scraped by sharded Prometheus agents and remote-written to Mimir, with long-term blocks in S3. Logs and spans go into Kafka first, because it absorbs bursts during incidents and lets us replay after a storage outage; consumers index logs into Loki and traces into Tempo, both on object storage.
We propagate W3C trace context on every call and through message headers, so every log line carries the trace id and metrics carry exemplars: from a latency spike on a dashboard you can jump to a slow trace and then to its logs.
Grafana sits on top for dashboards. A ruler evaluates recording rules and alert rules on SLO burn rates, and Alertmanager groups, deduplicates and routes pages to the owning team's on-call in PagerDuty, with a runbook link on every alert. The query API is PromQL for metrics, LogQL for logs and trace-id lookup plus attribute search for traces.`,
  },
  'realtime-notifications': {
    history: [
      {
        role: 'interviewer',
        text: 'Walk me through the high-level architecture: the main components, how a notification flows through them end to end, and the core APIs.',
      },
    ],
    answer: `Product services publish domain events to Kafka, partitioned by user id so one user's notifications stay ordered. A notification service consumes them, looks up the user's preferences and templates, deduplicates by event id with an idempotency key in Redis, writes the notification to an inbox table in Cassandra keyed by user and time, and then fans out per channel.
For online users we keep persistent WebSocket connections on a fleet of stateless gateway nodes behind a layer-4 load balancer; each gateway holds about 50k connections, so 2 million concurrent clients need roughly 40-50 nodes with headroom. A presence registry in Redis maps user id to gateway node, and the notification service publishes to that node's channel. If the user is offline, or the client does not acknowledge within a few seconds, the message goes to the push queue (APNs and FCM workers) or the email queue, each with its own rate limits and retries with backoff.
Payments and security notifications must never be lost: they are written to the inbox before delivery, delivery is at-least-once with client acknowledgements and sequence numbers, and a reconnecting client asks for everything after its last sequence number, so duplicates are dropped on the client by notification id.
APIs: POST /events for producers (internal), GET /notifications?after=seq for the inbox, PUT /preferences, and the socket events notification:new and notification:ack.`,
  },
};

const bundle = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
const template = bundle.prompts.get('grader');
console.log(`prompt-economics — ${new Date().toISOString()} — node ${process.version} on ${os.cpus()[0]?.model ?? 'unknown cpu'} (${os.platform()})`);
console.log(`tokenizer: js-tiktoken o200k_base; +${PER_MESSAGE} tokens per message for chat formatting\n`);

for (const [id, typical] of Object.entries(TYPICAL)) {
  const question = bundle.questions.get(id);
  const input = {
    question,
    questionVersion: question.version,
    role: bundle.roles.get(question.role),
    phaseId: 'high-level-design',
    history: typical.history,
    answer: typical.answer,
    promptVersion: template.version,
  };
  const prompt = buildGraderPrompt(template, input);
  const total = prompt.messages.reduce((n, m) => n + count(m.content) + PER_MESSAGE, 0);
  // Whole messages in the prefix carry their formatting tokens; the cut one carries its opening.
  const stable = prompt.cacheablePrefix.reduce((n, text) => n + count(text) + PER_MESSAGE, 0);
  // What stays the same across every phase of the question (the prefix before "# This answer").
  const other = buildGraderPrompt(template, { ...input, phaseId: 'deep-dive' });
  const acrossPhases = commonPrefixTokens(prompt.messages, other.messages);
  const schema = JSON.stringify(openAiReplyJsonSchema(question, gradingScope(input)));
  const reply = typicalReply(question, gradingScope(input));
  const worst = typicalReply(question, gradingScope({ ...input, scope: 'session', phaseId: 'trade-offs-scaling' }), true);

  console.log(`## ${id} (phase high-level-design, answer ${count(typical.answer)} tokens, ${typical.answer.split(/\s+/).length} words)`);
  console.log(`  prompt tokens (messages)          ${total}`);
  console.log(
    `  stable cacheable prefix           ${stable}  (${pct(stable, total)} of the prompt; >= 1,024: ${stable >= 1024 ? 'yes' : 'NO'}; >= 80%: ${stable / total >= 0.8 ? 'yes' : 'NO'})`,
  );
  console.log(`  prefix shared by every phase      ${acrossPhases}  (${pct(acrossPhases, total)})`);
  console.log(`  per-answer tail (not cacheable)   ${total - stable}`);
  console.log(`  response_format JSON schema       ${count(schema)}  (sent with the request, not in the messages)`);
  console.log(`  typical full reply                ~${count(reply)} completion tokens`);
  console.log(`  long whole-session reply          ~${count(worst)} completion tokens (every point quoted at 300 chars, every dimension)`);
  console.log(`  completion cap                    max_completion_tokens = ${OPENAI_MAX_COMPLETION_TOKENS}\n`);
}

function commonPrefixTokens(a, b) {
  let tokens = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i].content;
    const y = b[i].content;
    if (x === y) {
      tokens += count(x) + PER_MESSAGE;
      continue;
    }
    let k = 0;
    while (k < x.length && x[k] === y[k]) k++;
    return tokens + count(x.slice(0, k)) + PER_MESSAGE;
  }
  return tokens;
}

function pct(part, whole) {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** A full-length reply in the reply format the prompt asks for (the openai grader's strict schema). */
function typicalReply(question, scope, long = false) {
  const sentence = 'An OpenTelemetry Collector runs as a DaemonSet on each node and forwards to a regional gateway tier. ';
  const quote = long ? sentence.repeat(3).slice(0, 300) : sentence.trim();
  return JSON.stringify({
    keyPoints: question.keyPoints.map((k, i) => ({
      id: k.id,
      status: long ? 'covered' : i % 2 === 0 ? 'covered' : 'partial',
      evidence: long ? [quote, quote, quote] : [quote],
      note: !long && i % 2 === 1 ? 'The answer names the idea but does not explain how it applies here or what it costs.' : null,
    })),
    mistakes: question.commonMistakes.map((m) => ({ id: m.id, status: long ? 'present' : 'absent', evidence: long ? [quote] : [] })),
    dimensions: scope.dimensions.map((id) => ({
      id,
      score: 3,
      reason: 'The candidate describes the main components and the flow end to end with sound reasons, but leaves failure handling implicit.',
    })),
    feedback: {
      strengths: [{ quote, why: 'You laid out a coherent pipeline and justified the buffer in front of storage.' }],
      improvements: [
        {
          quote,
          gap: 'You did not say how the platform behaves when its own components fail.',
          stronger: 'A strong answer walks through a collector outage and what is lost.',
        },
        {
          quote: null,
          gap: 'You left the capacity of the ingest tier implicit.',
          stronger: 'Size it from the event rate and say where it saturates first.',
        },
      ],
      nextToStudy: ['Practise sizing the ingest tier and describing its failure modes.'],
    },
    flags: [],
  });
}
