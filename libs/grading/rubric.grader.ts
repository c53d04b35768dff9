import type { LoadedQuestion, Question } from '#libs/content';
import { boardCredit, type BoardCredit } from './board-credit.js';
import { boardFindingLines } from './board-feedback.js';
import { boardMistakes } from './board-mistakes.js';
import { readBoard } from './board-reading.js';
import type { AnalysedSentence, AnswerAnalysis } from './answer-analysis.js';
import type { CompiledKeyPoint, CompiledQuestion } from './compiled-question.js';
import { computeOverall } from './compute-overall.js';
import { credited, fillerOf, keywordList, paddingOf, type Credibility } from './credibility.js';
import { judgeCoverage, SentenceKeys, type CoverageResult, type CoverageStatus } from './coverage-judge.js';
import { scoreDimensions } from './dimension-scorer.js';
import { writeFeedback } from './feedback-writer.js';
import type { DiagramEvidenceGrade } from './diagram-evidence.schema.js';
import type { DimensionScore, Grade, GradeFlag, KeyPointGrade, MistakeGrade } from './grade.schema.js';
import type { GradeInput, Grader } from './grader.port.js';
import { gradingScope, type GradingScope } from './grading-scope.js';
import { lexiconIndex } from './lexicon-index.js';
import { MainTopics } from './main-topic.js';
import { assertsClaim, claimsMade, findMisconceptions, judgeMistake, type FoundMisconception, type MistakeResult } from './mistake-judge.js';
import { OVERCLAIM } from './overclaims.js';
import { GraderEngine } from './grader-engine.js';
import { contradictingEvidence, taintedEvidence } from './tainted-evidence.js';
import { qualitySignals } from './quality-signals.js';

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
 * anything is credited. Same input, same grade (apart from `latencyMs`). Everything it
 * learns while grading (word tables, compilations, caches) lives in its own `GraderEngine`,
 * so graders over different content never affect each other.
 */
export class RubricGrader implements Grader {
  readonly name = 'rubric' as const;
  private readonly engine: GraderEngine;
  private readonly now: () => number;

  constructor(options: RubricGraderOptions = {}) {
    this.engine = new GraderEngine(options.corpus ?? []);
    this.now = options.now ?? (() => performance.now());
  }

  /** Compiles these questions' current versions now, so the first answer to each does not wait for it (~10 ms each). */
  prepare(questions: Iterable<LoadedQuestion>): void {
    for (const question of questions) this.engine.compile(question, question.version);
  }

  async grade(input: GradeInput, signal?: AbortSignal): Promise<Grade> {
    signal?.throwIfAborted();
    return this.gradeSync(input);
  }

