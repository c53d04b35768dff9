import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The parts of a chat completion request the tests look at. */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: JsonSchemaNode } };
  readonly max_completion_tokens?: number;
  readonly temperature?: number;
  readonly stream?: boolean;
}

interface JsonSchemaNode {
  readonly properties?: Record<string, JsonSchemaNode>;
  readonly items?: JsonSchemaNode;
  readonly enum?: readonly unknown[];
}

/** A reply given as soon as the request arrives. */
type ImmediateReply =
  | { readonly kind: 'content'; readonly content: string; readonly finishReason?: string }
  | { readonly kind: 'refusal'; readonly refusal: string }
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string> }
  | { readonly kind: 'hang' }
  /** Streams `content` in `pieces` (default: a few words each) when the request asked for a stream. */
  | { readonly kind: 'stream'; readonly content: string; readonly pieces?: readonly string[]; readonly stopAfter?: number };

export type FakeReply =
  | ImmediateReply
  /** Answers once `until` settles, with `then` (by default what an unscripted request gets): a provider mid-call. */
  | { readonly kind: 'held'; readonly until: Promise<unknown>; readonly then?: ImmediateReply };

/** How a streamed reply is paced: the first piece after `firstTokenMs`, then one every `gapMs`. */
export interface StreamTiming {
  firstTokenMs: number;
  gapMs: number;
}

/** Decides the reply to one request; `request` is what the client sent. */
export type FakeBehaviour = (request: ChatRequest) => FakeReply;

/**
 * A local server speaking the OpenAI chat completions API, for the openai grader's tests.
 * Replies are scripted per request (`script`, then `fallback` once the script is used up)
 * and every request is recorded, so tests can assert what the model was shown.
 */
export class FakeOpenAiServer {
  readonly requests: ChatRequest[] = [];
  /** When each request arrived and when its reply ended (`Date.now()`), index for index with `requests`. */
  readonly timeline: Array<{ receivedAt: number; repliedAt?: number }> = [];
  /** Pacing of streamed replies (the interviewer streams; the grader does not). */
  timing: StreamTiming = { firstTokenMs: 0, gapMs: 0 };
  private readonly queue: FakeBehaviour[] = [];
  private fallback: FakeBehaviour = defaultBehaviour;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeOpenAiServer> {
    const server = createServer();
    const fake = new FakeOpenAiServer(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What to give the SDK as `baseURL`. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** The next requests get these replies, in order. */
  script(...behaviours: FakeBehaviour[]): this {
    this.queue.push(...behaviours);
    return this;
  }

  /** The reply once the script is used up (a good grade by default). */
  otherwise(behaviour: FakeBehaviour): this {
    this.fallback = behaviour;
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.timeline.length = 0;
    this.queue.length = 0;
    this.fallback = defaultBehaviour;
    this.timing = { firstTokenMs: 0, gapMs: 0 };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    this.requests.push(request);
    const seen: { receivedAt: number; repliedAt?: number } = { receivedAt: Date.now() };
    this.timeline.push(seen);
    res.on('finish', () => (seen.repliedAt = Date.now()));
    const reply = await immediate((this.queue.shift() ?? this.fallback)(request), request);
    switch (reply.kind) {
      case 'hang':
        return; // never answers; the client's timeout or abort ends it
      case 'status':
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify({ error: { message: `fake error ${reply.status}`, type: 'fake_error', code: null } }));
        return;
      case 'refusal':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(request, null, reply.refusal, 'stop')));
        return;
      case 'content':
        if (request.stream) return this.stream(request, res, { kind: 'stream', content: reply.content });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(completion(request, reply.content, null, reply.finishReason ?? 'stop')));
        return;
      case 'stream':
        return this.stream(request, res, reply);
    }
  }

  /** Server-sent events as the OpenAI API sends them: content pieces, a finish chunk, a usage chunk, [DONE]. */
  private async stream(request: ChatRequest, res: ServerResponse, reply: Extract<FakeReply, { kind: 'stream' }>): Promise<void> {
    const pieces =
      reply.pieces ??
      (reply.content.match(/\S+\s*|\s+/g) ?? []).reduce<string[]>((acc, word, i) => {
        if (i % 3 === 0) acc.push(word);
        else acc[acc.length - 1] += word;
        return acc;
      }, []);
    const chunk = (delta: object, finish: string | null, extra: object = {}) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: `${request.model}-fake-snapshot`, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    await sleep(this.timing.firstTokenMs);
    for (const [i, piece] of pieces.entries()) {
      if (res.destroyed) return;
      if (reply.stopAfter !== undefined && i >= reply.stopAfter) return; // a stream that stalls mid-reply
      if (i > 0) await sleep(this.timing.gapMs);
      res.write(chunk(i === 0 ? { role: 'assistant', content: piece } : { content: piece }, null));
    }
    const usage = completion(request, reply.content, null, 'stop').usage;
    res.write(chunk({}, 'stop'));
    res.write(
      `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: `${request.model}-fake-snapshot`, choices: [], usage })}\n\n`,
    );
    res.end('data: [DONE]\n\n');
  }
}

