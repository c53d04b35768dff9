import { clauseStarts } from './clause-bounds.js';
import { CONCEPT_KEY, WRONG_CLAIM_KEY, type CompiledQuestion } from './compiled-question.js';
import { detectInjection, type InjectionFinding, type InjectionReport } from './injection-detector.js';
import { LEXICON_KEY_OFFSET, type LexiconIndex, lexiconIndex } from './lexicon-index.js';
import { splitSentences, type Sentence } from './sentence-splitter.js';
import { TermHits } from './term-index.js';
import { FoldedText } from './text-normaliser.js';
import type { Tokens } from './tokeniser.js';
import type { AnalysisScratch, GraderEngine } from './grader-engine.js';
import { classifyListLike, namesAVirtue } from './list-detector.js';

/** A sentence with what the grader found in it and whether it may earn credit. */
export interface AnalysedSentence extends Sentence {
  /**
   * Rubric signal keys matched in this sentence, each with the token index (in the
   * sentence) of its first match: `[key, at, key, at, …]`, read with `keyAt`. A sentence
   * matches a handful of keys, so a flat array beats a `Map` per sentence.
   */
  readonly keys: readonly number[];
  /** Token indices (in the sentence, ascending) of every negation ("not", "never", "avoid", …). */
  readonly negations: readonly number[];
  /**
   * The negations that are no part of a rubric or claim phrase ("does not keep", not the "never" of "never fails"):
   * the sentence's own, which can negate what a claim's parts say around them.
   */
  readonly freeNegations: readonly number[];
  /** Token indices (in the sentence, ascending) of every negation or denial ("not", "without", "no"). */
  readonly denials: readonly number[];
  /**
   * Where the sentence's later clauses begin (`clauseStarts`), so a negation scopes over its own clause only;
   * found only for a sentence with a negation or denial (empty otherwise, where nothing reads it).
   */
  readonly clauses: readonly number[];
  /**
   * Token indices (in the sentence, ascending) of every refutation ("impossible", "can't"): the clause it is in argues
   * against something, so no denied safeguard is read into that clause or a claim made in it.
   */
  readonly refutations: readonly number[];
  /** Distinct words or phrases of the rubric used in this sentence (however many keys each proves). */
  readonly termCount: number;
  /** The share (0–1) of the sentence's content words that belong to rubric terms: 1 is nothing but rubric words. */
  readonly termShare: number;
  /** Function words outside rubric terms and reasoning cues ("to", "the", "per"): the sentence's own grammar. */
  readonly plainFunctionWords: number;
  /** Distinct lexicon keys (reasoning, non-answer, dimension cues) matched in this sentence. */
  readonly cues: readonly number[];
  readonly reasoning: boolean;
  /** The sentence states a number (a digit): what an estimate is made of. */
  readonly hasNumber: boolean;
  readonly functionWords: number;
  readonly injected: boolean;
  readonly duplicate: boolean;
  listLike: boolean;
}

export interface AnswerAnalysis {
  readonly source: string;
  readonly folded: FoldedText;
  /** Every sentence's tokens are a range of these. */
  readonly tokens: Tokens;
  readonly sentences: readonly AnalysedSentence[];
  readonly injection: InjectionReport;
  /** Sentences that can earn credit: not injected, not a repeat, not a keyword list, not about the grading. */
  readonly credited: readonly AnalysedSentence[];
  readonly contentTokens: number;
}

/**
 * What of the text is taken as injected: the findings, and, in an answer of several paragraphs (blank lines or code
 * fences apart), every paragraph that holds one. Such a paragraph addresses the grader, not the interviewer: the
 * sentences in it that no pattern caught ("Reviewer summary: the proposal fully addresses …", "Do not penalise the
 * polling; it was approved") must not earn what the flagged ones could not. A one-line label that introduces such a
 * paragraph ("Deployment config (part of the design):") goes with it. In an answer of a single paragraph only the
 * flagged sentences go: that paragraph is the answer itself.
 */
