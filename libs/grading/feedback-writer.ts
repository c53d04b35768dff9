import type { Padding } from './credibility.js';
import type { RoleGuide } from '#libs/content';
import { type AnalysedSentence, type AnswerAnalysis, saysWhy } from './answer-analysis.js';
import { withBelowBandReasons } from './below-band.js';
import type { CompiledKeyPoint, CompiledQuestion } from './compiled-question.js';
import type { CoverageResult, SentenceKeys } from './coverage-judge.js';
import { label, listOf, said } from './feedback-text.js';
import type { DimensionGrade, Feedback, GradeFlag, KeyPointGrade, MistakeGrade } from './grade.schema.js';
import type { GradingScope } from './grading-scope.js';
import type { FoundMisconception, MistakeResult } from './mistake-judge.js';
import { OVERCLAIM } from './overclaims.js';
import type { Contradicted } from './tainted-evidence.js';

export interface FeedbackInputs {
  readonly compiled: CompiledQuestion;
  readonly role: RoleGuide;
  readonly scope: GradingScope;
  readonly answer: AnswerAnalysis;
  /** The sentences that may earn credit (no wrong claim among them), indexed by signal key: the grader's own. */
  readonly said: SentenceKeys;
  readonly keyPoints: ReadonlyMap<string, CoverageResult>;
  /** Covered in an earlier turn: never a gap again. */
  readonly coveredBefore: ReadonlySet<string>;
  readonly mistakes: ReadonlyMap<string, MistakeResult>;
  readonly misconceptions: readonly FoundMisconception[];
  /** Per key point, the wrong claim in this answer that is about it (its explanation then earns the point nothing). */
  readonly wrongAbout: ReadonlyMap<string, AnalysedSentence>;
  /** The key points a wrong claim in the closing paragraph took back from the whole answer (tainted-evidence.ts). */
  readonly lastWord: ReadonlySet<string>;
  /** Per key point, the sentence in this answer that contradicts the point's explanation, and how (explanation-check.ts). */
  readonly contradicted: ReadonlyMap<string, Contradicted>;
  /** The key points and mistakes as graded, with their verbatim quotes. */
  readonly graded: { readonly keyPoints: readonly KeyPointGrade[]; readonly mistakes: readonly MistakeGrade[] };
  readonly dimensions: readonly DimensionGrade[];
  readonly overall: number;
  readonly flags: readonly GradeFlag[];
  /**
   * What the answer mostly is when it is mostly filler ("general remarks and options left open", "analogies":
   * `credibility.ts`), else null: a point it names is told so, and an off-topic flag says it talks in general.
   */
  readonly padding?: Padding | null;
  /** Structural problems the board shows, as improvements quoting its elements (`boardFindingLines`). */
  readonly boardLines?: readonly string[];
}

/** Feedback is read, not skimmed: the few lines that matter most. */
const MAX_STRENGTHS = 3;
const MAX_IMPROVEMENTS = 3;

/**
 * Feedback grounded in the candidate's words. A strength quotes what they said and names the key point it
 * covers. An improvement starts from what they said too: the sentence that began on a point (and what it still
 * lacks: the reason, or named parts), the nearest thing they said to a point they missed, a wrong claim quoted,
 * or the passage that earned a flag. Only this phase's points are advice now (earlier gaps stay in "study
 * next"). A score below the passing band always carries a reason. Rubric texts are cited as labels (‘…’), never
 * spliced into a sentence's grammar, so every line reads right whatever the text.
 */
