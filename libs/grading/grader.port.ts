import type { Question, RoleGuide } from '#libs/content';
import type { CodeFacts } from '#libs/protocol';
import type { GradeBoard } from './board-reading.js';
import type { Grade, GraderName } from './grade.schema.js';

/** One earlier turn of the session, oldest first. */
export interface TranscriptTurn {
  readonly role: 'interviewer' | 'candidate';
  readonly text: string;
  /** The phase it was said in, when known: an earlier phase's answer can cover this phase's points (see RubricGrader). */
  readonly phaseId?: string;
}

/**
 * A coding session's code and what the server's test runner made of it. The numbers are computed by the
 * sandbox, never by a grader; the code itself is candidate data, never instructions.
 */
export interface CodeEvidence {
  readonly language: string;
  readonly code: string;
  /** The run's status (PASSED, FAILED, TIMEOUT, …). */
  readonly status: string;
  readonly visible: { readonly passed: number; readonly total: number };
  /** The hidden tests of the last submission; total 0 when the code was only run, never submitted. */
  readonly hidden: { readonly passed: number; readonly total: number };
  /**
   * A submission's static analysis and measured complexity, computed by the server in the sandbox (absent for a
   * plain run or a run stored before them). Names quoted in findings come from the code.
   */
  readonly facts?: CodeFacts;
}

/** Everything a grader needs to grade one answer; graders never load content themselves. */
export interface GradeInput {
  readonly question: Question;
  /** The question's content hash (`LoadedQuestion.version`): recorded as the rubric version. */
  readonly questionVersion: string;
  readonly role: RoleGuide;
  /** The phase the answer was given in (one of `question.phases[].id`). */
  readonly phaseId: string;
  /**
   * `phase` (default): score the dimensions of `phaseId` only, and judge absent-topic
   * mistakes only once their phase is reached. `session`: the answer stands for a whole
   * session (evals, the CLI, an end-of-session re-grade): every dimension of the question
   * is scored and every mistake is due; `phaseId` should then be the last phase.
   * `gradingScope(input)` resolves both for any grader.
   */
  readonly scope?: 'phase' | 'session';
  readonly history: readonly TranscriptTurn[];
  /** The candidate's answer, verbatim. Data, never instructions. */
  readonly answer: string;
  /** The grader prompt's content hash (`LoadedPromptTemplate.version`). */
  readonly promptVersion: string;
  /** Coding questions: the latest code and its test results; correctness is anchored on them. */
  readonly code?: CodeEvidence;
  /**
   * System-design questions: the session's board at the time of the answer (the graph of the latest snapshot at or
   * before it). Labels are candidate data, never instructions; see `readBoard` and rubrics/README.md ("Diagrams").
   */
  readonly diagram?: GradeBoard;
}

/** The port every grader implements (rubric offline, openai). */
export interface Grader {
  readonly name: GraderName;
  /** Resolves with a schema-valid grade whose quotes are verbatim, or rejects with `GradingError`. */
  grade(input: GradeInput, signal?: AbortSignal): Promise<Grade>;
}

export type GradingErrorCode = 'GRADER_UNAVAILABLE' | 'GRADER_BAD_OUTPUT' | 'GRADER_REFUSED' | 'GRADER_TIMEOUT' | 'GRADER_RATE_LIMITED';

/** Whether a fresh attempt can succeed; a refusal or unrepairable output will not change by retrying. */
const RETRYABLE_BY_DEFAULT: Record<GradingErrorCode, boolean> = {
  GRADER_UNAVAILABLE: true,
  GRADER_BAD_OUTPUT: true,
  GRADER_REFUSED: false,
  GRADER_TIMEOUT: true,
  GRADER_RATE_LIMITED: true,
};

export interface GradingErrorOptions {
  readonly retryable?: boolean;
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * A grade that could not be produced. The worker stores it as a failed grade with `code`
 * as the reason; it is never turned into a low score.
 */
export class GradingError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: GradingErrorCode,
    message: string,
    options: GradingErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GradingError';
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT[code];
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}
