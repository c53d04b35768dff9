import type { CodeComplexityFacts, CodeQualityFacts } from '#libs/protocol';
import { computeOverall } from './compute-overall.js';
import type { DimensionGrade, DimensionScore, Grade, KeyPointGrade } from './grade.schema.js';
import { type AnchorContext, withDimension } from './anchor-dimension.js';
import type { CodeEvidence } from './grader.port.js';
import { gradingScope } from './grading-scope.js';

const CODE_QUALITY = 'code-quality';
const COMPLEXITY = 'complexity';
/** A solution measured steeper than required is at best "workable, misses an obvious improvement". */
const CONTRADICTED_COMPLEXITY_CAP: DimensionScore = 2;

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

function codeQualityReason(language: string, quality: CodeQualityFacts): string {
  const source = `Code quality ${quality.score} from a static analysis of the submitted ${language} code, not from words`;
  if (quality.findings.length > 0) return `${source}: ${quality.findings.join(' ')}`;
  const longest = quality.longestFunction ? `the longest function has ${quality.longestFunction.lines} lines` : 'functions are short';
  return `${source}: ${longest}, control flow nests at most ${quality.maxNesting} deep, and no naming problem, dead code or repeated block was found.`;
}

function complexityGrade(d: DimensionGrade, complexity: CodeComplexityFacts): DimensionGrade {
  if (complexity.contradicts) {
    const score = Math.min(d.score, CONTRADICTED_COMPLEXITY_CAP) as DimensionScore;
    return { id: d.id, score, reason: `Capped at ${score} by timing the submitted code: ${lowerFirst(complexity.note)}` };
  }
  if (complexity.measured !== complexity.required) return d;
  return { ...d, reason: `${d.reason} (Measured by the server: ${complexity.summary}.)` };
}

/**
 * The server's facts about the submitted code, over whatever a grader read from the conversation: code quality is
 * the static analysis's score (once the code passes a test: a stub is clean by every check), a measured growth
 * steeper than required caps complexity, and a key point claiming the complexity cannot stay covered when the
 * measurement contradicts it. The overall is recomputed.
 */
export function anchorCodeFacts(grade: Grade, code: CodeEvidence | undefined, context: AnchorContext): Grade {
  const facts = code?.facts;
  if (!code || !facts) return grade;
  const quality = facts.quality && code.visible.passed + code.hidden.passed > 0 ? facts.quality : null;
  const complexity = facts.complexity?.measured && facts.complexity.confident ? facts.complexity : null;
  if (!quality && !complexity) return grade;
  const scored = grade.dimensions.map((d) => (d.id === COMPLEXITY && complexity ? complexityGrade(d, complexity) : d));
  const dimensions =
    quality && gradingScope(context).dimensions.includes(CODE_QUALITY)
      ? withDimension(scored, { id: CODE_QUALITY, score: quality.score, reason: codeQualityReason(code.language, quality) })
      : scored;
  const claims = new Set(context.question.keyPoints.filter((k) => k.claimsComplexity).map((k) => k.id));
  const contradicted = complexity?.contradicts ? complexity : null;
  const keyPoints = grade.keyPoints.map((k): KeyPointGrade =>
    contradicted && claims.has(k.id) && k.status === 'covered'
      ? { ...k, status: 'partial', note: `The submitted code does not bear the claim out: ${contradicted.note}` }
      : k,
  );
  const downgraded = keyPoints.filter((k, i) => k !== grade.keyPoints[i]);
  // A strength that praised a downgraded point would contradict the line below it.
  const withdrawn = context.question.keyPoints.filter((k) => downgraded.some((d) => d.id === k.id)).map((k) => `‘${k.text.trim()}’`);
  const strengths = grade.feedback.strengths.filter((s) => !withdrawn.some((label) => s.includes(label)));
  const improvements = [
    ...(downgraded.length > 0 && contradicted
      ? [
          `Your code does not yet meet the required ${contradicted.required} ${contradicted.per === 'operation' ? 'per' : 'for'} ${contradicted.operation}: ${lowerFirst(contradicted.note)}`,
        ]
      : []),
    ...(quality && quality.score <= 3 && quality.findings[0] && dimensions.some((d) => d.id === CODE_QUALITY)
      ? [`In your code: ${quality.findings[0]}`]
      : []),
  ].filter((s) => !grade.feedback.improvements.includes(s));
  return {
    ...grade,
    keyPoints,
    dimensions,
    feedback: { ...grade.feedback, strengths, improvements: [...improvements, ...grade.feedback.improvements] },
    overall: computeOverall(dimensions, context.role, context.question),
  };
}
