import type { Question } from '#libs/content';
import { AnalysisCache } from './analysis-cache.js';
import { analyseAnswer, type AnswerAnalysis } from './answer-analysis.js';
import { CodeUnits } from './code-units.js';
import { compileQuestion, type CompiledQuestion } from './compiled-question.js';
import type { FoldMemo } from './confusable-fold.js';
import { RepeatFinder } from './repeat-finder.js';
import { RoundMarks } from './round-marks.js';
import { Tokeniser } from './tokeniser.js';
import { TopicMatcher } from './topic-matcher.js';

/** Compilations an engine keeps (least recently compiled dropped first): far more than the content's question versions. */
const MAX_COMPILED_QUESTIONS = 512;

/**
 * Scratch buffers one analysis reuses (the grader is synchronous: one answer at a time per engine), so no sentence
 * allocates sets or buffers of its own. Contents are meaningless between calls.
 */
export class AnalysisScratch {
  /** Token positions already counted in a sentence. */
  readonly marks = new RoundMarks();
  readonly repeats = new RepeatFinder();
  /** Per token of a sentence: inside a rubric term's hit, a reasoning cue's, or neither (`answer-analysis.ts`). */
  tokenMarks = new Uint8Array(64);
  /** Cue keys already counted in an answer (`qualitySignals`). */
  readonly cueMarks = new RoundMarks();
  /** The folded text's code units, for the sentence splitter. */
  readonly sentenceUnits = new CodeUnits();
}

/**
 * Everything the offline rubric grader learns and reuses while it grades, in one object that a `RubricGrader`
 * creates and owns: the tokeniser's tables (word memo, stem and term ids), folds of non-ASCII characters, compiled
 * question versions, analyses of earlier turns, the corpus's topic index and scratch buffers. No module of
 * libs/grading holds state of its own, so two graders built over different content in one process cannot change
 * each other's grades; a grade stays a pure function of its input and the grader's corpus.
 *
 * Not re-entrant (each call runs to completion, synchronously); not shared between graders.
 */
export class GraderEngine {
  readonly tokeniser = new Tokeniser();
  /** Folds of the non-ASCII code points met so far. */
  readonly folds: FoldMemo = new Map();
  readonly scratch = new AnalysisScratch();
  readonly topics: TopicMatcher;
  private readonly compiled = new Map<string, CompiledQuestion>();
  private readonly analyses = new AnalysisCache((compiled, text) => this.analyse(compiled, text));

  /** `corpus`: every question of the content, for the off-topic check ("which question is this about?"). */
  constructor(corpus: Iterable<Question> = []) {
    this.topics = new TopicMatcher(this.tokeniser, corpus);
  }

  /** The compilation of a question version (compiled once, then cached by id and version). */
  compile(question: Question, version: string): CompiledQuestion {
    const cacheKey = `${question.id}@${version}`;
    const hit = this.compiled.get(cacheKey);
    if (hit && hit.question === question) return hit;
    const compiled = compileQuestion(this.tokeniser, question, version);
    if (this.compiled.size >= MAX_COMPILED_QUESTIONS) this.compiled.delete(this.compiled.keys().next().value ?? '');
    this.compiled.set(cacheKey, compiled);
    return compiled;
  }

  /** Reads one answer against a compilation of this engine. */
  analyse(compiled: CompiledQuestion, text: string): AnswerAnalysis {
    return analyseAnswer(this, compiled, text);
  }

  /** The analysis of an earlier turn, from the cache when this text was analysed before. */
  cachedAnalysis(compiled: CompiledQuestion, text: string): AnswerAnalysis {
    return this.analyses.get(compiled, text);
  }

  /** Keeps a graded answer's analysis: in a session it is the next grade's history. */
  rememberAnalysis(compiled: CompiledQuestion, text: string, analysis: AnswerAnalysis): void {
    this.analyses.put(compiled, text, analysis);
  }
}
