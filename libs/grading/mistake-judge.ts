import { keyAt, type AnalysedSentence } from './answer-analysis.js';
import type { CompiledMistake, CompiledQuestion } from './compiled-question.js';
import type { CompiledClaim, CompiledMisconception } from './compiled-question.js';
import { inSameClause } from './clause-bounds.js';
import { judgeCoverage, type SentenceKeys } from './coverage-judge.js';
import { estimateMisconceptions } from './estimate-check.js';
import { magnitudeMisconceptions } from './known-magnitudes.js';
import { statesFigures } from './number-words.js';
import { OVERCLAIM, OVERCLAIMS_TO_COUNT, overclaims } from './overclaims.js';

export interface MistakeResult {
  readonly present: boolean;
  /** Sentences that state the wrong claim (empty for an absent topic). */
  readonly evidence: readonly AnalysedSentence[];
}

/**
 * An absent topic is present when nothing the candidate said so far (this answer and
 * their earlier turns) covers its signals — and only once it is due, and, for a mistake
 * about a practice, only once they have taken the practice up. A wrong claim is
 * present when one sentence of this answer matches every group of a pattern and none of
 * its qualifiers, with no negation before it in its clause; lists count here (a wrong claim in a list is still a
 * claim), injected text does not (it is not the candidate's answer). `said` indexes, built on first use and shared by
 * mistakes, the sentences of the earlier turns and this answer: `sound`, the creditable ones, and `any`, those and the
 * ones that got something wrong (a wrong sentence still takes a practice up; a keyword list takes up nothing).
 */
export function judgeMistake(
  compiled: CompiledMistake,
  due: boolean,
  answer: readonly AnalysedSentence[],
  said: { readonly sound: () => SentenceKeys; readonly any: () => SentenceKeys },
): MistakeResult {
  if (!due) return { present: false, evidence: [] };
  if (compiled.absent) {
    if (compiled.appliesWhen !== null && said.any().with(compiled.appliesWhen) === undefined) return { present: false, evidence: [] };
    return { present: judgeCoverage(compiled.absent, said.sound()).status !== 'covered', evidence: [] };
  }
  return judgeClaim(compiled, answer);
}

/** A wrong-claim mistake (`absent` null): present where a sentence of `answer` makes it. */
function judgeClaim(compiled: CompiledMistake, answer: readonly AnalysedSentence[]): MistakeResult {
  const evidence = answer.filter((s) => !s.injected && compiled.claims.some((claim) => assertsClaim(s, claim)));
  return { present: evidence.length > 0, evidence: evidence.slice(0, 2) };
}

/** The question's own wrong claims, by mistake id, as `answer` makes them (a wrong claim is due whenever it is made). */
export function claimsMade(mistakes: readonly CompiledMistake[], answer: readonly AnalysedSentence[]): Map<string, MistakeResult> {
  return new Map(mistakes.filter((m) => !m.absent).map((m) => [m.mistake.id, judgeClaim(m, answer)] as const));
}

/**
 * The sentence makes the claim: every group, no qualifier, and no negation ahead of it in its clause ("don't …";
 * "ordering is not a concern because NTP syncs the clocks" still claims NTP does). A qualifier the sentence denies
 * is none ("race-free without needing Lua", "clients don't need any dedup"); a claim with `denies` needs one of its
 * safeguards denied, and that denial is the claim, not a rejection of it.
 */
export function assertsClaim(s: AnalysedSentence, claim: CompiledClaim): boolean {
  // Every sentence is tried against every claim it could make: nothing is allocated until all the parts are there.
  let start = Infinity;
  let last = -1;
  for (const g of claim.groups) {
    const at = keyAt(s, g);
    if (at === -1) return false;
    start = Math.min(start, at);
    last = Math.max(last, at);
  }
  if (claim.unless !== null) {
    const qualifier = keyAt(s, claim.unless);
    if (qualifier !== -1 && qualifies(s, qualifier, claim, start, last)) return false;
  }
  // A denial claim ("we don't need reconciliation") carries its own negation; one before it denies the denial
  // ("there is no exactly-once without idempotency").
  if (claim.negated) return !s.denials.some((d) => scopesOver(s, d, start));
  // A negation of the sentence's own between the parts, in their clause, is the claim denied ("Kafka does not keep
  // a total order across the topic"); one inside a part's phrase ("can never fail") is the claim's own wording.
  if (s.freeNegations.some((d) => d > start && d < last) && inSameClause(s.clauses, start, last)) return false;
  // A part of the claim negated right where it is said ("cursor = last id, never OFFSET pages") is rejected.
  const negatedPart = (g: number) => {
    const at = keyAt(s, g);
    return s.denials.some((d) => at - d <= NEGATED_PART_REACH && scopesOver(s, d, at));
  };
  if (claim.groups.some(negatedPart)) return false;
  if (claim.denies !== null) {
    // "X, so no Y": the safeguard is denied after the claim, and nothing denies the claim itself ("there is no X").
    const safeguard = keyAt(s, claim.denies);
    return safeguard > start && deniedAt(s, safeguard, start, last, true);
  }
  // A negation opening the claim's first part ("never fails", "don't shift") rejects it too: those phrases are
  // the claim only where something else makes them one (`negated`, `denies`).
  return !s.negations.some((d) => d === start || scopesOver(s, d, start));
}

