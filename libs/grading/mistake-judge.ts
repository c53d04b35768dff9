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

/**
 * The sentence makes the claim: every group, no qualifier, and no negation ahead of it ("don't …"). A qualifier the
 * sentence denies is none ("race-free without needing Lua", "clients don't need any dedup"); a claim with
 * `denies` needs one of its safeguards denied, and that denial is the claim, not a rejection of it.
 */
export function assertsClaim(s: AnalysedSentence, claim: CompiledClaim): boolean {
  // Every sentence is tried against every claim it could make: nothing is allocated until all the parts are there.
  let start = Infinity;
  for (const g of claim.groups) {
    const at = keyAt(s, g);
    if (at === -1) return false;
    start = Math.min(start, at);
  }
  if (claim.unless !== null) {
    const qualifier = keyAt(s, claim.unless);
    if (qualifier !== -1 && !deniedAt(s, qualifier)) return false;
  }
  // A denial claim ("we don't need reconciliation") carries its own negation; one before it denies the denial
  // ("there is no exactly-once without idempotency").
  if (claim.negated) return !s.denials.some((d) => d < start);
  // A part of the claim negated right where it is said ("cursor = last id, never OFFSET pages") is rejected.
  const negatedPart = (g: number) => {
    const at = keyAt(s, g);
    return s.denials.some((d) => d < at && at - d <= NEGATED_PART_REACH);
  };
  if (claim.groups.some(negatedPart)) return false;
  if (claim.denies !== null) {
    // "X, so no Y": the safeguard is denied after the claim, and nothing denies the claim itself ("there is no X").
    const safeguard = keyAt(s, claim.denies);
    return safeguard > start && deniedAt(s, safeguard, true);
  }
  return s.negationAt === -1 || s.negationAt > start;
}

/** A negation this close (in tokens) before a part of a claim negates that part: "never OFFSET", "not the". */
const NEGATED_PART_REACH = 2;

/**
 * How far (in tokens) a negation or denial reaches forward: far enough for one clause ("don't need to make
 * anything idempotent" is six tokens from "don't" to "idempotent"), short enough not to reach the next one.
 */
const DENIAL_WINDOW = 6;

/**
 * The word at `at` is denied: a negation or denial shortly before it, in a sentence that refutes nothing. With
 * `only`, that denial must be the sentence's only one: a sentence with more is arguing ("replication without
 * backups doesn't protect you"), not declaring a safeguard unneeded.
 */
function deniedAt(s: AnalysedSentence, at: number, only = false): boolean {
  // A qualifier that is itself a negation ("not", "never") is not denied by another one.
  if (s.refutes || s.denials.includes(at)) return false;
  const denies = (d: number) => d < at && at - d <= DENIAL_WINDOW;
  return only ? s.denials.length > 0 && s.denials.every(denies) : s.denials.some(denies);
}

/** A sentence asserting a general misconception, and which. */
export interface FoundMisconception {
  readonly misconception: CompiledMisconception['misconception'];
  readonly sentence: AnalysedSentence;
}

/** The misconceptions the sentences assert, in text order (injected text is not the candidate's claim, a list asserts nothing). */
export function findMisconceptions(misconceptions: readonly CompiledMisconception[], sentences: readonly AnalysedSentence[]): FoundMisconception[] {
  const byFirstPart = firstPartIndex(misconceptions);
  const found: FoundMisconception[] = [];
  const candidates: number[] = [];
  for (const sentence of sentences) {
    if (sentence.injected || sentence.listLike) continue;
    // Only a misconception whose claim opens with a key the sentence has can be asserted by it.
    candidates.length = 0;
    for (let k = 0; k < sentence.keys.length; k += 2) for (const m of byFirstPart.get(sentence.keys[k] ?? -1) ?? []) if (!candidates.includes(m)) candidates.push(m);
    candidates.sort((a, b) => a - b);
    for (const m of candidates) {
      const misconception = misconceptions[m] as CompiledMisconception;
      if (misconception.claims.some((c) => assertsClaim(sentence, c))) found.push({ misconception: misconception.misconception, sentence });
    }
  }
  return found;
}

/** Per compiled list: the first part's key of every claim → the misconceptions (by index) with such a claim. */
const firstParts = new WeakMap<readonly CompiledMisconception[], Map<number, number[]>>();

function firstPartIndex(misconceptions: readonly CompiledMisconception[]): Map<number, number[]> {
  const known = firstParts.get(misconceptions);
  if (known) return known;
  const index = new Map<number, number[]>();
  misconceptions.forEach((m, i) => {
    for (const claim of m.claims) {
      const key = claim.groups[0] ?? -1;
      const list = index.get(key) ?? [];
      if (!list.includes(i)) list.push(i);
      index.set(key, list);
    }
  });
  firstParts.set(misconceptions, index);
  return index;
}