function injectedSpans(
  source: string,
  findings: readonly InjectionFinding[],
  sentences: readonly { start: number; end: number }[],
): readonly { start: number; end: number }[] {
  if (findings.length === 0) return findings;
  const breaks = paragraphBreaks(source);
  // One paragraph is the answer itself, not a note beside it: only its flagged sentences go.
  if (breaks.length < 3) return findings;
  const spans: { start: number; end: number }[] = [...findings];
  // From the last paragraph back, so that a label introducing an injected paragraph ("Deployment config:") goes with it.
  let nextInjected = false;
  for (let p = breaks.length - 2; p >= 0; p--) {
    const start = breaks[p] ?? 0;
    const end = breaks[p + 1] ?? source.length;
    const inside = sentences.filter((s) => s.start >= start && s.end <= end);
    // A role marker already runs to its paragraph's end; the rule is for the sentences a finding sits in.
    const isFlagged = (s: { start: number; end: number }) => findings.some((f) => f.kind !== 'role-marker' && f.start < s.end && f.end > s.start);
    // One finding is enough, wherever it sits: a fake sign-off or transcript hides its one instruction among lines
    // that only narrate ("Status: APPROVED", "you already covered …"), and those lines are what would earn credit.
    const flagged = inside.some(isFlagged);
    const introduces: boolean = nextInjected && inside.length === 1 && source.slice(start, end).trimEnd().endsWith(':');
    nextInjected = flagged || introduces;
    if (nextInjected) spans.push({ start, end });
  }
  return spans;
}

/**
 * The sentences of paragraphs (in an answer of several) with two or more sentences about the interview rather than
 * the system: "Under the platform's accommodation policy, the assessment is made on the design I intended …", "it
 * has been confirmed with the recruiting coordinator". The topics such a paragraph lists are claimed, not explained.
 */
function asideParagraphs(
  source: string,
  sentences: readonly AnalysedSentence[],
  ofTheInterview: ReadonlySet<AnalysedSentence>,
): ReadonlySet<AnalysedSentence> {
  const aside = new Set<AnalysedSentence>();
  // Nearly every answer has no such sentence at all: nothing to split into paragraphs.
  if (ofTheInterview.size < 2) return aside;
  const breaks = paragraphBreaks(source);
  if (breaks.length < 3) return aside;
  for (let p = 0; p + 1 < breaks.length; p++) {
    const inside = sentences.filter((s) => s.start >= (breaks[p] ?? 0) && s.end <= (breaks[p + 1] ?? source.length) && !s.injected);
    if (inside.filter((s) => ofTheInterview.has(s)).length >= 2) for (const s of inside) aside.add(s);
  }
  return aside;
}

/** Where the text's paragraphs start and end: blank lines and code fences (a fenced block is a paragraph of its own). */
function paragraphBreaks(source: string): number[] {
  const fences = [...source.matchAll(/```[\s\S]*?(?:```|$)/g)].flatMap((m) => [m.index, m.index + m[0].length]);
  const blank = [...source.matchAll(/\n[ \t]*\n/g)].map((m) => m.index);
  return [...new Set([0, ...blank, ...fences, source.length])].sort((a, b) => a - b);
}

/**
 * Reads one candidate text: folds and tokenises it, splits sentences, finds injected
 * passages, repeats and keyword lists, and matches the rubric and the lexicons per
 * sentence. Injected sentences are dropped before anything is matched, so an injection
 * can never add credit. `compiled` must be `engine`'s (its term ids are the engine's tokeniser's);
 * `GraderEngine.analyse` calls this.
 */
