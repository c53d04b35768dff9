import OpenAI from 'openai';
import { Allow, parse as parsePartial } from 'partial-json';
import { z } from 'zod';
import { renderPrompt, type LoadedPromptTemplate } from '#libs/content';
import type { InterviewerFallback, Interviewer, InterviewerReply, LineProvenance, ReplyContext, ReplyOptions } from './interviewer.port.js';
import { ReplyGuard } from './leak-guard.js';
import { composeReply, praiseAllowed } from './offline-interviewer.js';

export interface OpenAiInterviewerOptions {
  /** Build it with `createOpenAiClient` (#libs/grading): no SDK retries, a bounded timeout. */
  readonly client: OpenAI;
  readonly model: string;
  /** The whole reply must be written within this bound, or the offline line is said instead. */
  readonly timeoutMs: number;
  /** The loaded `interviewer` prompt. */
  readonly prompt: LoadedPromptTemplate;
  readonly maxCompletionTokens?: number;
}

const TRANSCRIPT_TURNS = 12;
const replySchema = z.object({ reply: z.string().trim().min(1).max(2_000), answeredFactIds: z.array(z.string()), probeUsed: z.boolean() });
/** `reply` first: the model writes keys in schema order, so the reply streams before the bookkeeping. */
const REPLY_JSON_SCHEMA = {
  type: 'object',
  properties: {
    reply: { type: 'string' },
    answeredFactIds: { type: 'array', items: { type: 'string' } },
    probeUsed: { type: 'boolean' },
  },
  required: ['reply', 'answeredFactIds', 'probeUsed'],
  additionalProperties: false,
} as const;