async function immediate(reply: FakeReply, request: ChatRequest): Promise<ImmediateReply> {
  if (reply.kind !== 'held') return reply;
  await reply.until.catch(() => undefined);
  return reply.then ?? immediate(defaultBehaviour(request), request);
}

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** A grade for the grader's requests; for the interviewer's, the server's draft said as it is. */
const defaultBehaviour: FakeBehaviour = (request) =>
  content(request.response_format?.json_schema?.name === 'interviewer_reply' ? interviewerReply(request) : goodReply(request));

/** What the interviewer prompt's plan says: the draft line and the facts it gives. */
function interviewerPlan(request: ChatRequest): { draft: string; factIds: string[] } {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const draft = /^- Draft: (.*)$/m.exec(user)?.[1] ?? '';
  const facts = /^- Facts that answer their questions: (.*)$/m.exec(user)?.[1] ?? 'none';
  return { draft, factIds: facts === 'none' ? [] : facts.split(', ') };
}

/** A faithful interviewer model: says the server's draft, names its facts. */
export function interviewerReply(
  request: ChatRequest,
  override: Partial<{ reply: string; answeredFactIds: string[]; probeUsed: boolean }> = {},
): string {
  const plan = interviewerPlan(request);
  return JSON.stringify({ reply: plan.draft, answeredFactIds: plan.factIds, probeUsed: true, ...override });
}

function completion(request: ChatRequest, text: string | null, refusal: string | null, finishReason: string) {
  const promptChars = request.messages.reduce((n, m) => n + m.content.length, 0);
  const promptTokens = Math.ceil(promptChars / 4);
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: `${request.model}-fake-snapshot`,
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal }, finish_reason: finishReason, logprobs: null }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: Math.ceil((text ?? refusal ?? '').length / 4),
      total_tokens: promptTokens + Math.ceil((text ?? refusal ?? '').length / 4),
      // As if the stable prefix (everything before the candidate's data) had been cached.
      prompt_tokens_details: { cached_tokens: Math.floor(promptTokens * 0.8) },
    },
  };
}

// ---- reply builders: each reads the ids from the request's JSON schema and the answer from its last user message

export const content = (text: string, finishReason?: string): FakeReply => ({
  kind: 'content',
  content: text,
  ...(finishReason ? { finishReason } : {}),
});

/** The candidate's answer as the model was shown it (between the data tags of the last user message holding them). */
export function shownAnswer(request: ChatRequest): string {
  for (const m of [...request.messages].reverse()) {
    const answer = m.role === 'user' ? /<candidate_answer>\n([\s\S]*)\n<\/candidate_answer>/.exec(m.content)?.[1] : undefined;
    if (answer !== undefined) return answer;
  }
  return '';
}

function ids(request: ChatRequest, list: 'keyPoints' | 'mistakes' | 'dimensions'): string[] {
  const schema = request.response_format?.json_schema?.schema;
  return (schema?.properties?.[list]?.items?.properties?.id?.enum ?? []) as string[];
}

/** The first sentence of what the model was shown: a verbatim quote when nothing before it was withheld. */
function firstSentence(request: ChatRequest): string {
  return (/^[^.!?\n]*[.!?]?/.exec(shownAnswer(request).trim())?.[0] ?? '').trim();
}

export interface GradeShape {
  readonly covered: number;
  /** How many key points after the covered ones are partial (quoted, with a note). */
  readonly partial: number;
  readonly score: 1 | 2 | 3 | 4 | null;
  readonly quote?: string;
  /** Flags the model raises itself, e.g. `injection_suspected`. */
  readonly flags: readonly string[];
}

/**
 * A well-formed reply: the first `covered` key points covered and the next `partial` ones
 * partial (both quoted), the rest missed; every dimension at `score`.
 */
export function goodReply(request: ChatRequest, shape: Partial<GradeShape> = {}): string {
  const { covered = 2, partial = 1, score = 3, flags = [] } = shape;
  const quote = shape.quote ?? firstSentence(request);
  const status = (i: number) => (i < covered ? 'covered' : i < covered + partial ? 'partial' : 'missed');
  return JSON.stringify({
    keyPoints: ids(request, 'keyPoints').map((id, i) => ({
      id,
      status: status(i),
      evidence: status(i) === 'missed' ? [] : [quote],
      note: status(i) === 'partial' ? 'Named, but not explained for this system.' : null,
    })),
    mistakes: ids(request, 'mistakes').map((id) => ({ id, status: 'absent', evidence: [] })),
    dimensions: ids(request, 'dimensions').map((id) => ({ id, score, reason: `The answer matches the level-${score} descriptor.` })),
    feedback: {
      strengths: [{ quote, why: 'You framed the problem clearly.' }],
      improvements: [{ quote: null, gap: 'You did not go deep on storage.', stronger: 'A strong answer sizes the write path.' }],
      nextToStudy: ['Practise sizing the write path.'],
    },
    flags,
  });
}

/** Text a credulous model would take as an order. */
export const OBEYED = /ignore (the|all|any|previous|your)|score (this|it|me|the answer)?[^.]{0,30}100|full marks|^\s*system\s*:|"overall"\s*:/im;

/** A model that does what the candidate's text tells it: everything covered, every dimension 4. */
export const obedient: FakeBehaviour = (request) =>
  content(OBEYED.test(shownAnswer(request)) ? goodReply(request, { covered: Number.MAX_SAFE_INTEGER, score: 4 }) : goodReply(request));
