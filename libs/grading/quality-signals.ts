import type { AnalysedSentence } from './answer-analysis.js';
import type { CompiledQuestion } from './compiled-question.js';
import { lexiconIndex } from './lexicon-index.js';
import { DIMENSION_CUE_TARGET } from './lexicons.js';
import type { RoundMarks } from './round-marks.js';
import type { FoldedText } from './text-normaliser.js';

/**
 * Answer-wide signals of how well the candidate explains, from credited sentences only. Reasons, substance and the
 * dimensions' cues count only in sentences about this design (`aboutTheDesign`): prose about user experience,
 * collaboration or "no one-size-fits-all answer" gives reasons and length, but no depth here.
 */
export interface QualitySignals {
  /** 0..1 per dimension id: generic evidence for what its descriptors reward. */
  readonly cueStrength: ReadonlyMap<string, number>;
  /** Sentences about the design that give a reason (because, so that, trade-off, if …). */
  readonly reasonedSentences: number;
  readonly creditedSentences: number;
  /** Content words of the sentences about the design. */
  readonly contentTokens: number;
  /** Estimates the candidate made (numbers with units or arithmetic, not the prompt's). */
  readonly estimates: number;
}

const NUMBER =
  /(?<![a-z0-9])(\d+(?:[.,]\d+)*)\s*(k|m|b|million|billion|thousand|gb|tb|mb|kb|pb|bytes?|\/s|per|qps|rps|%|x|ms|s|rows|events|requests|messages|users|nodes|servers|pods|series)?(?![a-z])/g;
const ARITHMETIC = /\d\s*(x|\*|×|\/)\s*\d|[=≈~]\s*\d|\d\s*(x|times)\b/;
const DIGIT = /\d/g;
/**
 * A sentence about this design names one of the rubric's terms or states a number (a target, a volume, an estimate:
 * what scoping talk is made of before any component is named).
 */
export function aboutTheDesign(s: AnalysedSentence): boolean {
  return s.termCount > 0 || s.hasNumber;
}

/** `cueMarks`: scratch marks (the grader engine's), for the cue keys already counted in this answer. */
export function qualitySignals(
  compiled: CompiledQuestion,
  folded: FoldedText,
  credited: readonly AnalysedSentence[],
  cueMarks: RoundMarks,
): QualitySignals {
  const lexicon = lexiconIndex();
  // Distinct cue keys (each belongs to one dimension), in first-seen order.
  const cues: number[] = [];
  const round = cueMarks.next();
  let reasonedSentences = 0;
  let contentTokens = 0;
  const numbers = new Set<string>();
  let arithmetic = 0;
  const text = folded.text;
  // Offset of the first digit at or after the last sentence read (sentences come in text order).
  let digit = -1;
  for (const s of credited) {
    if (aboutTheDesign(s)) {
      if (s.reasoning) reasonedSentences++;
      contentTokens += s.tokenEnd - s.tokenStart - s.functionWords;
      for (let c = 0; c < s.cues.length; c++) {
        const key = s.cues[c] ?? 0;
        if (cueMarks.mark(key, round)) cues.push(key);
      }
    }
    if (digit < s.foldedStart) {
      DIGIT.lastIndex = s.foldedStart;
      digit = DIGIT.exec(text)?.index ?? text.length;
    }
    if (digit >= s.foldedEnd) continue;
    const sentence = text.slice(s.foldedStart, s.foldedEnd);
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(sentence); m !== null; m = NUMBER.exec(sentence)) {
      const value = m[1] ?? '';
      if (!compiled.promptNumbers.has(value) && (m[2] !== undefined || value.length >= 3)) numbers.add(`${value}${m[2] ?? ''}`);
    }
    if (ARITHMETIC.test(sentence)) arithmetic++;
  }
  const estimates = numbers.size + Math.min(arithmetic, 4);
  const distinct = new Map<string, number>();
  for (const key of cues) {
    const dimension = lexicon.dimensionOfKey.get(key);
    if (dimension) distinct.set(dimension, (distinct.get(dimension) ?? 0) + 1);
  }
  const cueStrength = new Map<string, number>();
  for (const [dimension, count] of distinct) {
    cueStrength.set(dimension, Math.min(1, count / (DIMENSION_CUE_TARGET[dimension] ?? 5)));
  }
  cueStrength.set('capacity-estimation', Math.min(1, estimates / 8));
  return { cueStrength, reasonedSentences, creditedSentences: credited.length, contentTokens, estimates };
}