  /** The same grade, synchronously (the eval and the benchmark call this in a loop). */
  gradeSync(input: GradeInput): Grade {
    const started = this.now();
    const engine = this.engine;
    const compiled = engine.compile(input.question, input.questionVersion);
    const scope = gradingScope(input);
    const answer = engine.analyse(compiled, input.answer);
    // Earlier turns are the same text grade after grade: their analyses are cached. Each turn keeps its phase.
    const earlierTurns = input.history
      .filter((turn) => turn.role === 'candidate')
      .map((turn) => ({ phaseId: turn.phaseId, ...judgedTurn(compiled, engine.cachedAnalysis(compiled, turn.text)) }));
    const history = earlierTurns.flatMap((turn) => turn.sentences);
    // A phase grade is a live session's: this answer is the next grade's history.
    if (input.scope !== 'session') engine.rememberAnalysis(compiled, input.answer, answer);

    // A sentence that names the right concepts while getting them wrong earns nothing.
    const wrong = findMisconceptions(
      compiled,
      answer.sentences.filter((s) => !s.duplicate),
      answer.source,
    );
    const unsound = unsoundSentences(
      compiled,
      answer.sentences.filter((s) => !s.injected && !s.duplicate),
      wrong,
    );
    const sound = answer.credited.filter((s) => !unsound.has(s));
    const soundKeys = new SentenceKeys(sound);
    const claimable = answer.sentences.filter((s) => !s.injected && !s.duplicate);
    // The question's own wrong claims: judged whenever made, whatever the phase (grading-scope.ts).
    const claimed = claimsMade(compiled.mistakes, claimable);
    const credibility: Credibility = {
      wrongClaims: distinctWrongClaims(wrong, claimed),
      filler: fillerOf(answer.sentences, answer.source),
      listed: keywordList(answer),
    };
    // ... nor do the sentences around it earn the point it got wrong: its paragraph, or the whole answer once it
    // asserts two different misconceptions (a pattern of wrong understanding, not a slip). A list asserts nothing.
    // An overclaim earns nothing itself but says nothing wrong about a point: it taints no other sentence.
    const slip = new Set(wrong.filter((w) => w.misconception.id !== OVERCLAIM.id).map((w) => w.misconception.id)).size < 2;
    const claims = [...unsound].filter(([s]) => !s.listLike && !overclaimOnly(s, wrong));
    const { left: wrongly, wrongAbout, lastWord } = taintedEvidence(compiled.keyPoints, claims, sound, slip ? answer.source : null);
    const { left: contradicting, contradicted } = contradictingEvidence(compiled.keyPoints, sound, answer.source);
    const tainted = merged(wrongly, contradicting);
    const opening = openingSentences(input, scope, sound);
    // A question the candidate asks clarifies the opening phase; it asserts nothing a later phase's point needs.
    const asked = sound.filter((s) => answer.source.slice(s.start, s.end).trimEnd().endsWith('?'));
    const stated = asked.length > 0 ? sound.filter((s) => !asked.includes(s)) : sound;
    const evidenceFor = (k: CompiledKeyPoint): SentenceKeys => {
      const first = k.keyPoint.phase === input.question.phases[0]?.id;
      const pool = first ? (opening ?? sound) : stated;
      const out = tainted.get(k.keyPoint.id);
      if (pool === sound && !out) return soundKeys;
      return new SentenceKeys(out ? pool.filter((s) => !out.has(s)) : pool);
    };
    const topics = new MainTopics(compiled.keyPoints);
    let keyPoints = new Map(
      compiled.keyPoints.map((k) => {
        const said = evidenceFor(k);
        return [k.keyPoint.id, credited(k, said, topics.judge(k, said.sentences, judgeCoverage(k.signals, said)), credibility)];
      }),
    );
    const flags = this.flagsFor(compiled, answer, keyPoints);
    const nothingToCredit = flags.includes('non_answer') || flags.includes('off_topic');
    if (nothingToCredit) keyPoints = new Map([...keyPoints.keys()].map((id) => [id, MISSED]));
    // The board at the answer (rubrics/README.md, "Diagrams"): what it shows can complete a point the words began;
    // on its own it is at most partial. Its labels are screened like the answer.
    const board = readBoard(input.question, input.diagram);
    if (board && board.flagged.size > 0 && !flags.includes('injection_suspected')) flags.unshift('injection_suspected');
    const credits: ReadonlyMap<string, BoardCredit> =
      board && !nothingToCredit
        ? boardCredit({
            keyPoints: compiled.keyPoints,
            phaseIds: input.question.phases.map((p) => p.id),
            scope,
            reading: board,
            ...(input.diagram?.phaseId ? { boardPhaseId: input.diagram.phaseId } : {}),
            text: keyPoints,
          })
        : new Map();
    keyPoints = withBoard(keyPoints, credits);

    const creditable = nothingToCredit ? [] : sound;
    let saidSoundly: SentenceKeys | undefined;
    let saidAtAll: SentenceKeys | undefined;
    const said = {
      sound: () => (saidSoundly ??= new SentenceKeys([...history, ...creditable])),
      any: () => (saidAtAll ??= new SentenceKeys([...history, ...(nothingToCredit ? [] : answer.credited)])),
    };
    // Wrong claims first: a topic the answer got wrong in one of the question's own wrong claims was addressed, so its
    // absent-topic mistake does not fire beside the claim ("fails closed everywhere" is not "ignores store failure").
    const wrongClaims = [...claimed.values()].flatMap((r) => r.evidence);
    let saidOrClaimed: SentenceKeys | undefined;
    const addressed = {
      ...said,
      sound: () => (wrongClaims.length === 0 ? said.sound() : (saidOrClaimed ??= new SentenceKeys([...history, ...creditable, ...wrongClaims]))),
    };
    // A structural finding on the board whose check names a mistake shows that mistake, whatever the words say.
    const shownOnBoard = boardMistakes(board, scope.dueMistakes);
    const mistakes = new Map(
      compiled.mistakes.map((m) => {
        const judged = claimed.get(m.mistake.id) ?? judgeMistake(m, scope.dueMistakes.has(m.mistake.id), claimable, addressed);
        return [m.mistake.id, shownOnBoard.has(m.mistake.id) ? { ...judged, present: true } : judged] as const;
      }),
    );
    const quality = qualitySignals(compiled, answer.folded, creditable, engine.scratch.cueMarks);
    // A point that earlier turns covered stays covered: an earlier phase's point made in any earlier turn, and any
    // point an answer of an earlier phase made (a deep dive is not told it "never got to" the data model the design
    // answer described). This phase's own points, made only in an earlier turn of this same phase, stay each answer's
    // to show: the report keeps the phase's best answer. Each earlier turn is read on its own, as its own grade read
    // it (not beside a wrong claim about the point, only where it takes the point on): "covered before" is a point
    // one answer covered, so a dimension's "you covered" always has a Covered beside it in the report.
    const phaseId = input.question.phases[scope.phaseIndex]?.id;
    const inEarlierPhases = earlierTurns.filter((turn) => turn.phaseId !== undefined && turn.phaseId !== phaseId);
    const turnKeys = new Map<(typeof earlierTurns)[number], SentenceKeys>();
    const madeIn = (k: CompiledKeyPoint, turns: typeof earlierTurns): CoverageStatus => {
      let status: CoverageStatus = 'missed';
      for (const turn of turns) {
        const out = turn.tainted.get(k.keyPoint.id);
        let said = out ? new SentenceKeys(turn.sentences.filter((s) => !out.has(s))) : turnKeys.get(turn);
        if (!said) turnKeys.set(turn, (said = new SentenceKeys(turn.sentences)));
        status = best(status, credited(k, said, topics.judge(k, said.sentences, judgeCoverage(k.signals, said)), turn.credibility).status);
        if (status === 'covered') break;
      }
      return status;
    };
    const coveredBefore = new Set<string>();
    const partlyBefore = new Set<string>();
    for (const k of compiled.keyPoints) {
      const before = madeIn(k, k.keyPoint.phase !== phaseId ? earlierTurns : inEarlierPhases);
      if (before === 'covered') coveredBefore.add(k.keyPoint.id);
      else if (before === 'partial') partlyBefore.add(k.keyPoint.id);
    }
    const quote = (s: AnalysedSentence) => answer.source.slice(s.start, s.end).trim();
    const roleDimensions = input.role.sessions[input.question.kind].dimensions;
    const descriptor = (id: string, score: DimensionScore) => roleDimensions.find((d) => d.id === id)?.descriptors[score];
    const dimensions = scoreDimensions({
      compiled,
      scope,
      keyPoints,
      coveredBefore,
      partlyBefore,
      mistakes,
      misconceptions: wrong,
      wrongClaims: credibility.wrongClaims,
      quality,
      nothingToCredit,
      padding: paddingOf(credibility),
      credited: creditable,
      answered: answer.sentences.filter((s) => !s.injected && !s.duplicate).length,
      quote,
      descriptor,
    });
    const graded = {
      keyPoints: compiled.keyPoints.map((k) =>
        keyPointGrade(k.keyPoint.id, keyPoints.get(k.keyPoint.id) ?? MISSED, answer, credits.get(k.keyPoint.id)),
      ),
      mistakes: compiled.mistakes.map((m) => mistakeGrade(m.mistake.id, mistakes.get(m.mistake.id), answer, shownOnBoard.get(m.mistake.id))),
    };
    const overall = computeOverall(dimensions, input.role, input.question);
    return {
      questionId: input.question.id,
      phaseId: input.question.phases[scope.phaseIndex]?.id ?? input.phaseId,
      keyPoints: graded.keyPoints,
      mistakes: graded.mistakes,
      dimensions,
      overall,
      feedback: writeFeedback({
        compiled,
        role: input.role,
        scope,
        answer,
        said: soundKeys,
        keyPoints,
        coveredBefore,
        mistakes,
        misconceptions: wrong,
        wrongAbout,
        lastWord,
        contradicted,
        graded,
        dimensions,
        overall,
        flags,
        padding: paddingOf(credibility),
        boardLines: board ? boardFindingLines(board.evaluation.findings, input.question) : [],
      }),
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
    const stuffing = keywordList(answer);
    if (stuffing) flags.push('keyword_stuffing');
    const statuses = [...keyPoints.values()].map((r) => r.status);
    const progress = statuses.filter((s) => s === 'covered').length * 2 + statuses.filter((s) => s === 'partial').length;
    const refusal = answer.credited.some((s) => s.cues.includes(lexiconIndex().nonAnswerKey));
    if (!stuffing && (answer.contentTokens < 6 || (refusal && answer.contentTokens < 25 && progress === 0))) {
      flags.push('non_answer');
    } else if (progress <= 1 && this.engine.topics.judge(compiled.question.id, compiled.vocabulary, answer.tokens, answer.credited).offTopic) {
      flags.push('off_topic');
    }
    return flags;
  }
}

const MISSED: CoverageResult = { status: 'missed', evidence: [] };

/**
 * A whole-session answer clarifies the opening phase (requirements, the situation, the problem's edge rules) where
 * an interview does, at its start: that phase's points are judged on the answer's first half only, since a latency
 * or a blocklist named mid-design is no clarification. Half leaves room for a long clarification (often a third
 * of an answer). Null when the rule does not apply: a phase answer is all one phase, and so is a one-phase question.
 */
const OPENING_SHARE = 0.5;

function openingSentences(input: GradeInput, scope: GradingScope, sound: readonly AnalysedSentence[]): AnalysedSentence[] | null {
  if (!scope.session || input.question.phases.length < 2) return null;
  return sound.slice(0, Math.ceil(sound.length * OPENING_SHARE));
}

/**
 * An earlier turn as its own grade judged it: its sound sentences, per key point the sentences a wrong claim about
 * that point left out (its paragraph, or the whole turn once it made two different wrong claims), and how far its
 * words were taken at face value.
 */
function judgedTurn(
  compiled: CompiledQuestion,
  analysis: AnswerAnalysis,
): { sentences: AnalysedSentence[]; tainted: Map<string, Set<AnalysedSentence>>; credibility: Credibility } {
  const found = findMisconceptions(compiled, analysis.credited, analysis.source);
  const unsound = unsoundSentences(compiled, analysis.credited, found);
  const sentences = analysis.credited.filter((s) => !unsound.has(s));
  const claimed = claimsMade(
    compiled.mistakes,
    analysis.sentences.filter((s) => !s.injected && !s.duplicate),
  );
  const credibility = {
    wrongClaims: distinctWrongClaims(found, claimed),
    filler: fillerOf(analysis.sentences, analysis.source),
    listed: keywordList(analysis),
  };
  const contradicted = contradictingEvidence(compiled.keyPoints, sentences, analysis.source).left;
  if (unsound.size === 0) return { sentences, tainted: contradicted, credibility };
  const slip = new Set(found.filter((w) => w.misconception.id !== OVERCLAIM.id).map((w) => w.misconception.id)).size < 2;
  const claims = [...unsound].filter(([s]) => !s.listLike && !overclaimOnly(s, found));
  return {
    sentences,
    tainted: merged(taintedEvidence(compiled.keyPoints, claims, sentences, slip ? analysis.source : null).left, contradicted),
    credibility,
  };
}

/**
 * How many different wrong claims the answer makes: each general misconception and each of the question's own wrong
 * claims once however often it is repeated, and each overclaim (a different thing waved away each time). A
 * contradiction of a key point's explanation is left out: it costs that point, but read from word overlap it is too
 * often a good answer's own "no global order needed" (on the development sets) to hold a whole answer down.
 */
function distinctWrongClaims(wrong: readonly FoundMisconception[], claimed: ReadonlyMap<string, MistakeResult>): number {
  const claims = new Set<string>();
  const claimedIn = new Set<AnalysedSentence>();
  for (const w of wrong) {
    if (w.misconception.id === OVERCLAIM.id) continue;
    claims.add(w.misconception.id);
    for (const s of w.sentences) claimedIn.add(s);
  }
  const misread = new Set(claimedIn);
  for (const [id, result] of claimed) {
    if (!result.present || result.evidence.length === 0) continue;
    // The question's wrong claim made only where a general misconception was found is that claim, read twice
    // ("Kafka has exactly-once semantics, so every job runs exactly once" is one claim, not two).
    if (result.evidence.every((s) => misread.has(s))) continue;
    claims.add(`mistake:${id}`);
    for (const s of result.evidence) claimedIn.add(s);
  }
  // An overclaim in a sentence already counted for what it gets wrong is the same claim, not another.
  for (const w of wrong) if (w.misconception.id === OVERCLAIM.id && !claimedIn.has(w.sentence)) claims.add(`${OVERCLAIM.id}@${w.sentence.start}`);
  return claims.size;
}

/** A sentence whose only general misconception is an overclaim (and no wrong claim of the question's own). */
function overclaimOnly(sentence: AnalysedSentence, found: readonly FoundMisconception[]): boolean {
  const ids = found.filter((f) => f.sentences.includes(sentence)).map((f) => f.misconception.id);
  return ids.length > 0 && ids.every((id) => id === OVERCLAIM.id);
}

/** Per key point, the sentences either map leaves out. */
function merged<T>(a: Map<string, Set<T>>, b: Map<string, Set<T>>): Map<string, Set<T>> {
  if (b.size === 0) return a;
  const out = new Map(a);
  for (const [id, set] of b) out.set(id, new Set([...(out.get(id) ?? []), ...set]));
  return out;
}

/**
 * The sentences that assert a general misconception (`found`) or one of the question's own wrong claims: a
 * sentence that contradicts the rubric is no evidence for it either.
 */
function unsoundSentences(
  compiled: CompiledQuestion,
  sentences: readonly AnalysedSentence[],
  found: readonly FoundMisconception[],
): Map<AnalysedSentence, Set<string>> {
  // Each with the dimensions its wrong claims count against (what it is about, where it names several points).
  const unsound = new Map<AnalysedSentence, Set<string>>();
  const add = (s: AnalysedSentence, dimension: string) => {
    const dimensions = unsound.get(s);
    if (dimensions) dimensions.add(dimension);
    else unsound.set(s, new Set([dimension]));
  };
  for (const f of found) for (const s of f.sentences) add(s, f.misconception.dimension);
  for (const s of sentences) for (const m of compiled.mistakes) if (m.claims.some((c) => assertsClaim(s, c))) add(s, m.mistake.dimension);
  return unsound;
}

function keyPointGrade(id: string, result: CoverageResult, answer: AnswerAnalysis, board: BoardCredit | undefined): KeyPointGrade {
  const diagramEvidence = board?.evidence.map((e) => ({ source: 'diagram' as const, elements: e.elements.map((el) => ({ ...el })), text: e.text }));
  return { id, status: result.status, evidence: quotes(result.evidence, answer), ...(diagramEvidence?.length ? { diagramEvidence } : {}) };
}

const RANK: Record<CoverageStatus, number> = { missed: 0, partial: 1, covered: 2 };
const best = (a: CoverageStatus, b: CoverageStatus): CoverageStatus => (RANK[a] >= RANK[b] ? a : b);

/** Each point at the higher of what the words alone and the words with the board reach. */
function withBoard(text: Map<string, CoverageResult>, credits: ReadonlyMap<string, BoardCredit>): Map<string, CoverageResult> {
  if (credits.size === 0) return text;
  return new Map(
    [...text].map(([id, result]): [string, CoverageResult] => {
      const credit = credits.get(id);
      if (!credit || RANK[credit.status] <= RANK[result.status]) return [id, result];
      return [
        id,
        credit.status === 'covered' ? { status: 'covered', evidence: result.evidence } : { status: credit.status, evidence: result.evidence },
      ];
    }),
  );
}

function mistakeGrade(id: string, result: MistakeResult | undefined, answer: AnswerAnalysis, board?: DiagramEvidenceGrade[]): MistakeGrade {
  return {
    id,
    status: result?.present ? 'present' : 'absent',
    evidence: quotes(result?.evidence ?? [], answer),
    ...(board ? { diagramEvidence: board } : {}),
  };
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
