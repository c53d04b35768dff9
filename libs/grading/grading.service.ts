import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContentService, type LoadedPromptTemplate, type Question } from '#libs/content';
import { CodeAnchoredGrader } from './code-correctness.js';
import { CrossCheckedGrader } from './cross-check.js';
import type { Grade } from './grade.schema.js';
import type { GradeInput, Grader } from './grader.port.js';
import { createOpenAiClient, OpenAiGrader, openAiRequestTimeoutMs } from './openai.grader.js';
import { RubricGrader } from './rubric.grader.js';

export interface GraderDependencies {
  /** The loaded `grader` prompt (`ContentService.prompt('grader')`); the openai grader renders it. */
  readonly prompt: LoadedPromptTemplate;
  /** Every question of the content, for the rubric grader's off-topic check. */
  readonly corpus?: Iterable<Question>;
  /** The rubric grader to use (a caller that grades with it too shares its engine); built over `corpus` when absent. */
  readonly rubric?: RubricGrader;
}

/**
 * The configured grader, for the worker (through `GradingService`) and the CLI alike:
 * `rubric` is the offline grader alone; `openai` is the LLM grader cross-checked by the
 * rubric grader. Either way a coding answer's correctness is anchored on its hidden tests. Errors reject as `GradingError` with `retryable` set for the caller.
 */
export function createGrader(config: Pick<AppConfig, 'llm' | 'queue'>, deps: GraderDependencies): Grader {
  const rubric = deps.rubric ?? new RubricGrader(deps.corpus === undefined ? {} : { corpus: deps.corpus });
  if (config.llm.provider === 'rubric') return new CodeAnchoredGrader(rubric);
  const { apiKey, baseUrl, model } = config.llm.openai;
  const requestTimeoutMs = openAiRequestTimeoutMs(config.queue.jobTimeoutMs);
  const client = createOpenAiClient({
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    timeoutMs: requestTimeoutMs,
  });
  return new CodeAnchoredGrader(new CrossCheckedGrader(new OpenAiGrader({ client, model, requestTimeoutMs, prompt: deps.prompt }), rubric));
}

/** Grades one answer with the provider chosen by `LLM_PROVIDER`. */
@Injectable()
export class GradingService implements OnApplicationBootstrap {
  private grader?: Grader;
  private rubric?: RubricGrader;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly content: ContentService,
  ) {}

  /**
   * Builds the grader and compiles every current question (~10 ms each) before the first job, so the first
   * answer to a question after a start is not the one that waits for it.
   */
  onApplicationBootstrap(): void {
    this.current();
    this.rubricGrader().prepare(this.content.questions());
  }

  grade(input: GradeInput, signal?: AbortSignal): Promise<Grade> {
    return this.current().grade(input, signal);
  }

  /**
   * The offline rubric grader's reading of an answer, whatever the configured provider: what the
   * interviewer decides with (which key points are covered, whether praise is earned) in milliseconds,
   * without waiting for an LLM grade.
   */
  analyse(input: GradeInput): Promise<Grade> {
    return this.rubricGrader().grade(input);
  }

  /** Built on first use: the content (prompt, corpus) is only loaded once the modules have initialised. */
  private current(): Grader {
    this.grader ??= createGrader(this.config, {
      prompt: this.content.prompt('grader'),
      corpus: this.content.questions(),
      rubric: this.rubricGrader(),
    });
    return this.grader;
  }

  /** The one rubric grader (and engine) of the service: the configured grader's and `analyse`'s. */
  private rubricGrader(): RubricGrader {
    this.rubric ??= new RubricGrader({ corpus: this.content.questions() });
    return this.rubric;
  }
}
