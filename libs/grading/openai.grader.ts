import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { LoadedPromptTemplate } from '#libs/content';
import { withBelowBandReasons } from './below-band.js';
import { computeOverall } from './compute-overall.js';
import { readBoard } from './board-reading.js';
import { verifyEvidence } from './evidence-verifier.js';
import { gradeSchema, type Grade, type GradeFlag } from './grade.schema.js';
import { GradingError, type GradeInput, type Grader } from './grader.port.js';
import { gradingScope, type GradingScope } from './grading-scope.js';
import { toGradingError } from './openai-errors.js';
import { groundFeedback } from './openai-feedback.js';
import { GRADE_SCHEMA_NAME, openAiReplyJsonSchema } from './openai-grade.schema.js';
import { screenInput } from './openai-injection-screen.js';
import { buildGraderPrompt } from './openai-prompt.js';
import { candidateTexts, checkReply, gradePartsFromReply, inventedQuoteProblems, settleUnsupportedPartials } from './openai-reply.js';

/** Room for every key point and mistake with a quote and a note, the reasons and the feedback. */
export const OPENAI_MAX_COMPLETION_TOKENS = 2_500;

export interface OpenAiGraderOptions {
  /** Build it with `createOpenAiClient`: the SDK must not retry on its own and its timeout must be bounded. */
  readonly client: OpenAI;
  readonly model: string;
  /** Bound on each request (see `openAiRequestTimeoutMs`); the SDK client should carry the same. */
  readonly requestTimeoutMs: number;
  /** The loaded `grader` prompt; a grade input naming another prompt version is refused. */
  readonly prompt: LoadedPromptTemplate;
  readonly maxCompletionTokens?: number;
  /** 0 by default (the same answer must get the same grade); `null` omits it for models that reject it. */
  readonly temperature?: number | null;
}

export interface OpenAiClientOptions {
  readonly apiKey?: string;
  /** Any OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp), e.g. `http://127.0.0.1:11434/v1`. */
  readonly baseUrl?: string;
  readonly timeoutMs: number;
}

/**
 * An SDK client that fails fast: no retries of its own (the queue owns retries and their
 * backoff) and a per-request timeout. Both values are explicit so the SDK never falls back
 * to reading the environment.
 */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    // Local servers ignore the key, but the SDK refuses to start without one.
    apiKey: options.apiKey ?? 'unused-by-local-openai-compatible-servers',
    baseURL: options.baseUrl ?? 'https://api.openai.com/v1',
    maxRetries: 0,
    timeout: options.timeoutMs,
  });
}

/** Two requests (the grade and at most one repair) must fit in one job, with room to store the result. */
export function openAiRequestTimeoutMs(jobTimeoutMs: number): number {
  return Math.max(1, Math.floor(jobTimeoutMs * 0.4));
}

type Interpreted = { ok: true; grade: Grade; invented: string[] } | { ok: false; problems: string[] };

/** Grades with an OpenAI-compatible chat model; see `prompts/grader.yaml` for what the model is told. */
export class OpenAiGrader implements Grader {
  readonly name = 'openai' as const;

  constructor(private readonly options: OpenAiGraderOptions) {}