/**
 * The qualifier at `at` holds back the claim: the sentence does not deny it, and a negation among the qualifiers
 * ("not") is in a clause of the claim ("ordering is not a concern because NTP syncs to the microsecond" is the claim).
 */
function qualifies(s: AnalysedSentence, at: number, claim: CompiledClaim, start: number, last: number): boolean {
  if (deniedAt(s, at, start, last)) return false;
  if (!s.negations.includes(at)) return true;
  return claim.groups.some((g) => {
    const part = keyAt(s, g);
    return inSameClause(s.clauses, Math.min(part, at), Math.max(part, at));
  });
}

/** A negation or denial at `d` reaches the word at `at`: it comes first, in the same clause. */
function scopesOver(s: AnalysedSentence, d: number, at: number): boolean {
  return d < at && inSameClause(s.clauses, d, at);
}

/** A negation this close (in tokens) before a part of a claim negates that part: "never OFFSET", "not the". */
const NEGATED_PART_REACH = 2;

/**
 * How far (in tokens) a negation or denial reaches forward: far enough for one clause ("don't need to make
 * anything idempotent" is six tokens from "don't" to "idempotent"), short enough not to reach the next one.
 */
const DENIAL_WINDOW = 6;

/**
 * The word at `at` is denied: a negation or denial shortly before it, with no refutation in its clause or in the
 * clause of the claim (`start`, `last`). With `only`, that denial must be the sentence's only one: a sentence with
 * more is arguing ("replication without backups doesn't protect you"), not declaring a safeguard unneeded.
 */
function deniedAt(s: AnalysedSentence, at: number, start: number, last: number, only = false): boolean {
  // A qualifier that is itself a negation ("not", "never") is not denied by another one.
  if (s.denials.includes(at) || refutedAround(s, [at, start, last])) return false;
  const denies = (d: number) => at - d <= DENIAL_WINDOW && scopesOver(s, d, at);
  return only ? s.denials.length > 0 && s.denials.every(denies) : s.denials.some(denies);
}

/**
 * A refutation shares a clause with one of `positions`: "exactly-once is impossible without dedup" argues, while
 * "exactly-once to the phone: a message can't arrive twice, so no dedup" still declares the safeguard unneeded
 * (its refutation is a clause of its own, neither the claim's nor the denial's).
 */
function refutedAround(s: AnalysedSentence, positions: readonly number[]): boolean {
  return s.refutations.some((r) => positions.some((p) => inSameClause(s.clauses, Math.min(r, p), Math.max(r, p))));
}

/** A sentence asserting a general misconception, and which. */
export interface FoundMisconception {
  readonly misconception: CompiledMisconception['misconception'];
  /** What asserts it: one sentence, or a sentence and the consequence drawn in the next ("X. So no Y."), as one span. */
  readonly sentence: AnalysedSentence;
  /** The answer's own sentences that make up `sentence` (just it, for a single sentence). */
  readonly sentences: readonly AnalysedSentence[];
}

/**
 * A sentence that draws a consequence from the one before ("So there's no need for a uniqueness check."): a claim
 * can be split over the two, its premise in the first and its conclusion in the second.
 */