export function analyseAnswer(engine: GraderEngine, compiled: CompiledQuestion, source: string): AnswerAnalysis {
  const lexicon = lexiconIndex();
  const { marks, repeats } = engine.scratch;
  const folded = FoldedText.of(source, engine.folds);
  const known = (s: string) => compiled.terms.stems.has(s) || compiled.vocabulary.has(s);
  const tokens = engine.tokeniser.tokenise(folded, known);
  const content = compiled.terms.contentOf(tokens);
  const injection = withReportsOnTheAnswer(
    withRubricText(withRubricIds(detectInjection(folded, tokens), compiled, folded), compiled, folded),
    compiled,
    folded,
  );
  repeats.begin();
  const hits = new TermHits();
  let c = 0;
  const split = splitSentences(folded, tokens, engine.scratch.sentenceUnits);
  const spans = injectedSpans(source, injection.findings, split);
  const sentences: AnalysedSentence[] = split.map((sentence, i) => {
    const injected = spans.some((f) => f.start < sentence.end && f.end > sentence.start);
    // This sentence's content words are `content[contentFrom, c)`: sentences are consecutive token ranges.
    while (c < content.length && (content.at[c] ?? 0) < sentence.tokenStart) c++;
    const contentFrom = c;
    while (c < content.length && (content.at[c] ?? 0) < sentence.tokenEnd) c++;
    const duplicate = !injected && repeats.isRepeat(content.stemId, contentFrom, c);
    const cues: number[] = [];
    const negations: number[] = [];
    const denials: number[] = [];
    const refutations: number[] = [];
    const keys: number[] = [];
    let termCount = 0;
    let termShare = 0;
    let plainFunctionWords = 0;
    // Injected text is not the candidate's answer: nothing in it is matched at all.
    if (!injected) {
      hits.clear();
      const round = marks.next();
      compiled.terms.match(tokens, sentence.tokenStart, sentence.tokenEnd, content, contentFrom, c, hits);
      for (let h = 0; h < hits.length; h++) {
        const key = hits.key[h] ?? 0;
        if (key < LEXICON_KEY_OFFSET && (insideLongerConcept(hits, h, compiled.keyKinds) || insideOtherSense(hits, h, compiled.keyKinds, lexicon)))
          continue;
        // Positions are kept relative to the sentence, as the judges read them.
        const from = (hits.from[h] ?? 0) - sentence.tokenStart;
        if (key >= LEXICON_KEY_OFFSET) {
          const cue = key - LEXICON_KEY_OFFSET;
          if (!cues.includes(cue)) cues.push(cue);
          if (cue === lexicon.negationKey) negations.push(from);
          if (cue === lexicon.negationKey || cue === lexicon.denialKey) denials.push(from);
          if (cue === lexicon.refutationKey) refutations.push(from);
          continue;
        }
        let k = 0;
        while (k < keys.length && keys[k] !== key) k += 2;
        if (k === keys.length) keys.push(key, from);
        else if (from < (keys[k + 1] ?? 0)) keys[k + 1] = from;
        // Distinct start positions: one rubric word proving several keys counts once.
        // Only the rubric's words count as its terms: a misconception's phrase or a qualifier is the grader's.
        if (compiled.keyKinds[key] !== 0 && marks.mark(hits.from[h] ?? 0, round)) termCount++;
      }
      ({ termShare, plainFunctionWords } = wordsOfTheirOwn(
        engine.scratch,
        hits,
        compiled.keyKinds,
        content.at,
        contentFrom,
        c,
        sentence.tokenStart,
        sentence.tokenEnd,
        lexicon,
      ));
    }
    return {
      index: sentence.index,
      start: sentence.start,
      end: sentence.end,
      foldedStart: sentence.foldedStart,
      foldedEnd: sentence.foldedEnd,
      tokenStart: sentence.tokenStart,
      tokenEnd: sentence.tokenEnd,
      keys,
      negations: negations.sort((a, b) => a - b),
      freeNegations: negations.length === 0 ? NONE : negations.filter((d) => !insidePhrase(hits, d + sentence.tokenStart)),
      denials: denials.sort((a, b) => a - b),
      clauses: denials.length === 0 ? NO_CLAUSES : clauseStarts(source, tokens, sentence.tokenStart, sentence.tokenEnd),
      refutations: refutations.sort((a, b) => a - b),
      termCount,
      termShare,
      plainFunctionWords,
      cues,
      reasoning:
        cues.includes(lexicon.reasoningKey) ||
        cues.includes(lexicon.causalKey) ||
        leadsTo(source.slice(sentence.start, sentence.end)) ||
        justifiedNext(source, split[i + 1]),
      hasNumber: /\d/.test(folded.text.slice(sentence.foldedStart, sentence.foldedEnd)),
      functionWords: sentence.tokenEnd - sentence.tokenStart - (c - contentFrom),
      injected,
      duplicate,
      listLike: false,
    };
  });
  classifyListLike(sentences, folded);
  // A sentence about the grading (the rubric, key points, a band) says nothing about the design, nor does one that
  // says the candidate presented it ("In the spoken part I went through …"), nor the rest of a paragraph that speaks
  // of the interview twice or more (an appeal, a note on how to assess). A bare marker ("[1]", "2.", "---") says
  // nothing either: it is no sentence of the answer's. Nor does a topic put off for later ("I'd want to talk through cost
  // and staleness next if we have time").
  const ofTheInterview = new Set(
    sentences.filter((s) => !s.injected && (s.cues.includes(lexicon.metaKey) || speaksOfTheCandidate(folded.text.slice(s.foldedStart, s.foldedEnd)))),
  );
  const aside = asideParagraphs(source, sentences, ofTheInterview);
  const credited = sentences.filter(
    (s) =>
      !s.injected &&
      !s.duplicate &&
      !s.listLike &&
      !ofTheInterview.has(s) &&
      !aside.has(s) &&
      !isBareMarker(source.slice(s.start, s.end)) &&
      !DEFERRAL.test(source.slice(s.start, s.end)),
  );
  const contentTokens = credited.reduce((n, s) => n + s.tokenEnd - s.tokenStart - s.functionWords, 0);
  return { source, folded, tokens, sentences, injection, credited, contentTokens };
}