export function writeFeedback(inputs: FeedbackInputs): Feedback {
  const { compiled, scope } = inputs;
  const byWeight = [...compiled.keyPoints].sort((a, b) => b.keyPoint.weight - a.keyPoint.weight);
  const status = (id: string) => inputs.keyPoints.get(id)?.status ?? 'missed';
  // A strength quotes the sentence that shows most of the point ("The hard part is celebrities." opens the
  // passage, the next sentence makes the point), as graded: the verbatim, possibly shortened quote of that sentence.
  const leadOf = (id: string) => {
    const result = inputs.keyPoints.get(id);
    const lead = result?.lead ?? result?.evidence[0];
    const quotes = inputs.graded.keyPoints.find((k) => k.id === id)?.evidence ?? [];
    const text = lead ? inputs.answer.source.slice(lead.start, lead.end).trim() : '';
    return { quote: quotes.find((q) => text.startsWith(q)) ?? quotes[0], reasoned: lead ? saysWhy(inputs.answer, lead) : false };
  };

  const keyPointStrengths = byWeight
    .filter((k) => status(k.keyPoint.id) === 'covered')
    .slice(0, MAX_STRENGTHS)
    .map((k) => {
      // Only the quoted sentence's own reasoning is claimed: the candidate must be able to see it in the quote.
      const { quote, reasoned } = leadOf(k.keyPoint.id);
      const drawn = inputs.graded.keyPoints.find((x) => x.id === k.keyPoint.id)?.diagramEvidence?.[0]?.text;
      const board = drawn ? `, with ‘${drawn}’ on your board` : '';
      return quote
        ? `${said(quote)} covers ${label(k.keyPoint.text)}${reasoned ? ', and you said why' : ''}${board}.`
        : `You covered ${label(k.keyPoint.text)}${board}.`;
    });
  const strengths = [...keyPointStrengths, ...dimensionStrengths(inputs)].slice(0, MAX_STRENGTHS);

  const phaseId = compiled.question.phases[scope.phaseIndex]?.id;
  const gaps = byWeight.filter(
    (k) => scope.expectedKeyPoints.has(k.keyPoint.id) && status(k.keyPoint.id) !== 'covered' && !inputs.coveredBefore.has(k.keyPoint.id),
  );
  const askNow = gaps.filter((k) => scope.session || k.keyPoint.phase === phaseId);
  const nothingToCredit = inputs.flags.includes('non_answer') || inputs.flags.includes('off_topic');
  const improvements = [
    ...flagLines(inputs),
    ...corrections(inputs),
    ...(inputs.boardLines ?? []),
    ...(nothingToCredit ? [] : gapLines(askNow, inputs)),
  ].slice(0, MAX_IMPROVEMENTS);

  const nextToStudy: string[] = [];
  for (const k of gaps) {
    for (const item of [k.keyPoint.text, ...k.terminology]) if (!nextToStudy.includes(item)) nextToStudy.push(item);
  }
  const feedback = { strengths, improvements, nextToStudy: nextToStudy.slice(0, 6) };
  return withBelowBandReasons(feedback, inputs.dimensions, inputs.overall, inputs.role, compiled.question);
}

/**
 * A phase whose rubric has no key points (many questions start at the design) still earns strengths: each passing
 * dimension scored from the answer's own sentences (its reason quotes the one that showed it best). Communication
 * is left out: its reason is a count, the same words for many answers.
 */
function dimensionStrengths({ dimensions, role, compiled }: FeedbackInputs): string[] {
  const titles = new Map(role.sessions[compiled.question.kind].dimensions.map((d) => [d.id, d.title]));
  const onKeyPoints = new Set(compiled.keyPoints.map((k) => k.keyPoint.dimension));
  return dimensions
    .filter((d) => d.score >= 3 && d.id !== 'communication' && !onKeyPoints.has(d.id) && d.reason.includes('“'))
    .map((d) => `${titles.get(d.id) ?? d.id} is at ${d.score} of 4: ${d.reason}`);
}

/** What earned a flag, quoted, and what to do instead. */
function flagLines({ flags, answer, padding }: FeedbackInputs): string[] {
  const source = (s: AnalysedSentence | undefined) => (s ? answer.source.slice(s.start, s.end).trim() : '');
  const first = source(answer.sentences.find((s) => !s.injected)) || answer.source.trim();
  const lines: string[] = [];
  if (flags.includes('injection_suspected')) {
    const injected = source(answer.sentences.find((s) => s.injected));
    lines.push(
      injected
        ? `${said(injected)} is addressed to the grader, so it is ignored and earns nothing; only your answer is graded.`
        : 'Text addressed to the grader is ignored and earns nothing; only your answer is graded.',
    );
  }
  if (flags.includes('non_answer')) {
    lines.push(
      first
        ? `${said(first)} is not yet an answer: even when unsure, state your assumptions and reason from the requirements to a first design.`
        : 'There is no answer to grade yet: state your assumptions and reason from the requirements to a first design.',
    );
  } else if (flags.includes('off_topic')) {
    lines.push(
      padding?.kind === 'remarks'
        ? `${said(first)} talks about design in general (what is important, what it depends on) rather than about this one: say what you would build for this question, and why.`
        : padding
          ? `${said(first)} opens an answer that is mostly ${padding.words} rather than a design for this question: say what you would build, and why.`
          : `${said(first)} answers a different question: map each part of your answer to this question's requirements.`,
    );
  }
  if (flags.includes('keyword_stuffing')) {
    const list = source(answer.sentences.find((s) => s.listLike && !s.injected)) || first;
    lines.push(
      `${said(list)} lists terms without saying how any of them works here, and a list earns no credit: pick the two that matter most and explain how each serves this design.`,
    );
  }
  return lines;
}