const CONSEQUENCE =
  /\s*(?:so|therefore|thus|hence|as a result|that means|this means|which means|because of (?:that|this)|that'?s why|that is why)\b/iy;
/** A blank line: a paragraph ends there. */
const PARAGRAPH_BREAK = /\n[ \t]*\n/g;

/** The misconceptions the sentences assert, in text order (injected text is not the candidate's claim, a list asserts nothing). */
export function findMisconceptions(
  compiled: Pick<CompiledQuestion, 'misconceptions' | 'misconceptionsByFirstPart'>,
  sentences: readonly AnalysedSentence[],
  source?: string,
): FoundMisconception[] {
  const { misconceptions, misconceptionsByFirstPart: byFirstPart } = compiled;
  const found: FoundMisconception[] = [];
  const candidates: number[] = [];
  const candidatesOf = (sentence: AnalysedSentence) => {
    // Only a misconception whose claim opens with a key the sentence has can be asserted by it.
    candidates.length = 0;
    for (let k = 0; k < sentence.keys.length; k += 2)
      for (const m of byFirstPart.get(sentence.keys[k] ?? -1) ?? []) if (!candidates.includes(m)) candidates.push(m);
    return candidates.sort((a, b) => a - b);
  };
  let previous: AnalysedSentence | null = null;
  for (const sentence of sentences) {
    if (sentence.injected || sentence.listLike) {
      previous = null;
      continue;
    }
    const here: number[] = [];
    for (const m of candidatesOf(sentence)) {
      const misconception = misconceptions[m] as CompiledMisconception;
      if (misconception.claims.some((c) => assertsClaim(sentence, c))) {
        found.push({ misconception: misconception.misconception, sentence, sentences: [sentence] });
        here.push(m);
      }
    }
    // "X. So no Y.": the pair, read as one sentence whose second clause is the second sentence.
    if (source !== undefined && previous !== null && drawsConsequence(source, previous, sentence)) {
      const pair = joined(previous, sentence);
      for (const m of candidatesOf(pair)) {
        const misconception = misconceptions[m] as CompiledMisconception;
        if (here.includes(m) || found.some((f) => f.sentence === previous && f.misconception === misconception.misconception)) continue;
        if (misconception.claims.some((c) => assertsClaim(pair, c)))
          found.push({ misconception: misconception.misconception, sentence: pair, sentences: [previous, sentence] });
      }
    }
    previous = sentence;
  }
  if (source === undefined) return found;
  // A sum whose stated result is off (estimate-check.ts): a wrong claim with the sum redone as its correction. A sum
  // may go on from the sentence before, in the same paragraph.
  let before: AnalysedSentence | null = null;
  for (const sentence of sentences) {
    if (sentence.injected || sentence.listLike || !statesFigures(source.slice(sentence.start, sentence.end))) {
      before = null;
      continue;
    }
    const previous = before !== null && sameParagraph(source, before, sentence) ? source.slice(before.start, before.end) : undefined;
    for (const misconception of estimateMisconceptions(source.slice(sentence.start, sentence.end), previous, source.slice(0, sentence.start)))
      found.push({ misconception, sentence, sentences: [sentence] });
    // A well-known number far off ("a cross-region round trip is only about 2 ms"), whatever sum it feeds.
    for (const misconception of magnitudeMisconceptions(source.slice(sentence.start, sentence.end)))
      found.push({ misconception, sentence, sentences: [sentence] });
    before = sentence;
  }
  // Overclaims count only as a habit: two or more in the answer (overclaims.ts).
  const waved = sentences.filter((s) => !s.injected && !s.listLike && overclaims(source.slice(s.start, s.end)));
  const all =
    waved.length < OVERCLAIMS_TO_COUNT
      ? found
      : [...found, ...waved.map((sentence) => ({ misconception: OVERCLAIM, sentence, sentences: [sentence] }))];
  return all.sort((a, b) => a.sentence.start - b.sentence.start);
}

/**
 * `next` follows `prev` in the same paragraph and opens by drawing a consequence from it. Read in place (sticky and
 * offset regexes, no slices): every sentence of every answer is asked.
 */
function drawsConsequence(source: string, prev: AnalysedSentence, next: AnalysedSentence): boolean {
  CONSEQUENCE.lastIndex = next.start;
  return CONSEQUENCE.test(source) && sameParagraph(source, prev, next);
}

function sameParagraph(source: string, prev: AnalysedSentence, next: AnalysedSentence): boolean {
  PARAGRAPH_BREAK.lastIndex = prev.end;
  const paragraphBreak = PARAGRAPH_BREAK.exec(source);
  return paragraphBreak === null || paragraphBreak.index >= next.start;
}

/**
 * Two sentences as one: keys and negations at token indices of the pair, and a clause boundary where the second
 * begins, so a negation reaches no further than its own sentence. The span runs from the first's start to the
 * second's end (it is quoted whole).
 */
function joined(a: AnalysedSentence, b: AnalysedSentence): AnalysedSentence {
  const offset = a.tokenEnd - a.tokenStart;
  const shifted = (xs: readonly number[]) => xs.map((x) => x + offset);
  const keys: number[] = [...a.keys];
  for (let k = 0; k < b.keys.length; k += 2) keys.push(b.keys[k] ?? -1, (b.keys[k + 1] ?? 0) + offset);
  return {
    ...b,
    start: a.start,
    tokenStart: a.tokenStart,
    keys,
    negations: [...a.negations, ...shifted(b.negations)],
    freeNegations: [...a.freeNegations, ...shifted(b.freeNegations)],
    denials: [...a.denials, ...shifted(b.denials)],
    clauses: [...a.clauses, offset, ...shifted(b.clauses)],
    refutations: [...a.refutations, ...shifted(b.refutations)],
  };
}