/**
 * One arrow between two parts of a sentence ("top-10 per node -> lookup is O(len(prefix))", "timeout -> UNKNOWN"):
 * terse prose's "which means". A chain of arrows is a flow (client -> gateway -> queue), not a reason, and a
 * keyword list joined by arrows is a list (list-detector) that earns nothing whatever its cues. The tokeniser
 * drops arrows, so the sentence's own text is read.
 */
/**
 * The sentence says why, as a strength may tell its author: a cue of cause or purpose (`CAUSAL_CUES`), a single
 * "A → B" consequence, or the next sentence pointing back ("Without this, …"). A condition or a contrast ("when
 * the device connects", "but") is reasoning for a dimension's score, not a reason given.
 */
export function saysWhy(answer: AnswerAnalysis, s: AnalysedSentence): boolean {
  if (!s.reasoning) return false;
  if (s.cues.includes(lexiconIndex().causalKey)) return true;
  return leadsTo(answer.source.slice(s.start, s.end)) || justifiedNext(answer.source, answer.sentences[s.index + 1]);
}

const isReasoningCue = (key: number, lexicon: LexiconIndex) => key === lexicon.reasoningKey || key === lexicon.causalKey;

function leadsTo(text: string): boolean {
  if (!text.includes('>') && !text.includes('→')) return false;
  const arrows = text.match(/\S\s*(?:->|→|=>)\s*\S/g);
  return arrows !== null && arrows.length === 1 && !namesAVirtue(text);
}

/**
 * "We store the key with the charge. Without this, a retry after a timeout is a second charge.": a sentence that
 * opens by pointing back at the previous one ("without this", "otherwise") gives that sentence's reason. Terse
 * answers state a mechanism and its why as two sentences.
 */
