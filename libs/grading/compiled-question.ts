import type { CommonMistake, CoverageSignals, KeyPoint, Question } from '#libs/content';
import { readExplanation, type ExplanationStance } from './explanation-check.js';
import { LEXICON_KEY_OFFSET, lexiconIndex } from './lexicon-index.js';
import { MISCONCEPTIONS, type Misconception } from './misconceptions.js';
import { TermIndex } from './term-index.js';
import type { Tokeniser } from './tokeniser.js';

/** Coverage signals with every concept turned into a numeric key of the question's index. */
export interface CompiledCoverage {
  readonly concepts: readonly { readonly id: string; readonly key: number }[];
  readonly minConcepts: number;
  readonly required: readonly number[];
  readonly requireReasoning: boolean;
  /** A capacity estimate: covered only with a number in its evidence (`judgeCoverage`). */
  readonly requireNumbers: boolean;
}

export interface CompiledKeyPoint {
  readonly keyPoint: KeyPoint;
  readonly signals: CompiledCoverage;
  /** Key terminology entries that share words with the point's concepts (what to study next). */
  readonly terminology: readonly string[];
  /** What the point's explanation says, for answers that contradict it (null: the point has none). */
  readonly stance: ExplanationStance | null;
}

export interface CompiledClaim {
  readonly groups: readonly number[];
  readonly unless: number | null;
  /** The claim is itself a denial: a negation in the sentence does not reject it. */
  readonly negated: boolean;
  /** Safeguards the sentence must deny ("… so we don't need dedup"), or null. */
  readonly denies: number | null;
}

export interface CompiledMisconception {
  readonly misconception: Misconception;
  readonly claims: readonly CompiledClaim[];
}

export interface CompiledMistake {
  readonly mistake: CommonMistake;
  readonly absent: CompiledCoverage | null;
  /** For an absent topic about a practice: the key of the terms that show the answer takes it up (`appliesWhen`). */
  readonly appliesWhen: number | null;
  readonly claims: readonly CompiledClaim[];
}

/** Everything the rubric grader needs about one question version, built once. */
export interface CompiledQuestion {
  readonly question: Question;
  readonly version: string;
  readonly terms: TermIndex;
  readonly keyPoints: readonly CompiledKeyPoint[];
  readonly mistakes: readonly CompiledMistake[];
  /** The general misconceptions (misconceptions.ts), matched like wrong claims. */
  readonly misconceptions: readonly CompiledMisconception[];
  /** The key of the first part of every misconception claim → the misconceptions (by index, ascending) with such a claim. */
  readonly misconceptionsByFirstPart: ReadonlyMap<number, readonly number[]>;
  /** Content stems of the whole rubric (terms, terminology, prompt, reference answer). */
  readonly vocabulary: ReadonlySet<string>;
  /** The rubric's hyphenated ids (key points, mistakes): no candidate has a reason to write one. */
  readonly rubricIds: readonly string[];
  /**
   * The rubric's own sentences (key point and mistake texts, their opening verb left out), each as a pattern over the
   * folded answer: no candidate has a reason to reproduce one word for word either (`RUBRIC_ECHO_WORDS`).
   */
  readonly rubricEchoes: readonly RegExp[];
  /** Numbers stated in the prompt; repeating them is not an estimate. */
  readonly promptNumbers: ReadonlySet<string>;
  /**
   * Per signal key: `CONCEPT_KEY` for a coverage concept, `WRONG_CLAIM_KEY` for a part of the rubric's wrong claims,
   * 0 for the grader's own words (misconception phrases, qualifiers, denied safeguards), which are not rubric terms.
   */
  readonly keyKinds: Uint8Array;
}

export const CONCEPT_KEY = 1;
export const WRONG_CLAIM_KEY = 2;

/**
 * A question's signal keys are numbered from 0 in one index with the lexicon's keys, which start at
 * `LEXICON_KEY_OFFSET`: a question can have at most this many.
 */
const MAX_QUESTION_KEYS = LEXICON_KEY_OFFSET;

/**
 * Compiles a question version for `tokeniser` (its terms get that tokeniser's term ids, so the compilation matches
 * only its tokens). `GraderEngine.compile` caches compilations by version.
 */
