import { keyAt, type AnalysedSentence } from './answer-analysis.js';
import type { CompiledCoverage } from './compiled-question.js';
import { sortSmall } from './sort-small.js';

export type CoverageStatus = 'covered' | 'partial' | 'missed';

export interface CoverageResult {
  readonly status: CoverageStatus;
  /** The sentences that carry the matched concepts, fewest first (for evidence). */
  readonly evidence: readonly AnalysedSentence[];
  /** Of those, the one that shows most of the point (what a strength quotes), not merely the first said. */
  readonly lead?: AnalysedSentence;
  /** For a partial point: what keeps it from covered (the reason, or concepts by id). */
  readonly lacks?: {
    readonly reasoning: boolean;
    readonly concepts: readonly string[];
    /** A capacity estimate that sizes nothing: no number in the sentences that carry it. */
    readonly numbers?: boolean;
    /** Its words come in sentences about other points: the answer never takes it on (`main-topic.ts`). */
    readonly focus?: boolean;
    /** Named in an answer that is mostly general remarks (`credibility.ts`). */
    readonly filler?: boolean;
    /** Named with only its minimum of concepts in an answer that makes several wrong claims, or lists terms (`credibility.ts`). */
    readonly doubted?: 'wrong-claims' | 'list';
  };
}

/**
 * Sentences by signal key: for each key, the indices (ascending) of the sentences that
 * match it. Built once per set of sentences, so judging a point reads one list per
 * concept instead of testing every concept in every sentence.
 */
export class SentenceKeys {
  /** Dense: signal keys are small integers numbered per compiled question. */
  private readonly byKey: (number[] | undefined)[] = [];

  constructor(readonly sentences: readonly AnalysedSentence[]) {
    sentences.forEach((sentence, j) => {
      const keys = sentence.keys;
      for (let k = 0; k < keys.length; k += 2) (this.byKey[keys[k] ?? 0] ??= []).push(j);
    });
  }

  /** Indices of the sentences that match `key`, ascending (undefined for none). */
  with(key: number): readonly number[] | undefined {
    return this.byKey[key];
  }
}

/**
 * The signals contract (libs/content/signals.schema.ts): covered when at least
 * `minConcepts` distinct concepts match, every required one among them, and — when
 * reasoning is required — a reasoning cue sits in a sentence that matched a concept.
 * Partial when at least two concepts match (one buzzword is never partial credit) and
 * the point falls one concept short, or has the concepts but lacks a required concept
 * or the reasoning.
 */
export function judgeCoverage(signals: CompiledCoverage, said: SentenceKeys): CoverageResult {
  // Concepts have distinct keys, so matched concepts are matched keys.
  let matched = 0;
  const at: number[] = [];
  for (const concept of signals.concepts) {
    const sentences = said.with(concept.key);
    if (sentences === undefined) continue;
    matched++;
    for (let k = 0; k < sentences.length; k++) at.push(sentences[k] ?? 0);
  }
  // The sentences that carry a matched concept, in text order.
  sortSmall(at);
  const carriers: AnalysedSentence[] = [];
  let reasoned = false;
  for (let k = 0; k < at.length; k++) {
    if (k > 0 && at[k] === at[k - 1]) continue;
    const sentence = said.sentences[at[k] ?? 0] as AnalysedSentence;
    carriers.push(sentence);
    if (sentence.reasoning) reasoned = true;
  }
  const enough = matched >= signals.minConcepts;
  const required = signals.required.every((key) => said.with(key) !== undefined);
  // Depth stands in for a reason cue: a terse expert who names more of the point than it needs has shown why.
  const reasoning = !signals.requireReasoning || reasoned || matched > signals.minConcepts;
  let status: CoverageStatus = 'missed';
  if (enough && required && reasoning) status = 'covered';
  else if (matched >= 2 && matched >= signals.minConcepts - 1) status = 'partial';
  // A capacity point is covered only when its evidence sizes something: a number in a sentence that carries it.
  if (status === 'covered' && signals.requireNumbers && !carriers.some((s) => s.hasNumber)) {
    return { status: 'partial', ...pickEvidence(signals, carriers), lacks: { reasoning: false, concepts: [], numbers: true } };
  }
  if (status === 'missed') return { status, evidence: [] };
  if (status !== 'partial') return { status, ...pickEvidence(signals, carriers) };
  const unmatched = signals.concepts.filter((c) => said.with(c.key) === undefined);
  // The required concepts first: without them the point cannot be covered whatever else is said.
  const lacking = [...unmatched.filter((c) => signals.required.includes(c.key)), ...unmatched.filter((c) => !signals.required.includes(c.key))];
  return {
    status,
    ...pickEvidence(signals, carriers),
    lacks: { reasoning: !reasoning, concepts: enough && required ? [] : lacking.map((c) => c.id) },
  };
}

/** Greedy cover: the sentences that add the most unseen concepts, at most three, in text order; the lead is the first pick. */
function pickEvidence(
  signals: CompiledCoverage,
  carriers: readonly AnalysedSentence[],
): { evidence: AnalysedSentence[]; lead: AnalysedSentence | undefined } {
  // Each carrier's concept keys (in concept order, as often as listed), found once for all rounds.
  const owned = carriers.map((s) => {
    const keys: number[] = [];
    for (const concept of signals.concepts) if (keyAt(s, concept.key) !== -1) keys.push(concept.key);
    return keys;
  });
  // Concept keys the picks so far show (a handful: at most three sentences' concepts).
  const seen: number[] = [];
  const taken = carriers.map(() => false);
  const chosen: AnalysedSentence[] = [];
  while (chosen.length < 3) {
    let best = -1;
    let gain = 0;
    for (let c = 0; c < carriers.length; c++) {
      if (taken[c]) continue;
      let g = carriers[c]?.reasoning ? 0.5 : 0;
      const keys = owned[c] ?? [];
      for (let k = 0; k < keys.length; k++) if (!seen.includes(keys[k] ?? 0)) g++;
      if (g > gain) {
        gain = g;
        best = c;
      }
    }
    if (best === -1 || gain < 1) break;
    taken[best] = true;
    chosen.push(carriers[best] as AnalysedSentence);
    for (const k of owned[best] ?? []) if (!seen.includes(k)) seen.push(k);
  }
  return { evidence: [...chosen].sort((a, b) => a.index - b.index), lead: chosen[0] };
}
