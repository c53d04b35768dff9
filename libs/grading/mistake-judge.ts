import { keyAt, type AnalysedSentence } from './answer-analysis.js';
import type { CompiledMistake } from './compiled-question.js';
import type { CompiledClaim, CompiledMisconception } from './compiled-question.js';
import { judgeCoverage, type SentenceKeys } from './coverage-judge.js';

export interface MistakeResult {
  readonly present: boolean;
  /** Sentences that state the wrong claim (empty for an absent topic). */
  readonly evidence: readonly AnalysedSentence[];
}

/**
 * An absent topic is present when nothing the candidate said so far (this answer and
 * their earlier turns) covers its signals — and only once it is due. A wrong claim is
 * present when one sentence of this answer matches every group of a pattern and none of
 * its qualifiers, with no negation before it; lists count here (a wrong claim in a list is still a claim), injected
 * text does not (it is not the candidate's answer). `saidSoFar` indexes the creditable
 * sentences of the earlier turns and this answer (built on first use, shared by mistakes).
 */
export function judgeMistake(
  compiled: CompiledMistake,
  due: boolean,
  answer: readonly AnalysedSentence[],
  saidSoFar: () => SentenceKeys,
): MistakeResult {
  if (!due) return { present: false, evidence: [] };
  if (compiled.absent) {
    const covered = judgeCoverage(compiled.absent, saidSoFar()).status === 'covered';
    return { present: !covered, evidence: [] };
  }
  const evidence = answer.filter((s) => !s.injected && compiled.claims.some((claim) => assertsClaim(s, claim)));
  return { present: evidence.length > 0, evidence: evidence.slice(0, 2) };
}

/** The sentence makes the claim: every group, no qualifier, and no negation ahead of it ("don't …"). */
export function assertsClaim(s: AnalysedSentence, claim: CompiledClaim): boolean {
  if (!claim.groups.every((g) => keyAt(s, g) !== -1)) return false;
  if (claim.unless !== null && keyAt(s, claim.unless) !== -1) return false;
  if (claim.negated) return true;
  const start = Math.min(...claim.groups.map((g) => keyAt(s, g)));
  return s.negationAt === -1 || s.negationAt > start;
}

/** A sentence asserting a general misconception, and which. */
export interface FoundMisconception {
  readonly misconception: CompiledMisconception['misconception'];
  readonly sentence: AnalysedSentence;
}

/** The misconceptions the sentences assert, in text order (injected text is not the candidate's claim, a list asserts nothing). */
export function findMisconceptions(misconceptions: readonly CompiledMisconception[], sentences: readonly AnalysedSentence[]): FoundMisconception[] {
  const found: FoundMisconception[] = [];
  for (const sentence of sentences) {
    if (sentence.injected || sentence.listLike) continue;
    for (const m of misconceptions) if (m.claims.some((c) => assertsClaim(sentence, c))) found.push({ misconception: m.misconception, sentence });
  }
  return found;
}
