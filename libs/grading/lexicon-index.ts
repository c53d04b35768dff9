import {
  CAUSAL_CUES,
  DENIAL_CUES,
  DIMENSION_CUES,
  FUNCTION_WORDS,
  META_CUES,
  NEGATION_CUES,
  NON_ANSWER_PHRASES,
  OTHER_SENSES,
  REASONING_CUES,
  REFUTATION_CUES,
} from './lexicons.js';
import { porterStem } from './tokeniser.js';

/**
 * The grader's lexicons, keyed once (read-only data derived from `lexicons.ts`). Their terms are added to every compiled
 * question's index (above `LEXICON_KEY_OFFSET`) so one scan per sentence finds both.
 */
export interface LexiconIndex {
  /** Reasoning cues that set a condition or a contrast ("if", "but"). */
  readonly reasoningKey: number;
  /** Reasoning cues that give a cause or a purpose ("because", "to avoid"): a reason the candidate can see. */
  readonly causalKey: number;
  readonly nonAnswerKey: number;
  readonly negationKey: number;
  /** Talk about the answer, the grade or the rubric rather than the design. */
  readonly metaKey: number;
  /** "without", "no": with the negations, what denies the word after it. */
  readonly denialKey: number;
  /** "impossible", "isn't": the sentence refutes a claim rather than making it. */
  readonly refutationKey: number;
  /** A phrase in which a rubric word has another sense (`OTHER_SENSES`). */
  readonly otherSenseKey: number;
  /** Cue key → the dimension it is evidence for. */
  readonly dimensionOfKey: ReadonlyMap<number, string>;
  readonly functionStems: ReadonlySet<string>;
  /** Every (term, key) pair, so a question's index can carry the lexicon too (one scan per sentence). */
  readonly entries: readonly (readonly [string, number])[];
}

/** Lexicon keys live above this offset inside a compiled question's index. */
export const LEXICON_KEY_OFFSET = 1 << 20;

const LEXICON: LexiconIndex = build();

export function lexiconIndex(): LexiconIndex {
  return LEXICON;
}

function build(): LexiconIndex {
  const entries: [string, number][] = [];
  const put = (term: string, key: number) => {
    entries.push([term, key]);
  };
  const reasoningKey = 0;
  const nonAnswerKey = 1;
  const causalKey = 6;
  const causal = new Set(CAUSAL_CUES);
  for (const cue of REASONING_CUES) put(cue, causal.has(cue) ? causalKey : reasoningKey);
  for (const phrase of NON_ANSWER_PHRASES) put(phrase, nonAnswerKey);
  const negationKey = 2;
  for (const cue of NEGATION_CUES) put(cue, negationKey);
  const metaKey = 3;
  for (const cue of META_CUES) put(cue, metaKey);
  const denialKey = 4;
  for (const cue of DENIAL_CUES) put(cue, denialKey);
  const refutationKey = 5;
  for (const cue of REFUTATION_CUES) put(cue, refutationKey);
  const otherSenseKey = 7;
  for (const phrase of OTHER_SENSES) put(phrase, otherSenseKey);
  const dimensionOfKey = new Map<number, string>();
  let next = 8;
  for (const [dimension, cues] of Object.entries(DIMENSION_CUES)) {
    for (const cue of cues) {
      const key = next++;
      dimensionOfKey.set(key, dimension);
      put(cue, key);
    }
  }
  const functionStems = new Set([...FUNCTION_WORDS].map(porterStem));
  return Object.freeze({
    reasoningKey,
    causalKey,
    nonAnswerKey,
    negationKey,
    metaKey,
    denialKey,
    refutationKey,
    otherSenseKey,
    dimensionOfKey,
    functionStems,
    entries: Object.freeze(entries.map((e) => Object.freeze(e))),
  });
}
