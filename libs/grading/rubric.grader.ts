import type { Question } from '#libs/content';
import { cachedAnalysis, rememberAnalysis } from './analysis-cache.js';
import { analyseAnswer, type AnalysedSentence, type AnswerAnalysis } from './answer-analysis.js';
import { compileQuestion, type CompiledQuestion } from './compiled-question.js';
import { computeOverall } from './compute-overall.js';
import { judgeCoverage, SentenceKeys, type CoverageResult } from './coverage-judge.js';
import { scoreDimensions } from './dimension-scorer.js';
import { writeFeedback } from './feedback-writer.js';
import type { Grade, GradeFlag, KeyPointGrade, MistakeGrade } from './grade.schema.js';
import type { GradeInput, Grader } from './grader.port.js';
import { gradingScope } from './grading-scope.js';
import { lexiconIndex } from './lexicon-index.js';
import { findMisconceptions, judgeMistake, type MistakeResult } from './mistake-judge.js';
import { qualitySignals } from './quality-signals.js';
import { TopicMatcher } from './topic-matcher.js';

export interface RubricGraderOptions {
  /** Every question of the content; lets off-topic detection ask "which question is this about?". */
  readonly corpus?: Iterable<Question>;
  /** Clock for `latencyMs` only (injected so tests can pin it); nothing else reads time. */
  readonly now?: () => number;
}

const MAX_QUOTE = 300;

/**
 * The offline, deterministic grader: the rubric's signals matched on normalised text,
 * sentence by sentence, with injected passages, repeats and keyword lists excluded before
 * anything is credited. Same input, same grade (apart from `latencyMs`).
 */
export class RubricGrader implements Grader {
  readonly name = 'rubric' as const;
  private readonly topics: TopicMatcher;
  private readonly now: () => number;

  constructor(options: RubricGraderOptions = {}) {
    this.topics = new TopicMatcher(options.corpus ?? []);
    this.now = options.now ?? (() => performance.now());
  }

  async grade(input: GradeInput, signal?: AbortSignal): Promise<Grade> {
    signal?.throwIfAborted();
    return this.gradeSync(input);
  }

  /** The same grade, synchronously (the eval and the benchmark call this in a loop). */
  gradeSync(input: GradeInput): Grade {
    const started = this.now();
    const compiled = compileQuestion(input.question, input.questionVersion);
    const scope = gradingScope(input);
    const answer = analyseAnswer(compiled, input.answer);
    // Earlier turns are the same text grade after grade: their analyses are cached.
    const history = input.history
      .filter((turn) => turn.role === 'candidate')
      .flatMap((turn) => soundSentences(compiled, cachedAnalysis(compiled, turn.text).credited));
    // A phase grade is a live session's: this answer is the next grade's history.
    if (input.scope !== 'session') rememberAnalysis(compiled, input.answer, answer);

    // A sentence that names the right concepts while getting them wrong earns nothing.
    const wrong = findMisconceptions(compiled.misconceptions, answer.sentences.filter((s) => !s.duplicate));
    const sound = soundSentences(compiled, answer.credited, wrong);
    const credited = new SentenceKeys(sound);
    let keyPoints = new Map(compiled.keyPoints.map((k) => [k.keyPoint.id, judgeCoverage(k.signals, credited)]));
    const flags = this.flagsFor(compiled, answer, keyPoints);
    const nothingToCredit = flags.includes('non_answer') || flags.includes('off_topic');
    if (nothingToCredit) keyPoints = new Map([...keyPoints.keys()].map((id) => [id, MISSED]));

    const claimable = answer.sentences.filter((s) => !s.injected && !s.duplicate);
    const creditable = nothingToCredit ? [] : sound;
    let saidSoFar: SentenceKeys | undefined;
    const said = () => (saidSoFar ??= new SentenceKeys([...history, ...creditable]));
    const mistakes = new Map(
      compiled.mistakes.map((m) => {
        const due = scope.dueMistakes.has(m.mistake.id);
        return [m.mistake.id, judgeMistake(m, due, claimable, said)] as const;
      }),
    );
    const quality = qualitySignals(compiled, answer.folded, creditable);
    // A point of an earlier phase that earlier turns covered stays covered: a later answer is not marked down for
    // not repeating it. (This phase's points are this answer's to show.)
    const earlier = history.length > 0 ? new SentenceKeys(history) : null;
    const phaseId = input.question.phases[scope.phaseIndex]?.id;
    const coveredBefore = new Set(
      earlier
        ? compiled.keyPoints.filter((k) => k.keyPoint.phase !== phaseId && judgeCoverage(k.signals, earlier).status === 'covered').map((k) => k.keyPoint.id)
        : [],
    );
    const quote = (s: AnalysedSentence) => answer.source.slice(s.start, s.end).trim();
    const dimensions = scoreDimensions({ compiled, scope, keyPoints, coveredBefore, mistakes, misconceptions: wrong, quality, nothingToCredit, credited: creditable, quote });
    const graded = {
      keyPoints: compiled.keyPoints.map((k) => keyPointGrade(k.keyPoint.id, keyPoints.get(k.keyPoint.id) ?? MISSED, answer)),
      mistakes: compiled.mistakes.map((m) => mistakeGrade(m.mistake.id, mistakes.get(m.mistake.id), answer)),
    };
    const overall = computeOverall(dimensions, input.role, input.question);
    return {
      questionId: input.question.id,
      phaseId: input.question.phases[scope.phaseIndex]?.id ?? input.phaseId,
      keyPoints: graded.keyPoints,
      mistakes: graded.mistakes,
      dimensions,
      overall,
      feedback: writeFeedback({ compiled, role: input.role, scope, answer, said: credited, keyPoints, coveredBefore, mistakes, misconceptions: wrong, graded, dimensions, overall, flags }),
      flags,
      provenance: {
        grader: 'rubric',
        model: null,
        rubricVersion: input.questionVersion,
        promptVersion: input.promptVersion,
        tokens: { prompt: 0, cached: 0, completion: 0 },
        latencyMs: Math.max(0, this.now() - started),
      },
    };
  }

