import type { CodeQualityFacts } from '#libs/protocol';
import type { StaticAnalysis } from '#libs/sandbox';
import { reviewNames, shownName } from './naming-review.js';
import { findRepeatedBlocks } from './repeated-lines.js';

export interface QualityInput {
  analysis: StaticAnalysis;
  code: string;
  language: 'python' | 'javascript';
  /** Names the question's signature fixes (entry point, parameters): never the candidate's naming. */
  given: ReadonlySet<string>;
}

const LONG_FUNCTION = 40;
const VERY_LONG_FUNCTION = 70;
const MAX_FINDINGS = 6;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Half-points per kind of problem; the score is 4 less the whole points, so one minor problem costs nothing. */
function penalty(count: number, steps: readonly [number, number][]): number {
  return steps.reduce((points, [atLeast, value]) => (count >= atLeast ? value : points), 0);
}

/**
 * Scores code quality 1–4 from what a reviewer can check mechanically: function length, nesting depth, naming,
 * dead code and copied blocks. Every finding names the function or line it is about. Clean code scores 4; the
 * judgement calls (invariants, extensibility) stay with the interviewer.
 */
export function scoreQuality(input: QualityInput): CodeQualityFacts {
  const { analysis, code, language } = input;
  const functions = analysis.functions.map(({ name, line, lines, maxDepth }) => ({ name, line, lines, maxDepth }));
  const longest = functions.reduce<(typeof functions)[number] | null>((best, f) => (!best || f.lines > best.lines ? f : best), null);
  const deepest = functions.reduce<(typeof functions)[number] | null>((best, f) => (!best || f.maxDepth > best.maxDepth ? f : best), null);
  const maxNesting = deepest?.maxDepth ?? 0;
  const namingIssues = reviewNames(analysis.names, language, input.given);
  const deadCode = [
    ...analysis.unreachable.map((u) => `line ${u.line} can never run: it follows the \`${u.after}\` on line ${u.afterLine}`),
    ...analysis.unusedFunctions.map((f) => `${shownName(f.name)} (line ${f.line}) is defined but never called`),
    ...analysis.unusedVariables.map((v) => `${shownName(v.name)} (line ${v.line}) is assigned but never read`),
  ];
  const repeats = findRepeatedBlocks(code, language);
  const long = functions.filter((f) => f.lines > LONG_FUNCTION).sort((a, b) => b.lines - a.lines);

  const points =
    (long.length === 0 ? 0 : (long[0]!.lines > VERY_LONG_FUNCTION ? 2 : 1) + (long.length > 1 ? 0.5 : 0)) +
    penalty(maxNesting, [
      [4, 0.5],
      [5, 1],
      [6, 2],
    ]) +
    penalty(namingIssues.length, [
      [1, 0.5],
      [2, 1],
      [4, 1.5],
    ]) +
    penalty(deadCode.length, [
      [1, 0.5],
      [2, 1],
      [3, 1.5],
    ]) +
    penalty(repeats.duplicatedLines, [
      [3, 0.5],
      [6, 1],
      [12, 1.5],
    ]);
  const score = Math.min(4, Math.max(1, 4 - Math.floor(points))) as CodeQualityFacts['score'];

  const findings = [
    ...long.slice(0, 2).map((f) => `${shownName(f.name)} is ${f.lines} lines long (line ${f.line}): split it into helpers that each do one step.`),
    ...(deepest && maxNesting >= 4
      ? [
          `${shownName(deepest.name)} (line ${deepest.line}) nests control flow ${maxNesting} levels deep: return early or move the innermost block into a helper.`,
        ]
      : []),
    ...repeats.blocks.slice(0, 2).map((b) => `Lines ${b.line}–${b.endLine} repeat the block at line ${b.firstLine}: move it into one function.`),
    ...deadCode.slice(0, 2).map((d) => `${capital(d)}: remove it.`),
    ...namingIssues.slice(0, 2).map((n) => `${capital(n)}.`),
  ].slice(0, MAX_FINDINGS);

  return {
    functions,
    longestFunction: longest ? { name: longest.name, lines: longest.lines } : null,
    maxNesting,
    namingIssues,
    deadCode,
    duplicatedLines: repeats.duplicatedLines,
    score,
    findings,
  };
}
