import type { Padding } from './credibility.js';
import type { AnalysedSentence } from './answer-analysis.js';
import type { CompiledQuestion } from './compiled-question.js';
import type { CoverageResult } from './coverage-judge.js';
import { label, listOf, said } from './feedback-text.js';
import type { DimensionGrade, DimensionScore } from './grade.schema.js';
import type { GradingScope } from './grading-scope.js';
import { lexiconIndex } from './lexicon-index.js';
import type { FoundMisconception, MistakeResult } from './mistake-judge.js';
import { aboutTheDesign, type QualitySignals } from './quality-signals.js';

export interface DimensionInputs {
  readonly compiled: CompiledQuestion;
  readonly scope: GradingScope;
  readonly keyPoints: ReadonlyMap<string, CoverageResult>;
  readonly mistakes: ReadonlyMap<string, MistakeResult>;
  /** Key points the candidate covered in earlier turns: they count as covered, never as missed again. */
  readonly coveredBefore: ReadonlySet<string>;
  /** Key points an earlier turn started on: at least partly covered here, so a later comment never says "did not get to". */
  readonly partlyBefore: ReadonlySet<string>;
  /** General misconceptions the answer asserts: each caps its dimension at 2, like a major mistake. */
  readonly misconceptions: readonly FoundMisconception[];
  /**
   * How many different wrong claims the answer makes (general misconceptions, overclaims, the question's own wrong
   * claims). Two or more are a pattern (`PATTERN_CAPS`).
   */
  readonly wrongClaims: number;
  readonly quality: QualitySignals;
  /** Non-answers and off-topic answers score 1 everywhere: there is nothing to credit. */
  readonly nothingToCredit: boolean;
  /** The answer is mostly general remarks and open choices (`credibility.ts`): no dimension passes 2. */
  readonly padding: Padding | null;
  /** The sentences that may earn credit, and their text, for the reasons' quotes. */
  readonly credited: readonly AnalysedSentence[];
  /** How many sentences the answer has (injected text and repeats aside): more than `credited` when some earned nothing. */
  readonly answered: number;
  readonly quote: (sentence: AnalysedSentence) => string;
  /** The role guide's descriptor of a dimension's score (what an answer at that level does), if it has one. */
  readonly descriptor: (dimensionId: string, score: DimensionScore) => string | undefined;
}

const CREDIT = { covered: 1, partial: 0.5, missed: 0 } as const;
/** The most a dimension scores in an answer that is mostly general remarks and open choices: lean no hire. */
const PADDED_CAP: DimensionScore = 2;
/**
 * Several different wrong claims are a pattern of wrong understanding, not a slip: a strict interviewer stops
 * trusting the rest of the answer. Two cap every dimension at 3, three or more at 2 (the answer's own covered
 * points and fluent structure cannot carry it past "lean no hire").
 */
const PATTERN_CAPS: readonly { readonly from: number; readonly cap: DimensionScore }[] = [
  { from: 3, cap: 2 },
  { from: 2, cap: 3 },
];
/** Strength → score cut-offs (1 below the first, 4 at or above the last). */
const CUTS = [0.2, 0.42, 0.68] as const;

/**
 * Scores each dimension in scope 1–4. Strength blends, per dimension, the weighted
 * coverage of its key points (expected by this phase, plus any covered early), the
 * generic cues of what its descriptors reward, and the answer's overall depth (coverage,
 * reasoning, substance). A present major mistake caps the dimension at 2 and a minor one
 * costs a point, as the grader prompt instructs the LLM.
 */