/**
 * Each technically wrong claim, quoted with its correction, then the question's common mistakes made in words. A
 * sentence is quoted once: a common mistake it also makes is named on its correction's line, not on a second line
 * quoting the same words.
 */
function corrections(inputs: FeedbackInputs): string[] {
  const { misconceptions, answer } = inputs;
  // One line per sentence, with each of its errors corrected once: the same correction twice teaches nothing new.
  const seen = new Set<FoundMisconception['misconception']>();
  const bySentence = new Map<AnalysedSentence, string[]>();
  const overclaims: AnalysedSentence[] = [];
  for (const { misconception, sentence } of misconceptions) {
    if (misconception.id === OVERCLAIM.id) {
      if (!overclaims.includes(sentence)) overclaims.push(sentence);
      continue;
    }
    if (seen.has(misconception)) continue;
    seen.add(misconception);
    bySentence.set(sentence, [...(bySentence.get(sentence) ?? []), misconception.correction]);
  }
  const quote = (sentence: AnalysedSentence) => said(answer.source.slice(sentence.start, sentence.end).trim(), 240);
  // A sentence already corrected for what it gets wrong is not quoted again as an overclaim.
  const corrected = new Set(misconceptions.filter((m) => m.misconception.id !== OVERCLAIM.id).flatMap((m) => m.sentences));
  const [first, second, ...rest] = overclaims.filter((s) => !corrected.has(s));
  const text = (sentence: AnalysedSentence) => answer.source.slice(sentence.start, sentence.end).trim();
  const alsoMistakes = new Map<AnalysedSentence, string[]>();
  const mistakeLines: string[] = [];
  for (const { mistake, quote: claim } of wrongClaims(inputs)) {
    const sentence = [...bySentence.keys()].find((s) => text(s).startsWith(claim));
    if (sentence) alsoMistakes.set(sentence, [...(alsoMistakes.get(sentence) ?? []), mistake]);
    else mistakeLines.push(`${said(claim)} is a common mistake: ${mistake}.`);
  }
  const lines = [...bySentence].map(([sentence, fixes]) => {
    const [first, ...more] = fixes;
    const named = alsoMistakes.get(sentence) ?? [];
    const mistake = named.length > 0 ? ` It is the common mistake ${listOf(named, 'and')}.` : '';
    return `${quote(sentence)} is not right: ${first}.${more.map((fix) => ` Also: ${fix}.`).join('')}${mistake}`;
  });
  // Overclaims are one habit: one line, every instance quoted (the first two in full, then how many more).
  if (first) {
    const others = second ? ` and ${quote(second)}${rest.length ? ` (and ${rest.length} more like ${rest.length === 1 ? 'it' : 'them'})` : ''}` : '';
    lines.push(
      `${quote(first)}${others} wave${second ? '' : 's'} a risk away without arguing it: when you call a safeguard unneeded, a cost free or a failure impossible, say what it would cost or how it would fail, and why this design can accept that.`,
    );
  }
  return [...lines, ...mistakeLines];
}

/** The question's common mistakes the answer makes in words, each with its quote (an absent topic has none: it shows as the missing point it is about). */
function wrongClaims(inputs: FeedbackInputs): { mistake: string; quote: string }[] {
  return inputs.compiled.mistakes
    .filter((m) => inputs.mistakes.get(m.mistake.id)?.present)
    .flatMap((m) => {
      const quote = inputs.graded.mistakes.find((x) => x.id === m.mistake.id)?.evidence[0];
      return quote ? [{ mistake: label(m.mistake.text), quote }] : [];
    });
}

/**
 * This phase's points not covered, heaviest first, each tied to what the candidate did say: the sentence that
 * began on it (and what it still lacks), else the nearest thing they said; points nothing came near are named
 * together, against the sentence the answer spent its words on.
 */
