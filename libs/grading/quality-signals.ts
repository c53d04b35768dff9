import type { AnalysedSentence } from './answer-analysis.js';
import type { CompiledQuestion } from './compiled-question.js';
import { lexiconIndex } from './lexicon-index.js';
import { DIMENSION_CUE_TARGET } from './lexicons.js';
import type { FoldedText } from './text-normaliser.js';

/** Answer-wide signals of how well the candidate explains, from credited sentences only. */
export interface QualitySignals {
  /** 0..1 per dimension id: generic evidence for what its descriptors reward. */
  readonly cueStrength: ReadonlyMap<string, number>;
  /** Sentences that give a reason (because, so that, trade-off, if …). */
  readonly reasonedSentences: number;
  readonly creditedSentences: number;
  readonly contentTokens: number;
  /** Estimates the candidate made (numbers with units or arithmetic, not the prompt's). */
  readonly estimates: number;
}

const NUMBER = /(?<![a-z0-9])(\d+(?:[.,]\d+)*)\s*(k|m|b|million|billion|thousand|gb|tb|mb|kb|pb|bytes?|\/s|per|qps|rps|%|x|ms|s|rows|events|requests|messages|users|nodes|servers|pods|series)?(?![a-z])/g;
const ARITHMETIC = /\d\s*(x|\*|×|\/)\s*\d|[=≈~]\s*\d|\d\s*(x|times)\b/;
const DIGIT = /\d/;

export function qualitySignals(
  compiled: CompiledQuestion,
  folded: FoldedText,
  credited: readonly AnalysedSentence[],
): QualitySignals {
  const lexicon = lexiconIndex();
  const distinct = new Map<string, Set<number>>();
  let reasonedSentences = 0;
  let contentTokens = 0;
  const numbers = new Set<string>();
  let arithmetic = 0;
  for (const s of credited) {
    if (s.reasoning) reasonedSentences++;
    contentTokens += s.tokenEnd - s.tokenStart - s.functionWords;
    for (const key of s.cues) {
      const dimension = lexicon.dimensionOfKey.get(key);
      if (!dimension) continue;
      const set = distinct.get(dimension) ?? new Set<number>();
      set.add(key);
      distinct.set(dimension, set);
    }
    const text = folded.text.slice(s.foldedStart, s.foldedEnd);
    if (!DIGIT.test(text)) continue;
    for (const m of text.matchAll(NUMBER)) {
      const value = m[1] ?? '';
      if (!compiled.promptNumbers.has(value) && (m[2] !== undefined || value.length >= 3)) numbers.add(`${value}${m[2] ?? ''}`);
    }
    if (ARITHMETIC.test(text)) arithmetic++;
  }
  const estimates = numbers.size + Math.min(arithmetic, 4);
  const cueStrength = new Map<string, number>();
  for (const [dimension, keys] of distinct) {
    cueStrength.set(dimension, Math.min(1, keys.size / (DIMENSION_CUE_TARGET[dimension] ?? 5)));
  }
  cueStrength.set('capacity-estimation', Math.min(1, estimates / 8));
  return { cueStrength, reasonedSentences, creditedSentences: credited.length, contentTokens, estimates };
}