export function scoreDimensions(inputs: DimensionInputs): DimensionGrade[] {
  const { compiled, scope, quality } = inputs;
  const overallCoverage = coverageOf(inputs, () => true);
  const reasoning = 0.5 * Math.min(1, quality.reasonedSentences / 6) + 0.5 * Math.min(1, quality.contentTokens / 200);
  // A phase with no key points due (e.g. a question whose rubric starts at the design) cannot be covered: its depth
  // is the answer's reasoning and substance alone, not half of them next to a coverage of nothing.
  const depth = overallCoverage.ratio === null ? reasoning : 0.5 * overallCoverage.ratio + 0.5 * reasoning;
  return scope.dimensions.flatMap((id): DimensionGrade[] => {
    const coverage = coverageOf(inputs, (dim) => dim === id);
    // What only the code can show is not scored from words: left out here, set from the tests and the code facts.
    if (compiled.question.kind === 'coding' && CODE_JUDGED.has(id) && coverage.ratio === null) return [];
    const cue = quality.cueStrength.get(id) ?? 0;
    let strength: number;
    if (id === 'communication') {
      const structure = 0.35 * cue + 0.35 * Math.min(1, quality.reasonedSentences / 5) + 0.3 * Math.min(1, quality.creditedSentences / 6);
      strength = 0.6 * structure + 0.4 * depth;
      // Where the rubric names what good communication is here (e.g. clarifying a coding problem), doing it counts.
      if (coverage.ratio !== null) strength = 0.5 * coverage.ratio + 0.5 * strength;
    } else if (coverage.ratio !== null) {
      strength = 0.55 * coverage.ratio + 0.2 * cue + 0.25 * depth;
    } else {
      strength = 0.55 * cue + 0.45 * depth;
    }
    let score = (1 + CUTS.filter((cut) => strength >= cut).length) as DimensionScore;
    // Word cues cannot prove level-4 behaviour; without key points of its own a dimension
    // reaches 4 only when the answer as a whole covers the rubric.
    if (coverage.ratio === null && (overallCoverage.ratio ?? 0) < 0.75) score = Math.min(score, 3) as DimensionScore;
    const mistakes = compiled.mistakes.filter((m) => m.mistake.dimension === id && inputs.mistakes.get(m.mistake.id)?.present);
    const wrong = inputs.misconceptions.filter((m) => m.misconception.dimension === id);
    if (mistakes.some((m) => m.mistake.severity === 'major') || wrong.length > 0) score = Math.min(score, 2) as DimensionScore;
    else if (mistakes.length > 0) score = Math.max(1, score - 1) as DimensionScore;
    const pattern = PATTERN_CAPS.find((p) => inputs.wrongClaims >= p.from && score > p.cap);
    if (pattern) score = pattern.cap;
    const padded = inputs.padding !== null && score > PADDED_CAP;
    if (padded) score = PADDED_CAP;
    if (inputs.nothingToCredit) score = 1;
    const why = inputs.nothingToCredit
      ? 'the answer gives nothing on this to credit'
      : explain(
          coverage,
          mistakes.map((m) => m.mistake.text),
          () => withoutPoints(inputs, id, score),
          wrong.map((m) => inputs.quote(m.sentence)),
          pattern ? inputs.wrongClaims : 0,
          padded ? (inputs.padding?.words ?? null) : null,
        );
    return [{ id, score, reason: reasonFor(why) }];
  });
}

/** Coding dimensions judged from the code (tests, static analysis), unless a key point of theirs is due. */
const CODE_JUDGED: ReadonlySet<string> = new Set(['correctness', 'code-quality']);

interface DimensionCoverage {
  readonly ratio: number | null;
  readonly covered: string[];
  readonly partial: string[];
  readonly missed: string[];
}

function coverageOf(inputs: DimensionInputs, onDimension: (dimension: string) => boolean): DimensionCoverage {
  let weight = 0;
  let earned = 0;
  const out: DimensionCoverage = { ratio: null, covered: [], partial: [], missed: [] };
  for (const { keyPoint } of inputs.compiled.keyPoints) {
    if (!onDimension(keyPoint.dimension)) continue;
    const now = inputs.keyPoints.get(keyPoint.id)?.status ?? 'missed';
    const due = inputs.scope.expectedKeyPoints.has(keyPoint.id);
    // A due point an earlier turn started on is partly covered; one not yet due is left out unless covered (below).
    const status = inputs.coveredBefore.has(keyPoint.id)
      ? 'covered'
      : now === 'missed' && due && inputs.partlyBefore.has(keyPoint.id)
        ? 'partial'
        : now;
    // A point not yet due counts only if the candidate already made it (no penalty for order).
    if (!due && status === 'missed') continue;
    weight += keyPoint.weight;
    earned += keyPoint.weight * CREDIT[status];
    out[status].push(keyPoint.text);
  }
  return { ...out, ratio: weight > 0 ? earned / weight : null };
}

/**
 * Why the score, from this answer: the dimension's key points by status and its mistakes; a dimension without
 * key points says what in the answer moved it (`withoutPoints`).
 */
function explain(
  coverage: DimensionCoverage,
  mistakes: string[],
  otherwise: () => string,
  wrong: readonly string[],
  pattern: number,
  padding: string | null,
): string {
  const parts: string[] = [];
  if (coverage.ratio !== null) {
    if (coverage.covered.length) parts.push(`you covered ${listOf(coverage.covered.map(label), 'and')}`);
    if (coverage.partial.length) parts.push(`only started on ${listOf(coverage.partial.map(label), 'and')}`);
    if (coverage.missed.length) parts.push(`${parts.length ? 'but ' : ''}did not get to ${listOf(coverage.missed.map(label))}`);
  } else {
    parts.push(otherwise());
  }
  if (mistakes.length) parts.push(`and the answer shows the common mistake${mistakes.length > 1 ? 's' : ''} ${listOf(mistakes.map(label), 'and')}`);
  const claims = [...new Set(wrong)];
  if (claims.length)
    parts.push(
      `and ${said(claims[0] ?? '')} is technically wrong${claims.length > 1 ? `, as ${claims.length === 2 ? 'is one more claim' : `are ${claims.length - 1} more claims`}` : ''}`,
    );
  // Held down by the answer's wrong claims elsewhere: said, so the score is not a mystery beside covered points.
  if (pattern > 0)
    parts.push(`held down because the answer makes ${pattern} technically wrong claims, which a strict interviewer will not look past`);
  if (padding) parts.push(`held down because most of the answer is ${padding} rather than decisions`);
  return parts.join(', ');
}

