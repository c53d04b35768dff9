import { keyAt, type AnalysedSentence } from './answer-analysis.js';
import type { CompiledMistake } from './compiled-question.js';
import type { CompiledClaim } from './compiled-question.js';
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
  const evidence = answer.filter((s) => !s.injected && compiled.claims.some((claim) => claims(s, claim)));
  return { present: evidence.length > 0, evidence: evidence.slice(0, 2) };
}

/** The sentence makes the claim: every group, no qualifier, and no negation ahead of it ("don't …"). */
function claims(s: AnalysedSentence, claim: CompiledClaim): boolean {
  if (!claim.groups.every((g) => keyAt(s, g) !== -1)) return false;
  if (claim.unless !== null && keyAt(s, claim.unless) !== -1) return false;
  const start = Math.min(...claim.groups.map((g) => keyAt(s, g)));
  return s.negationAt === -1 || s.negationAt > start;
}
