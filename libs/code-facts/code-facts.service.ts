import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import type { CodingQuestion } from '#libs/content';
import type { CodeComplexityFacts, CodeFacts, CodeQualityFacts } from '#libs/protocol';
import { type RunStatus, type SandboxLanguage, SandboxService } from '#libs/sandbox';
import { scoreQuality } from './quality-score.js';
import { complexityFromRuns, scalingRequest } from './scaling-run.js';

export interface CodeFactsInput {
  question: CodingQuestion;
  language: SandboxLanguage;
  code: string;
  /** How the submission's tests ended: only code that ran its tests to the end is timed. */
  status: RunStatus;
}

type Fact<T> = { fact: T } | { missing: string };

/** What a submission may wait for its facts, all runs together; a second timing run fits in or is skipped. */
const FACTS_DEADLINE_MS = 2800;
/** A second timing run needs at least this much wall time to reach the larger sizes. */
const MIN_SECOND_RUN_MS = 1000;

/**
 * What a submission's tests cannot show: a static analysis of the code and how its time grows with the input,
 * both run in the sandbox, one after the other (so the timing run has the machine to itself as far as this
 * worker goes). Never throws: a fact that could not be computed is null with its reason in `missing`.
 */
@Injectable()
export class CodeFactsService {
  private readonly budgetMs: number;

  constructor(
    private readonly sandbox: SandboxService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.budgetMs = config.coding.scalingBudgetMs;
  }

  async compute(input: CodeFactsInput): Promise<CodeFacts> {
    const deadline = performance.now() + FACTS_DEADLINE_MS;
    const quality = await this.quality(input).catch((e: unknown) => ({ missing: `not analysed: ${(e as Error).message}` }));
    const complexity = await this.complexity(input, deadline).catch((e: unknown) => ({ missing: `not timed: ${(e as Error).message}` }));
    return {
      quality: 'fact' in quality ? quality.fact : null,
      complexity: 'fact' in complexity ? complexity.fact : null,
      missing: [quality, complexity].flatMap((f) => ('missing' in f ? [f.missing] : [])),
    };
  }

  private async quality({ question, language, code, status }: CodeFactsInput): Promise<Fact<CodeQualityFacts>> {
    if (status === 'COMPILE_ERROR') return { missing: 'not analysed: the code does not compile' };
    const entryPoint = question.signature.entryPoint[language];
    const outcome = await this.sandbox.analyse({ language, code, entryPoint });
    if (!outcome.ok) return { missing: `not analysed: ${outcome.reason}` };
    const given = new Set([entryPoint, ...question.signature.params.map((p) => p.name)]);
    return { fact: scoreQuality({ analysis: outcome.analysis, code, language, given }) };
  }

  private async complexity({ question, language, code, status }: CodeFactsInput, deadline: number): Promise<Fact<CodeComplexityFacts>> {
    if (!question.scaling) return { missing: 'not timed: this question version defines no scaling run' };
    if (this.budgetMs === 0) return { missing: 'not timed: the scaling run is turned off (CODE_SCALING_BUDGET_MS=0)' };
    if (status !== 'PASSED' && status !== 'FAILED') return { missing: `not timed: the tests ended ${status}` };
    const request = scalingRequest(question.scaling, language, code, question.signature.entryPoint[language], this.budgetMs);
    const outcomes = [await this.sandbox.run(request)];
    let timed = complexityFromRuns(question.scaling, language, outcomes, status === 'PASSED');
    // Timings too noisy to decide anything get a second run (each size keeps its fastest) if it fits before the
    // deadline, its wall limit cut to what is left. So does a contradiction, which costs the candidate a point: one
    // run timed each size in several rounds, yet on a busy host a correct linear solution once read as quadratic (8×
    // the input, 30× the time; CI, 7 December 2026). A real one stands on both runs' fastest times. So does a reading
    // that fits another class than the required one without contradicting it (a list-walking LRU measured O(n), its
    // last size flattened by a busy host: CI, 7 December 2026): one more run settles which it is.
    const left = Math.floor(deadline - performance.now());
    const unsettled = 'facts' in timed && (!timed.facts.confident || timed.facts.contradicts || timed.facts.measured !== timed.facts.required);
    if (unsettled && left >= MIN_SECOND_RUN_MS) {
      const wallMs = Math.min(request.timing!.wallMs, left);
      const totalBudgetMs = Math.min(request.timing!.totalBudgetMs, wallMs - (request.timing!.wallMs - request.timing!.totalBudgetMs));
      outcomes.push(await this.sandbox.run({ ...request, timing: { ...request.timing!, totalBudgetMs, wallMs } }));
      timed = complexityFromRuns(question.scaling, language, outcomes, status === 'PASSED');
    }
    return 'facts' in timed ? { fact: timed.facts } : timed;
  }
}
