import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '../../libs/content/index.js';
import { createOpenAiClient } from '../../libs/grading/index.js';
import { composeReply, OpenAiInterviewer, readTurn, type ReplyContext } from '../../libs/interviewer/index.js';
import { content, FakeOpenAiServer, interviewerReply } from '../support/fake-openai-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The LLM interviewer against a local server speaking the OpenAI API (streaming, errors, bad replies). */
describe(OpenAiInterviewer.name, () => {
  let fake: FakeOpenAiServer;
  let bundle: ContentBundle;

  const context = (text: string, phaseId = 'requirements-clarification'): ReplyContext => {
    const question = bundle.questions.get('realtime-notifications')!;
    const phase = bundle.roles.get(question.role)!.sessions['system-design'].phases.find((p) => p.id === phaseId)!;
    return {
      roleTitle: 'Senior Backend Developer',
      question,
      phase: { id: phase.id, title: phase.title, description: phase.description, checklist: phase.checklist },
      minutesLeft: 7,
      mode: 'practice',
      turn: { id: 't1', text, reading: readTurn(text) },
      history: [{ speaker: 'interviewer', text: phase.openingPrompt, phaseId }],
      covered: new Set(),
      followUp: true,
    };
  };
  const sut = (timeoutMs = 2_000) =>
    new OpenAiInterviewer({
      client: createOpenAiClient({ baseUrl: fake.baseUrl, timeoutMs }),
      model: 'gpt-test',
      timeoutMs,
      prompt: bundle.prompts.get('interviewer')!,
    });
  const interviewerOnly = (reply: (req: Parameters<typeof interviewerReply>[0]) => ReturnType<typeof content>) => fake.script(reply);

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    bundle = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('streams the reply in pieces that add up to the stored line, with tokens and provenance', async () => {
    fake.timing = { firstTokenMs: 30, gapMs: 5 };
    const ctx = context('How many users should I design for, and how many are online at once?');
    const pieces: string[] = [];
    const said = await sut().reply(ctx, { onDelta: (t) => pieces.push(t) });
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(said!.reply.text);
    expect(said!.reply.text).toContain('2 million');
    expect(said!.reply.factIds).toEqual(['users-and-concurrency']);
    expect(said!.provenance).toMatchObject({
      interviewer: 'openai',
      model: 'gpt-test-fake-snapshot',
      promptVersion: bundle.prompts.get('interviewer')!.version,
    });
    expect(said!.provenance.fallback).toBeUndefined();
    expect(said!.provenance.tokens.prompt).toBeGreaterThan(0);
    const request = fake.requests[0]!;
    expect(request.stream).toBe(true);
    expect(request.response_format?.json_schema?.name).toBe('interviewer_reply');
    // The model is shown the facts and the server's plan, never the rubric.
    const shown = request.messages.map((m) => m.content).join('\n');
    expect(shown).toContain('users-and-concurrency: 50 million registered users');
    expect(shown).not.toContain(ctx.question.referenceAnswer.slice(0, 60));
    for (const kp of ctx.question.keyPoints) expect(shown).not.toContain(kp.text);
  });

  it.each([
    ['malformed JSON', () => content('{"reply": "Sure, about that'), 'bad_output'],
    ['a 429', () => ({ kind: 'status' as const, status: 429, headers: { 'retry-after': '5' } }), 'rate_limited'],
    ['a 500', () => ({ kind: 'status' as const, status: 500 }), 'error'],
  ])('falls back to the offline line on %s', async (_name, behaviour, reason) => {
    interviewerOnly(behaviour as never);
    const ctx = context('How long do we keep notifications?');
    const said = await sut().reply(ctx);
    expect(said!.reply.text).toBe(composeReply(ctx)!.text);
    expect(said!.provenance.fallback).toBe(reason);
  });

  it('falls back within its time bound when the model hangs', async () => {
    interviewerOnly(() => ({ kind: 'hang' }) as never);
    const started = performance.now();
    const said = await sut(400).reply(context('How long do we keep notifications?'));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(said!.provenance.fallback).toBe('timeout');
    expect(said!.reply.text).toContain('90 days');
  });

  it('stops streaming and falls back when the reply leaks the reference answer', async () => {
    const leak =
      'Sure. Producers write events to Kafka via a transactional outbox so an event is published if and only if the business change committed, which is the way to go.';
    interviewerOnly((req) => content(interviewerReply(req, { reply: leak })));
    const pieces: string[] = [];
    const ctx = context('Do we need strict ordering per user?');
    const said = await sut().reply(ctx, { onDelta: (t) => pieces.push(t) });
    expect(said!.provenance.fallback).toBe('leak');
    expect(said!.reply.text).toBe(composeReply(ctx)!.text);
    // What reached the candidate stopped before the run of six reference words was complete.
    expect(pieces.join('')).not.toContain('transactional outbox so an event is published');
  });

  it('refuses a reply that invents a number nobody gave', async () => {
    interviewerOnly((req) => content(interviewerReply(req, { reply: 'Assume 70 million users and go from there.' })));
    const said = await sut().reply(context('How many users are there?'));
    expect(said!.provenance.fallback).toBe('invented_number');
    expect(said!.reply.text).toContain('50 million');
  });
});