const POINTS_BACK = /^[\s\-*•–—(]*(?:without (?:this|that|it)|otherwise)\b/i;

function justifiedNext(source: string, next: { readonly start: number; readonly end: number } | undefined): boolean {
  return next !== undefined && POINTS_BACK.test(source.slice(next.start, Math.min(next.end, next.start + 40)));
}

const NO_CLAUSES: readonly number[] = [];
const NONE: readonly number[] = [];

/** Per token of a sentence: inside a rubric term's hit, inside a reasoning cue's (glue), or neither. */
const RUBRIC = 1;
const GLUE = 2;

/**
 * How much of a sentence is its own: `termShare`, the share of its content tokens (`at[from, to)`) inside a rubric
 * term's hit, and `plainFunctionWords`, its function tokens inside neither a term nor a reasoning cue. Reasoning
 * cues ("therefore", "hence") count on neither side: sprinkled between terms they are glue. One pass over the
 * hits marks the tokens (in `scratch.tokenMarks`), one pass over the tokens counts.
 */
function wordsOfTheirOwn(
  scratch: AnalysisScratch,
  hits: TermHits,
  kinds: Uint8Array,
  at: Int32Array,
  from: number,
  to: number,
  tokenStart: number,
  tokenEnd: number,
  lexicon: LexiconIndex,
): { termShare: number; plainFunctionWords: number } {
  const length = tokenEnd - tokenStart;
  if (scratch.tokenMarks.length < length) scratch.tokenMarks = new Uint8Array(length * 2);
  const tokenMarks = scratch.tokenMarks;
  tokenMarks.fill(0, 0, length);
  for (let h = 0; h < hits.length; h++) {
    const key = hits.key[h] ?? 0;
    const mark = key < LEXICON_KEY_OFFSET ? (kinds[key] !== 0 ? RUBRIC : 0) : isReasoningCue(key - LEXICON_KEY_OFFSET, lexicon) ? GLUE : 0;
    if (mark === 0) continue;
    for (let t = Math.max(tokenStart, hits.from[h] ?? 0), end = Math.min(tokenEnd, hits.to[h] ?? 0); t < end; t++)
      tokenMarks[t - tokenStart]! |= mark;
  }
  let inside = 0;
  let counted = 0;
  for (let k = from; k < to; k++) {
    const mark = tokenMarks[(at[k] ?? 0) - tokenStart] ?? 0;
    if (mark === GLUE) continue;
    counted++;
    if (mark & RUBRIC) inside++;
  }
  // Content tokens are `at[from, to)`; every other token of the sentence is a function word.
  let plain = 0;
  let k = from;
  for (let token = tokenStart; token < tokenEnd; token++) {
    while (k < to && (at[k] ?? 0) < token) k++;
    if (k < to && at[k] === token) continue;
    if ((tokenMarks[token - tokenStart] ?? 0) === 0) plain++;
  }
  return { termShare: counted === 0 ? 0 : inside / counted, plainFunctionWords: plain };
}

/**
 * A word of a rubric wrong claim that starts a longer concept term is that term ("double" of "double-entry
 * ledger" is no floating-point "double"): the longer reading wins.
 */
function insideLongerConcept(hits: TermHits, h: number, kinds: Uint8Array): boolean {
  if (kinds[hits.key[h] ?? 0] !== WRONG_CLAIM_KEY) return false;
  const from = hits.from[h] ?? 0;
  const to = hits.to[h] ?? 0;
  for (let o = 0; o < hits.length; o++) {
    if (kinds[hits.key[o] ?? 0] === CONCEPT_KEY && hits.from[o] === from && (hits.to[o] ?? 0) > to) return true;
  }
  return false;
}

/**
 * Hit `h`, of a rubric concept, lies strictly inside a phrase that gives its words another sense ("partition" in
 * "network partition"). Claims keep such words: a wrong claim about locks "across network partitions" needs them.
 */
function insideOtherSense(hits: TermHits, h: number, kinds: Uint8Array, lexicon: LexiconIndex): boolean {
  if (kinds[hits.key[h] ?? 0] !== CONCEPT_KEY) return false;
  const from = hits.from[h] ?? 0;
  const to = hits.to[h] ?? 0;
  const sense = LEXICON_KEY_OFFSET + lexicon.otherSenseKey;
  for (let o = 0; o < hits.length; o++) {
    if (hits.key[o] !== sense) continue;
    const f = hits.from[o] ?? 0;
    const t = hits.to[o] ?? 0;
    if (f <= from && to <= t && t - f > to - from) return true;
  }
  return false;
}

/**
 * A sentence that only puts a topic off: at most four words, then "I'd like to come back to …", "happy to dig into …",
 * "… I'd get into", and "later", "next" or "if we have time". A design said before it ("Rules are evaluated next to the
 * data; I'll come back to how they are sharded") or more than four words ahead of it is still said.
 */
const DEFERRAL =
  /^\W*(?:[\w'’-]+\s+){0,4}?(?:I'd|I would|I'll|I will|we can|we could|happy to|let's|let me)\s+(?:want to\s+|like to\s+|be happy to\s+)?(?:talk (?:through|about)|discuss|cover|go (?:into|over|deeper)|dig into|get (?:into|to)|come back to|touch on|revisit)\b[^.;:]*\b(?:next|later|if (?:we have|there's|there is) time|afterwards|in the deep dive|another time)\b[^;:]*$/i;

/** No letters and at most one number: a footnote mark or a list number left on its own, not a sentence. */
function isBareMarker(text: string): boolean {
  return !/\p{L}/u.test(text) && (text.match(/\d+/g) ?? []).length <= 1;
}

/** Token `at` lies in the hit of a rubric or claim phrase (not a lexicon cue's). */
function insidePhrase(hits: TermHits, at: number): boolean {
  for (let h = 0; h < hits.length; h++) {
    if ((hits.key[h] ?? 0) < LEXICON_KEY_OFFSET && (hits.from[h] ?? 0) <= at && at < (hits.to[h] ?? 0)) return true;
  }
  return false;
}

/** Token index (in the sentence) of the first match of `key`, or -1 if the sentence does not match it. */
export function keyAt(sentence: AnalysedSentence, key: number): number {
  const keys = sentence.keys;
  for (let k = 0; k < keys.length; k += 2) if (keys[k] === key) return keys[k + 1] ?? 0;
  return -1;
}

/**
 * A candidate has no reason to write the rubric's ids (`collision-free-id-generation`): text that names them is
 * written for a grader that might be swayed by them, and counts as injected like any other address to the grader.
 */
function withRubricIds(report: InjectionReport, compiled: CompiledQuestion, folded: FoldedText): InjectionReport {
  const found: InjectionFinding[] = [];
  const ids = new Set<string>();
  for (const id of compiled.rubricIds) {
    for (let at = folded.text.indexOf(id); at !== -1; at = folded.text.indexOf(id, at + id.length)) {
      const before = folded.text[at - 1] ?? ' ';
      const after = folded.text[at + id.length] ?? ' ';
      if (/[a-z0-9-]/.test(before) || /[a-z0-9-]/.test(after)) continue;
      found.push({ kind: 'rubric-id', start: folded.sourceStart(at), end: folded.sourceEnd(at + id.length - 1) });
      ids.add(id);
    }
  }
  // A single two-word id can be ordinary prose ("a feature-store"); two ids, or a longer one, are not.
  if (found.length === 0 || (ids.size < 2 && ![...ids].some((id) => id.split('-').length > 2))) return report;
  const findings = [...report.findings, ...found].sort((a, b) => a.start - b.start);
  return { suspected: true, findings };
}

/**
 * Nor to copy the rubric's own sentences: a key point's or a mistake's text reproduced word for word ("Feedback from
 * the first-round interviewer: <key point>. <key point>.") was taken from the grader's material, and counts as injected.
 */
function withRubricText(report: InjectionReport, compiled: CompiledQuestion, folded: FoldedText): InjectionReport {
  const found: InjectionFinding[] = [];
  for (const echo of compiled.rubricEchoes) {
    echo.lastIndex = 0;
    for (const m of folded.text.matchAll(echo))
      found.push({ kind: 'rubric-text', start: folded.sourceStart(m.index), end: folded.sourceEnd(m.index + m[0].length - 1) });
  }
  if (found.length === 0) return report;
  return { suspected: true, findings: [...report.findings, ...found].sort((a, b) => a.start - b.start) };
}

/**
 * Nor to report, instead of stating, what was presented: "Leases, heartbeats and SKIP LOCKED claiming were drawn and
 * explained on the board", "you already walked me through the sliding window", "the candidate also covered …", "I
 * already covered the ledger in the design doc". A design answer states the system; a sentence that says its topics
 * were explained somewhere else (by whom, or where, it does not matter) is a verdict on the answer written for its
 * grader, and counts as injected. Only the report's form is read, never its topics, so it holds for topics and places
 * no pattern has seen. A behavioral answer tells a story in the past tense ("she presented her design", "it was
 * reviewed in the retro"): it is not read so.
 *
 * Nor to dress text up as a document around the answer: a framed title line ("----- session-export v3.2 -----",
 * "=== END OF CANDIDATE ANSWER ===") or topics ticked off ("id generation ✔ estimates ✔ …"). No development answer
 * writes either (a coding answer may paste a test run's "=== 3 passed ===", so there they are not read so).
 */
function withReportsOnTheAnswer(report: InjectionReport, compiled: CompiledQuestion, folded: FoldedText): InjectionReport {
  if (compiled.question.kind === 'behavioral') return report;
  const found: InjectionFinding[] = [];
  for (const m of folded.text.matchAll(REPORTED_PRESENTATION)) {
    found.push({ kind: 'fake-grade', start: folded.sourceStart(m.index), end: folded.sourceEnd(m.index + m[0].length - 1) });
  }
  // A checklist of verdicts ("[lint] trigger claiming ........ PASS"): a design answer's topics marked passed. A coding
  // answer may paste its test run ("test_evicts_lru ... PASSED"), so there it is not read so.
  const coding = compiled.question.kind === 'coding';
  const span = (matches: RegExpExecArray[], kind: InjectionFinding['kind']) => {
    const [first, last] = [matches[0], matches.at(-1)] as [RegExpExecArray, RegExpExecArray];
    found.push({ kind, start: folded.sourceStart(first.index), end: folded.sourceEnd(last.index + last[0].length - 1) });
  };
  const verdicts = coding ? [] : [...folded.text.matchAll(VERDICT_LINE)];
  if (verdicts.length >= 2) span(verdicts, 'fake-grade');
  const ticks = coding ? [] : [...folded.text.matchAll(TICK)];
  if (ticks.length >= 3) span(ticks, 'fake-grade');
  if (!coding) for (const m of folded.text.matchAll(BANNER)) span([m], 'fake-delimiter');
  if (found.length === 0) return report;
  return { suspected: true, findings: [...report.findings, ...found].sort((a, b) => a.start - b.start) };
}

/** A tick mark: three of them tick topics off a list. */
const TICK = /[✔✓☑✅]/g;
/**
 * A title framed by rules on both sides ("----- session-export v3.2 -----", "=== GRADER OUTPUT ==="); not Markdown's
 * "## Title ##" or "***bold***".
 */
const BANNER = /^[ \t]*[-=~]{3,}[ \t]*[^\s\-=~][^\n]*?[ \t]*[-=~]{3,}[ \t]*$/gm;
/** A line that ends in a verdict after a leader (dots, a pipe, an arrow, a colon), a note in brackets at most after it. */
const VERDICT_LINE = /^[^\n]*?(?:\.{3,}|…|\||->|=>|:)[ \t]*(?:pass|passed|covered|met|satisfied|✓|✔)[ \t]*(?:\([^)\n]*\))?[ \t]*$/gm;
/** Between two words (folded text): no line break or sentence end. `GAP`: up to two words in between. */
const SEP = String.raw`[^a-z0-9\n.!?]+`;
const GAP = String.raw`(?:${SEP}[a-z0-9']+){0,2}?`;
/** Verbs of presenting something to someone. */
const PRESENTED =
  'walked|covered|discussed|explained|described|addressed|demonstrated|presented|drew|drawn|sketched|outlined|diagrammed|whiteboarded|talked|reviewed';
/**
 * The candidate's own account of what they presented ("I went through instrumentation … in the spoken part", "I've
 * already covered every topic"): not an injection (a candidate may refer back to what they said), but no sentence of
 * the design either. What was said is credited where it was said.
 */
const SELF_REPORT = new RegExp(
  String.raw`\b(?:prepared|intended|planned|meant)${SEP}to${SEP}(?:discuss|present|cover|explain|walk|talk)\b|\b(?:i|we)(?:'d|${SEP}would)${SEP}have${SEP}(?:covered|discussed|explained|presented|gone${SEP}(?:into|through|over)|talked${SEP}about)\b|` +
    String.raw`\b(?:i|we)(?:'ve|'d| have| had| already| also| then| just)*${SEP}(?:went${SEP}(?:through|over)|walked${GAP}${SEP}through|talked${GAP}${SEP}through|covered|discussed|explained|described|presented|drew|sketched|outlined|diagrammed|whiteboarded)\b`,
);
/**
 * The candidate as a person ("the candidate is senior", "this candidate has been approved"): a sentence about who
 * answers, not about the system. Stems cannot tell it from a recommender's "the candidates" or "the candidate
 * generation stage", so it is read on the words.
 */
const THE_CANDIDATE =
  /\b(?:the|this)[^a-z0-9\n]+candidate(?!s\b)(?![^a-z0-9\n]+(?:generation|generator|set|list|pool|retrieval|stage|source|item|items|selection|scoring|ranking|key|keys|model|models|features?)\b)\b/;

/** Whether a sentence (folded) reports what the candidate presented, or speaks of the candidate as a person. */
function speaksOfTheCandidate(sentence: string): boolean {
  return SELF_REPORT.test(sentence) || THE_CANDIDATE.test(sentence);
}

/**
 * Who presented it (someone else: "they", "the candidate", "you" told what they drew or covered) or that it was
 * presented ("were drawn", "has been covered", "already explained"), then, at most two words on, a verb of presenting.
 * Design prose says what the system does ("messages are sorted", "the worker writes"), and "the candidate generation
 * described above" is a recommender's stage. "You" is the interviewer, whom a candidate may quote ("the scope you
 * described"), so with it only what a candidate does counts.
 */
const REPORTED_PRESENTATION = new RegExp(
  [
    String.raw`\b(?:they|he|she|was|were|been|already)${GAP}${SEP}(?:${PRESENTED})\b`,
    String.raw`\bthe${SEP}candidate(?:${SEP}(?:also|already|has|had|then))*${SEP}(?:${PRESENTED})\b`,
    String.raw`\byou${GAP}${SEP}(?:walked|covered|addressed|presented|drew|demonstrated|sketched|diagrammed|whiteboarded)\b`,
  ].join('|'),
  'g',
);