  async grade(input: GradeInput, signal?: AbortSignal): Promise<Grade> {
    const started = performance.now();
    if (input.promptVersion !== this.options.prompt.version) {
      // A programming error upstream: the grade would be stored under a prompt it was not made with.
      throw new Error(`grade input names prompt version ${input.promptVersion}, the grader holds ${this.options.prompt.version}`);
    }
    const scope = gradingScope(input);
    const screened = screenInput(input);
    const prompt = buildGraderPrompt(this.options.prompt, screened.visible);
    const messages: ChatCompletionMessageParam[] = prompt.messages.map((m) => ({ role: m.role, content: m.content }));
    const tokens = { prompt: 0, cached: 0, completion: 0 };
    let model = this.options.model;

    for (let attempt = 1; ; attempt++) {
      const completion = await this.complete(messages, input, scope, signal);
      tokens.prompt += completion.usage?.prompt_tokens ?? 0;
      tokens.cached += completion.usage?.prompt_tokens_details?.cached_tokens ?? 0;
      tokens.completion += completion.usage?.completion_tokens ?? 0;
      if (completion.model) model = completion.model;
      const choice = completion.choices[0];
      if (choice?.message.refusal || choice?.finish_reason === 'content_filter') {
        throw new GradingError('GRADER_REFUSED', `the model refused to grade: ${choice.message.refusal ?? 'content filter'}`);
      }
      const content = choice?.message.content ?? '';
      const result = this.interpret(content, choice?.finish_reason, input, scope);
      const problems = result.ok ? result.invented : result.problems;
      if (problems.length > 0 && attempt === 1) {
        messages.push({ role: 'assistant', content }, { role: 'user', content: repairRequest(problems) });
        continue;
      }
      if (!result.ok) {
        throw new GradingError(
          'GRADER_BAD_OUTPUT',
          `the model's reply failed validation after one repair: ${result.problems.slice(0, 5).join('; ')}`,
        );
      }
      // Quotes still invented after the repair were dropped by verifyEvidence (and the grade
      // flagged low_confidence): the grade stands on the candidate's real words only.
      const boardInjected = (readBoard(input.question, input.diagram)?.flagged.size ?? 0) > 0;
      const flags: GradeFlag[] = screened.injectionSuspected || boardInjected ? ['injection_suspected'] : [];
      const grade = {
        ...result.grade,
        flags: [...new Set<GradeFlag>([...result.grade.flags, ...flags])],
        provenance: {
          grader: 'openai' as const,
          model,
          rubricVersion: input.questionVersion,
          promptVersion: input.promptVersion,
          tokens,
          latencyMs: Math.round(performance.now() - started),
        },
      };
      const checked = gradeSchema.safeParse(grade);
      if (!checked.success) throw new GradingError('GRADER_BAD_OUTPUT', `assembled grade is invalid: ${checked.error.message}`);
      return checked.data;
    }
  }

  private async complete(
    messages: ChatCompletionMessageParam[],
    input: GradeInput,
    scope: GradingScope,
    signal: AbortSignal | undefined,
  ): Promise<ChatCompletion> {
    const temperature = this.options.temperature === undefined ? 0 : this.options.temperature;
    // Our own deadline, not only the SDK's: a timeout must be reported as a timeout whatever
    // the fetch implementation throws when it is cut off.
    const deadline = AbortSignal.timeout(this.options.requestTimeoutMs);
    try {
      return await this.options.client.chat.completions.create(
        {
          model: this.options.model,
          messages,
          response_format: {
            type: 'json_schema',
            json_schema: { name: GRADE_SCHEMA_NAME, strict: true, schema: openAiReplyJsonSchema(input.question, scope) },
          },
          max_completion_tokens: this.options.maxCompletionTokens ?? OPENAI_MAX_COMPLETION_TOKENS,
          ...(temperature === null ? {} : { temperature }),
        },
        { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
      );
    } catch (error) {
      if (deadline.aborted && !signal?.aborted) {
        throw new GradingError('GRADER_TIMEOUT', `the model did not answer within ${this.options.requestTimeoutMs} ms`, { cause: error });
      }
      throw toGradingError(error, signal);
    }
  }

  private interpret(content: string, finishReason: string | undefined, input: GradeInput, scope: GradingScope): Interpreted {
    if (finishReason === 'length') {
      return { ok: false, problems: ['the reply was cut off at the length limit: return the complete object, with shorter notes and reasons'] };
    }
    const checked = checkReply(content, input, scope);
    if (!checked.ok) return checked;
    const board = readBoard(input.question, input.diagram);
    const parts = gradePartsFromReply(checked.reply, input, scope, board);
    const overall = computeOverall(parts.dimensions, input.role, input.question);
    const grounded = groundFeedback(checked.reply.feedback, candidateTexts(input));
    const draft: Grade = {
      questionId: input.question.id,
      phaseId: input.phaseId,
      ...parts,
      overall,
      feedback: withBelowBandReasons(grounded.feedback, parts.dimensions, overall, input.role, input.question),
      // Replaced once the call is done; verifyEvidence does not read it.
      provenance: {
        grader: 'openai',
        model: this.options.model,
        rubricVersion: input.questionVersion,
        promptVersion: input.promptVersion,
        tokens: { prompt: 0, cached: 0, completion: 0 },
        latencyMs: 0,
      },
    };
    const verified = verifyEvidence(draft, candidateTexts(input), board);
    return { ok: true, grade: settleUnsupportedPartials(verified), invented: [...inventedQuoteProblems(draft, verified), ...grounded.invented] };
  }
}

function repairRequest(problems: readonly string[]): string {
  return [
    'Your previous reply cannot be used:',
    ...problems.slice(0, 20).map((p) => `- ${p}`),
    "Return the corrected JSON object only, in the output format above. Every evidence must be copied exactly from the candidate's text, or be left out.",
  ].join('\n');
}