/**
 * For a dimension without key points: estimates for capacity, reasons given for communication, else the
 * sentence that shows most of what the dimension rewards — as its best evidence when the score passes, as the
 * most the answer gave when it does not.
 */
function withoutPoints(inputs: DimensionInputs, id: string, score: DimensionScore): string {
  const { quality } = inputs;
  if (id === 'capacity-estimation') {
    if (quality.estimates === 0) return 'the answer makes no estimate of its own (load, storage, bandwidth or fleet size)';
    const best = mostOf(inputs, (s) => (inputs.quote(s).match(/\d+(?:[.,]\d+)?/g) ?? []).length);
    return `${quality.estimates} figure${quality.estimates > 1 ? 's' : ''} of your own${best ? `, such as ${said(inputs.quote(best))}` : ''}`;
  }
  if (id === 'communication') {
    const n = quality.creditedSentences;
    const reasons = quality.reasonedSentences;
    if (n === 0) return 'none of your sentences earned credit, so none of them shows your reasoning';
    // Sentences that earned nothing (a wrong claim, a keyword list, a repeat) are not counted: say so, or "your one
    // sentence" reads wrong beside an answer of four.
    const counted = n === inputs.answered ? 'your' : 'the';
    const earned = n === inputs.answered ? '' : ' that earned credit';
    const count =
      n === 1
        ? `${counted} one sentence${earned} ${reasons === 1 ? 'gives' : 'does not give'} a reason`
        : `${reasons} of ${counted} ${n} sentences${earned} ${reasons === 1 ? 'gives' : 'give'} a reason`;
    // Below the band the count alone is no advice ("Your one sentence gives a reason" at 2 of 4): say what is missing.
    if (score >= 3) return count;
    return reasons === 0
      ? `${count}. Say why for each choice, what it protects and what it costs`
      : `${count}, but the answer is too short to show how you reason: take the phase step by step and say why at each step`;
  }
  const owner = lexiconIndex().dimensionOfKey;
  // Only a sentence about the design shows what the dimension rewards (its cues count nowhere else: `qualitySignals`).
  const best = mostOf(inputs, (s) => (aboutTheDesign(s) ? s.cues.filter((key) => owner.get(key) === id).length : 0));
  if (!best) {
    const first = inputs.credited[0];
    return first ? `nothing in the answer speaks to it yet (it opens with ${said(inputs.quote(first))})` : 'nothing in the answer speaks to it yet';
  }
  if (score >= 3) return `shown best by ${said(inputs.quote(best))}`;
  // Below the passing band the candidate needs what a passing answer does, not only the sentence that came closest.
  const passing = inputs.descriptor(id, 3);
  // The descriptor is cited as a label: some are verb phrases ("Separates …"), some noun phrases ("Clear components …").
  return `the most the answer gives on it is ${said(inputs.quote(best))}${passing ? `; what a passing answer (3 of 4) shows: ${label(passing.replace(/\.$/, ''))}` : ''}`;
}

/** The credited sentence scoring highest (first on ties); none when every one scores 0. */
function mostOf(inputs: DimensionInputs, count: (s: AnalysedSentence) => number): AnalysedSentence | undefined {
  let best: AnalysedSentence | undefined;
  let most = 0;
  // Between equals, the sentence with more words of its own: "I'd assume 50 million daily users." over "Let me
  // pin down scope first." (one cue each), so the quote shows something.
  const substance = (s: AnalysedSentence) => s.tokenEnd - s.tokenStart - s.functionWords;
  for (const sentence of inputs.credited) {
    const n = count(sentence);
    if (n > most || (n === most && n > 0 && best !== undefined && substance(sentence) > substance(best))) {
      most = n;
      best = sentence;
    }
  }
  return best;
}

/** The reason a candidate reads beside the score: why, from this answer (the score and its label are shown with it). */
function reasonFor(why: string): string {
  return `${why.charAt(0).toUpperCase()}${why.slice(1)}.`;
}
