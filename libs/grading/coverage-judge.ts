import type { AnalysedSentence } from './answer-analysis.js';
import type { CompiledCoverage } from './compiled-question.js';

export type CoverageStatus = 'covered' | 'partial' | 'missed';

export interface CoverageResult {
  readonly status: CoverageStatus;
  /** Concept keys matched in credited sentences. */
  readonly matched: ReadonlySet<number>;
  /** The sentences that carry the matched concepts, fewest first (for evidence). */
  readonly evidence: readonly AnalysedSentence[];
}

/**
 * The signals contract (libs/content/signals.schema.ts): covered when at least
 * `minConcepts` distinct concepts match, every required one among them, and — when
 * reasoning is required — a reasoning cue sits in a sentence that matched a concept.
 * Partial when at least two concepts match (one buzzword is never partial credit) and
 * the point falls one concept short, or has the concepts but lacks a required concept
 * or the reasoning.
 */
export function judgeCoverage(signals: CompiledCoverage, sentences: readonly AnalysedSentence[]): CoverageResult {
  const matched = new Set<number>();
  const carriers: AnalysedSentence[] = [];
  let reasoned = false;
  for (const sentence of sentences) {
    let any = false;
    for (const concept of signals.concepts) {
      if (!sentence.keys.has(concept.key)) continue;
      matched.add(concept.key);
      any = true;
    }
    if (!any) continue;
    carriers.push(sentence);
    if (sentence.reasoning) reasoned = true;
  }
  const enough = matched.size >= signals.minConcepts;
  const required = signals.required.every((key) => matched.has(key));
  const reasoning = !signals.requireReasoning || reasoned;
  let status: CoverageStatus = 'missed';
  if (enough && required && reasoning) status = 'covered';
  else if (matched.size >= 2 && matched.size >= signals.minConcepts - 1) status = 'partial';
  return { status, matched, evidence: status === 'missed' ? [] : pickEvidence(signals, carriers) };
}

/** Greedy cover: the sentences that add the most unseen concepts, at most three, in text order. */
function pickEvidence(signals: CompiledCoverage, carriers: readonly AnalysedSentence[]): AnalysedSentence[] {
  const keys = signals.concepts.map((c) => c.key);
  const seen = new Set<number>();
  const chosen: AnalysedSentence[] = [];
  while (chosen.length < 3) {
    let best: AnalysedSentence | undefined;
    let gain = 0;
    for (const s of carriers) {
      if (chosen.includes(s)) continue;
      let g = s.reasoning ? 0.5 : 0;
      for (const k of keys) if (s.keys.has(k) && !seen.has(k)) g++;
      if (g > gain) {
        gain = g;
        best = s;
      }
    }
    if (!best || gain < 1) break;
    chosen.push(best);
    for (const k of keys) if (best.keys.has(k)) seen.add(k);
  }
  return chosen.sort((a, b) => a.index - b.index);
}