export function compileQuestion(tokeniser: Tokeniser, question: Question, version: string): CompiledQuestion {
  const terms = new TermIndex(tokeniser, lexiconIndex().functionStems);
  let next = 0;
  const conceptKeys: number[] = [];
  const wrongClaimParts: number[] = [];
  const coverage = (signals: CoverageSignals, requireNumbers = false): CompiledCoverage => {
    const concepts = signals.concepts.map((c) => {
      const key = next++;
      conceptKeys.push(key);
      for (const term of c.terms) terms.add(term, key);
      return { id: c.id, key };
    });
    const keyOf = new Map(concepts.map((c) => [c.id, c.key]));
    return {
      concepts,
      minConcepts: signals.minConcepts,
      required: (signals.required ?? []).map((id) => keyOf.get(id) ?? -1),
      requireReasoning: signals.requireReasoning,
      requireNumbers,
    };
  };
  /** One key for all of `words` (qualifiers, denied safeguards, practices): the grader's words, not rubric terms. */
  const anyOf = (words: readonly string[] | undefined): number | null => {
    if (!words || words.length === 0) return null;
    const key = next++;
    for (const term of words) terms.add(term, key);
    return key;
  };
  const claim = (
    pattern: {
      readonly allOf: readonly (readonly string[])[];
      readonly unless?: readonly string[] | undefined;
      readonly negated?: boolean;
      readonly denies?: readonly string[] | undefined;
    },
    exactOnly = false,
  ): CompiledClaim => {
    const groups = pattern.allOf.map((group) => {
      const key = next++;
      for (const term of group) terms.add(term, key, exactOnly);
      return key;
    });
    const unless = anyOf(pattern.unless);
    return { groups, unless, negated: pattern.negated ?? false, denies: anyOf(pattern.denies) };
  };
  const keyPoints = question.keyPoints.map((keyPoint) => ({
    keyPoint,
    // An estimate is made of numbers: naming the load, the storage and the latency sizes nothing.
    signals: coverage(keyPoint.signals, keyPoint.dimension === 'capacity-estimation'),
    terminology: relatedTerminology(tokeniser, question, keyPoint),
    stance: keyPoint.explanation === undefined ? null : readExplanation(keyPoint.explanation),
  }));
  const mistakes = question.commonMistakes.map((mistake): CompiledMistake => {
    if (mistake.shows.type === 'absent-topic') {
      return { mistake, absent: coverage(mistake.shows.signals), appliesWhen: anyOf(mistake.shows.appliesWhen), claims: [] };
    }
    const claims = mistake.shows.patterns.map((p) => claim(p));
    for (const c of claims) wrongClaimParts.push(...c.groups);
    return { mistake, absent: null, appliesWhen: null, claims };
  });
  const misconceptions = MISCONCEPTIONS.map((misconception) => ({ misconception, claims: misconception.claims.map((p) => claim(p, true)) }));
  if (next > MAX_QUESTION_KEYS) {
    throw new Error(
      `question ${question.id}@${version} needs ${next} signal keys; at most MAX_QUESTION_KEYS (${MAX_QUESTION_KEYS}) fit below the lexicon's`,
    );
  }
  const keyKinds = new Uint8Array(next);
  for (const key of conceptKeys) keyKinds[key] = CONCEPT_KEY;
  for (const key of wrongClaimParts) keyKinds[key] = WRONG_CLAIM_KEY;
  // The grader's lexicon shares the index (keys above LEXICON_KEY_OFFSET): one scan per sentence.
  for (const [term, key] of lexiconIndex().entries) terms.add(term, LEXICON_KEY_OFFSET + key, true);
  return {
    question,
    version,
    terms,
    keyPoints,
    mistakes,
    misconceptions,
    misconceptionsByFirstPart: firstPartIndex(misconceptions),
    rubricIds: [...question.keyPoints, ...question.commonMistakes].map((x) => x.id).filter((id) => id.includes('-')),
    rubricEchoes: [...question.keyPoints, ...question.commonMistakes].flatMap((x) => rubricEcho(x.text) ?? []),
    vocabulary: questionVocabulary(tokeniser, question),
    promptNumbers: new Set(question.prompt.match(/\d+(?:[.,]\d+)?/g) ?? []),
    keyKinds,
  };
}

/**
 * How many words of a rubric sentence, in order, make a copy of it: a natural answer that says the same thing in
 * its own words shares a few, never a whole run this long. Shorter rubric sentences are not matched.
 */
const RUBRIC_ECHO_WORDS = 7;

/** A rubric sentence without its opening verb ("Uses …", "Clarifies …") as a pattern over folded text, if long enough. */
function rubricEcho(text: string): RegExp | null {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const tail = words.slice(1);
  if (tail.length < RUBRIC_ECHO_WORDS) return null;
  return new RegExp(`(?<![a-z0-9])${tail.join('[^a-z0-9]+')}(?![a-z0-9])`, 'g');
}

/** Per claim's first part: the misconceptions (by index) with such a claim (`findMisconceptions` reads it). */
function firstPartIndex(misconceptions: readonly CompiledMisconception[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  misconceptions.forEach((m, i) => {
    for (const claim of m.claims) {
      const key = claim.groups[0] ?? -1;
      const list = index.get(key) ?? [];
      if (!list.includes(i)) list.push(i);
      index.set(key, list);
    }
  });
  return index;
}

function relatedTerminology(tokeniser: Tokeniser, question: Question, keyPoint: KeyPoint): string[] {
  const words = [...keyPoint.signals.concepts.flatMap((c) => [c.id.replace(/-/g, ' '), ...c.terms])];
  const stems = new Set(words.flatMap((w) => tokeniser.normaliseWords(w)).filter(isContentStem));
  return question.keyTerminology.filter((t) => tokeniser.normaliseWords(t).some((s) => stems.has(s)));
}

/** The content stems a question's own answers are made of. */
export function questionVocabulary(tokeniser: Tokeniser, question: Question): Set<string> {
  const texts = [
    question.title,
    question.prompt,
    question.answerFramework,
    question.referenceAnswer,
    ...question.topics,
    ...question.keyTerminology,
    ...question.howToAnswer,
    ...question.keyPoints.flatMap((kp) => [kp.text, kp.probe, ...kp.signals.concepts.flatMap((c) => c.terms)]),
    ...question.commonMistakes.map((m) => m.text),
  ];
  const vocabulary = new Set<string>();
  for (const text of texts) {
    for (const s of tokeniser.normaliseWords(text)) if (isContentStem(s)) vocabulary.add(s);
  }
  return vocabulary;
}

/** A stem that carries topic: not filler, not a bare number, not a one- or two-letter scrap. */
export function isContentStem(stem: string): boolean {
  return stem.length >= 3 && !/^\d/.test(stem) && !lexiconIndex().functionStems.has(stem);
}