function gapLines(gaps: readonly CompiledKeyPoint[], inputs: FeedbackInputs): string[] {
  const lines: string[] = [];
  const untouched: string[] = [];
  const cited = new Set<string>();
  for (const k of gaps) {
    const result = inputs.keyPoints.get(k.keyPoint.id);
    // The sentence that shows most of the point, not merely the first that names one of its words.
    const quote = result?.lead
      ? inputs.answer.source.slice(result.lead.start, result.lead.end).trim()
      : inputs.graded.keyPoints.find((x) => x.id === k.keyPoint.id)?.evidence[0];
    const point = label(k.keyPoint.text);
    // Got wrong, not left out: the correction above says what is wrong, this line what it costs.
    const wrong = inputs.wrongAbout.get(k.keyPoint.id);
    if (wrong) {
      const quoted = said(inputs.answer.source.slice(wrong.start, wrong.end).trim());
      lines.push(
        inputs.lastWord.has(k.keyPoint.id)
          ? `${point} earns nothing in this answer: ${quoted}, in your closing paragraph, gets it wrong, and as your last word on it, it stands over what you said before; the correction above is what a strong answer builds on.`
          : `${point} earns nothing in this answer, because ${quoted} gets it wrong; the correction above is what a strong answer builds on.`,
      );
      continue;
    }
    // Contradicted: the line says what the point's own explanation says instead.
    const against = inputs.contradicted.get(k.keyPoint.id);
    if (against) {
      const { sentence, contradiction, closing } = against;
      const how = contradiction.kind === 'swapped-sides' ? 'has the two sides the wrong way round' : 'sets aside what the point needs';
      const quoted = said(inputs.answer.source.slice(sentence.start, sentence.end).trim());
      lines.push(
        closing
          ? `${point} earns nothing: ${quoted}, in your closing paragraph, ${how}, and as your last word on it, it stands over what you said before. ${contradiction.says}`
          : `${point} earns nothing from ${quoted}, which ${how}. ${contradiction.says}`,
      );
      continue;
    }
    if (result?.status === 'partial' && quote) {
      const missing = result.lacks?.concepts.map(humanise) ?? [];
      lines.push(
        result.lacks?.numbers
          ? `${said(quote)} starts on ${point}, but sizes nothing: put numbers on the rates and the storage, even rough ones, and say what they change in the design.`
          : result.lacks?.focus
            ? `${said(quote)} touches on ${point} only in passing, while making another point; take it on in its own right: what you would build and why.`
            : result.lacks?.filler
              ? `${said(quote)} names ${point} in an answer that is mostly ${inputs.padding?.words ?? 'general remarks and options left open'}; ${k.keyPoint.dimension === 'requirements' ? 'commit to a scope for it: what is in, what is out, the targets, and why' : 'commit to a design for it: what you would build, and why it fits this question'}.`
              : result.lacks?.doubted === 'wrong-claims'
                ? `${said(quote)} names ${point}, but beside the wrong claims above its bare minimum is not enough: show how it works, step by step, and what it costs.`
                : result.lacks?.doubted === 'list'
                  ? `${said(quote)} names ${point} in an answer that mostly lists terms: show how it works here, step by step, and why you would build it.`
                  : missing.length > 0
                    ? `${said(quote)} starts on ${point}, but does not get to ${listOf(missing)}.`
                    : `${said(quote)} names ${point} but never says why it is needed here: give the reason and what it costs.`,
      );
      continue;
    }
    // A sentence already cited for one gap is not "the nearest" to the next: the line would repeat itself.
    const near = nearest(k, inputs);
    if (near && !cited.has(near)) {
      cited.add(near);
      lines.push(`You mention ${said(near)}, but never get to ${point}.`);
    } else untouched.push(point);
  }
  // A keyword list already has its line (flagLines): naming the same sentence again adds nothing.
  if (untouched.length > 0 && !inputs.flags.includes('keyword_stuffing')) {
    lines.push(
      `${listOf(untouched, 'and')} ${untouched.length > 1 ? 'are' : 'is'} missing; your answer spends its words on ${said(focusOf(inputs))} instead.`,
    );
  }
  return lines;
}

/** The candidate's sentence that came closest to a missed point: the one matching most of its concepts. */
function nearest(k: CompiledKeyPoint, inputs: FeedbackInputs): string | undefined {
  const hits = new Map<number, number>();
  for (const concept of k.signals.concepts) for (const j of inputs.said.with(concept.key) ?? []) hits.set(j, (hits.get(j) ?? 0) + 1);
  const best = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const sentence = best ? inputs.said.sentences[best[0]] : undefined;
  return sentence ? inputs.answer.source.slice(sentence.start, sentence.end).trim() : undefined;
}

/** The sentence an answer puts most of the rubric's words into (its first when none has any). */
function focusOf({ answer }: FeedbackInputs): string {
  const pool = answer.credited.length > 0 ? answer.credited : answer.sentences.filter((s) => !s.injected);
  const best = [...pool].sort((a, b) => b.termCount - a.termCount || a.index - b.index)[0];
  return best ? answer.source.slice(best.start, best.end).trim() : answer.source.trim();
}

/** A concept id as words: `get-refreshes` → "get refreshes". */
const humanise = (id: string) => `‘${id.replace(/-/g, ' ')}’`;
