import { computeOverall } from './compute-overall.js';
import { type AnchorContext, withDimension } from './anchor-dimension.js';
import { refreshBelowBandReasons } from './below-band.js';
import type { DimensionScore, Grade } from './grade.schema.js';
import { gradingScope } from './grading-scope.js';
import { anchorCodeFacts } from './code-facts-anchor.js';
import type { CodeEvidence, GradeInput, Grader } from './grader.port.js';

const CORRECTNESS = 'correctness';

/** Hidden-test pass rate → 1–4: all pass 4, at least 75% 3, at least 40% 2, else 1. Null when nothing was submitted. */
export function correctnessFromTests(hidden: CodeEvidence['hidden']): DimensionScore | null {
  if (hidden.total === 0) return null;
  const rate = hidden.passed / hidden.total;
  if (rate >= 1) return 4;
  if (rate >= 0.75) return 3;
  if (rate >= 0.4) return 2;
  return 1;
}

function correctnessReason(code: CodeEvidence, score: DimensionScore): string {
  const rate = Math.round((100 * code.hidden.passed) / code.hidden.total);
  return `Correctness ${score} from the tests, not from words: the submitted ${code.language} code passed ${code.hidden.passed} of ${code.hidden.total} hidden tests (${rate}%) and ${code.visible.passed} of ${code.visible.total} visible ones (run ended ${code.status}).`;
}

/**
 * Replaces whatever a grader said about correctness with the score computed from the hidden tests' pass rate
 * (when the code was submitted and correctness is scored in this grade), then recomputes the overall.
 */
export function anchorCorrectness(grade: Grade, code: CodeEvidence | undefined, context: AnchorContext): Grade {
  const score = code ? correctnessFromTests(code.hidden) : null;
  if (!code || score === null || !gradingScope(context).dimensions.includes(CORRECTNESS)) return grade;
  const dimensions = withDimension(grade.dimensions, { id: CORRECTNESS, score, reason: correctnessReason(code, score) });
  return { ...grade, dimensions, overall: computeOverall(dimensions, context.role, context.question) };
}

/** Any grader, with correctness anchored on the tests and quality and complexity on the server's code facts. */
export class CodeAnchoredGrader implements Grader {
  constructor(private readonly inner: Grader) {}

  get name(): Grader['name'] {
    return this.inner.name;
  }

  async grade(input: GradeInput, signal?: AbortSignal): Promise<Grade> {
    const graded = await this.inner.grade(input, signal);
    const anchored = anchorCodeFacts(anchorCorrectness(graded, input.code, input), input.code, input);
    return refreshBelowBandReasons(graded, anchored, input.role, input.question);
  }
}