  private flagsFor(compiled: CompiledQuestion, answer: AnswerAnalysis, keyPoints: ReadonlyMap<string, CoverageResult>): GradeFlag[] {
    const flags: GradeFlag[] = [];
    if (answer.injection.suspected) flags.push('injection_suspected');
    const listed = answer.sentences.filter((s) => s.listLike && !s.injected && !s.duplicate);
    const listedTerms = listed.reduce((n, s) => n + s.termCount, 0);
    const creditedTerms = answer.credited.reduce((n, s) => n + s.termCount, 0);
    const stuffing = listedTerms >= 4 && listedTerms >= creditedTerms;
    if (stuffing) flags.push('keyword_stuffing');
    const statuses = [...keyPoints.values()].map((r) => r.status);
    const progress = statuses.filter((s) => s === 'covered').length * 2 + statuses.filter((s) => s === 'partial').length;
    const refusal = answer.credited.some((s) => s.cues.includes(lexiconIndex().nonAnswerKey));
    if (!stuffing && (answer.contentTokens < 6 || (refusal && answer.contentTokens < 25 && progress === 0))) {
      flags.push('non_answer');
    } else if (progress <= 1 && this.topics.judge(compiled.question.id, compiled.vocabulary, answer.tokens, answer.credited).offTopic) {
      flags.push('off_topic');
    }
    return flags;
  }
}

const MISSED: CoverageResult = { status: 'missed', evidence: [] };

/** The sentences that assert no misconception (those found already, or found now). */
function soundSentences(compiled: CompiledQuestion, sentences: readonly AnalysedSentence[], found = findMisconceptions(compiled.misconceptions, sentences)): AnalysedSentence[] {
  const wrong = new Set(found.map((f) => f.sentence));
  return wrong.size === 0 ? [...sentences] : sentences.filter((s) => !wrong.has(s));
}

function keyPointGrade(id: string, result: CoverageResult, answer: AnswerAnalysis): KeyPointGrade {
  return { id, status: result.status, evidence: quotes(result.evidence, answer) };
}

function mistakeGrade(id: string, result: MistakeResult | undefined, answer: AnswerAnalysis): MistakeGrade {
  return { id, status: result?.present ? 'present' : 'absent', evidence: quotes(result?.evidence ?? [], answer) };
}

/** Exact substrings of the original answer, trimmed and capped at a word boundary. */
function quotes(sentences: readonly AnalysedSentence[], answer: AnswerAnalysis): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    let quote = answer.source.slice(s.start, s.end).trim();
    if (quote.length > MAX_QUOTE) {
      const cut = quote.lastIndexOf(' ', MAX_QUOTE);
      quote = quote.slice(0, cut > 40 ? cut : MAX_QUOTE).trimEnd();
    }
    if (quote && !out.includes(quote)) out.push(quote);
  }
  return out;
}