class Fallback extends Error {
  constructor(
    readonly reason: InterviewerFallback,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The LLM interviewer: the offline interviewer decides what to say (facts, probe, whether praise is
 * earned), the model says it in its own words, streamed. Every piece is checked before it is shown: no
 * rubric text (leak) and no number that neither the facts, the prompt nor the candidate gave. A reply
 * that fails a check, comes too late, or cannot be read is replaced by the offline line, and the
 * provenance says why.
 */
export class OpenAiInterviewer implements Interviewer {
  constructor(private readonly options: OpenAiInterviewerOptions) {}

  async reply(ctx: ReplyContext, options: ReplyOptions = {}): Promise<{ reply: InterviewerReply; provenance: LineProvenance } | null> {
    const plan = composeReply(ctx);
    if (!plan) return null;
    const started = performance.now();
    const tokens = { prompt: 0, completion: 0 };
    let model = this.options.model;
    const provenance = (fallback?: InterviewerFallback): LineProvenance => ({
      interviewer: 'openai',
      model,
      promptVersion: this.options.prompt.version,
      tokens: { ...tokens },
      latencyMs: Math.round(performance.now() - started),
      ...(fallback ? { fallback } : {}),
    });
    const guard = new ReplyGuard(ctx.question, allowedTexts(ctx, plan));
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    try {
      const stream = await this.options.client.chat.completions.create(
        {
          model: this.options.model,
          messages: renderPrompt(this.options.prompt, promptValues(ctx, plan)).map((m) => ({ role: m.role, content: m.content })),
          stream: true,
          stream_options: { include_usage: true },
          response_format: { type: 'json_schema', json_schema: { name: 'interviewer_reply', strict: true, schema: REPLY_JSON_SCHEMA } },
          max_completion_tokens: this.options.maxCompletionTokens ?? 400,
          temperature: 0.3,
        },
        { signal },
      );
      let raw = '';
      let shown = '';
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        if (chunk.usage) {
          tokens.prompt = chunk.usage.prompt_tokens;
          tokens.completion = chunk.usage.completion_tokens;
        }
        const piece = chunk.choices[0]?.delta?.content;
        if (!piece) continue;
        raw += piece;
        // Whole words only: a number or a leaking run is judged once it is complete.
        const partial = partialReply(raw);
        const ready = partial.slice(0, partial.lastIndexOf(' ') + 1).trimEnd();
        if (ready.length <= shown.length) continue;
        check(ready, guard);
        options.onDelta?.(ready.slice(shown.length));
        shown = ready;
      }
      const parsed = replySchema.safeParse(safeJson(raw));
      if (!parsed.success) throw new Fallback('bad_output', `the reply is not the JSON asked for: ${raw.slice(0, 200)}`);
      const text = parsed.data.reply;
      check(text, guard);
      if (text.length > shown.length) options.onDelta?.(text.slice(shown.length));
      const known = new Set(ctx.question.scenario.facts.map((f) => f.id));
      return {
        reply: { ...plan, text, factIds: parsed.data.answeredFactIds.filter((id) => known.has(id)), reason: `${plan.reason} (worded by the model)` },
        provenance: provenance(),
      };
    } catch (error) {
      const reason = fallbackReason(error, deadline, options.signal);
      if (reason === null) throw error; // the job itself was cancelled: nothing to say
      return {
        reply: { ...plan, reason: `${plan.reason} (offline line: the model's reply was refused, ${reason})` },
        provenance: provenance(reason),
      };
    }
  }
}

function check(text: string, guard: ReplyGuard): void {
  const leak = guard.leak(text);
  if (leak) throw new Fallback('leak', `the reply repeats rubric text (${leak.source} ${leak.id})`);
  const invented = guard.inventedNumbers(text);
  if (invented.length > 0) throw new Fallback('invented_number', `the reply names numbers nobody gave: ${invented.join(', ')}`);
}

function fallbackReason(error: unknown, deadline: AbortSignal, signal: AbortSignal | undefined): InterviewerFallback | null {
  if (error instanceof Fallback) return error.reason;
  if (signal?.aborted) return null;
  if (deadline.aborted) return 'timeout';
  if (error instanceof OpenAI.APIError && error.status === 429) return 'rate_limited';
  return 'error';
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The `reply` string as far as it has been written. */
function partialReply(raw: string): string {
  try {
    const value = parsePartial(raw, Allow.STR | Allow.OBJ) as { reply?: unknown } | null;
    return typeof value?.reply === 'string' ? value.reply : '';
  } catch {
    return '';
  }
}

/** What the interviewer may repeat: the question, the facts, the plan's own words and the candidate's. */
function allowedTexts(ctx: ReplyContext, plan: InterviewerReply): string[] {
  return [
    ctx.question.prompt,
    ctx.question.title,
    ...ctx.question.scenario.facts.map((f) => f.answer),
    plan.text,
    ctx.turn.text,
    ...ctx.history.map((t) => t.text),
    String(ctx.minutesLeft),
  ];
}

function promptValues(ctx: ReplyContext, plan: InterviewerReply): Record<string, string> {
  const transcript = ctx.history
    .slice(-TRANSCRIPT_TURNS)
    .map((t) => `${t.speaker === 'interviewer' ? 'Interviewer' : 'Candidate'}: ${t.text}`)
    .join('\n');
  return {
    'role.title': ctx.roleTitle,
    'question.kind': ctx.question.kind,
    'question.title': ctx.question.title,
    'question.prompt': ctx.question.prompt,
    'phase.title': ctx.phase.title,
    'phase.description': ctx.phase.description,
    'phase.minutesLeft': String(ctx.minutesLeft),
    mode: ctx.mode,
    'turn.kind': ctx.turn.reading.kind,
    facts: ctx.question.scenario.facts.map((f) => `${f.id}: ${f.answer.trim()}`).join('\n'),
    'plan.factIds': plan.factIds.length ? plan.factIds.join(', ') : 'none',
    'plan.probe': plan.probeText ?? 'none',
    'plan.praise': praiseAllowed(ctx) ? 'allowed' : 'not allowed',
    'plan.draft': plan.text,
    transcript: transcript || '(nothing yet)',
    'turn.text': ctx.turn.text,
  };
}
