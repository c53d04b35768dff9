import { keyAt, type AnalysedSentence } from './answer-analysis.js';
import type { CompiledKeyPoint } from './compiled-question.js';
import {
  dismissedIn,
  dismissesNeed,
  sidesOf,
  swapsSides,
  type Contradiction,
  type ExplanationStance,
  type PassageSides,
} from './explanation-check.js';

/**
 * The sentences that may not evidence a key point because a wrong sentence about that point sits in their
 * unit of explanation: a paragraph that names a concept while getting it wrong is one wrong explanation, and the
 * sentences around the wrong claim (its set-up, its consequences) earn that point nothing either. A key point is
 * "about" a wrong sentence when the sentence names more of its concepts than of any other point's (ties taint each):
 * a claim about timeouts that says "retry" is about the payment state machine, not the webhook retries beside it.
 * It is also about the one point it names that the claim's dimension scores (a question scores each dimension by about
 * one point): "promote the model once its offline NDCG beats the current one" names the offline/online split most,
 * but as a trade-off it is about experimentation. A wrong sum (a claim counted against capacity estimation) is about
 * the estimate point alone, in the whole answer: the estimate is one chain, wherever a figure of it goes wrong.
 * `source` null: the whole answer is one unit. Each wrong sentence comes with the dimensions its claims count against.
 * A wrong claim in the answer's closing unit is its last word on the one point it is about (`closingUnit`): that
 * point earns nothing anywhere in the answer. Returns, per key point id, the sentences to leave out (only points with
 * any), the first wrong sentence about it (the closing one, for a point it takes back) and the points taken back.
 *
 * The unit is the paragraph (blank lines), and a line that opens with a bullet or a label ("- jobs(…)",
 * "Storage: …") is a unit of its own: terse notes put one topic per line, so one wrong line is no wrong
 * explanation of the lines beside it. Prose sentences of one paragraph are not separated, however far apart: a
 * wrong-concept answer spreads its wrong idea over the paragraph (on the development sets a window of one sentence
 * around the wrong one let weak and wrong-concept answers earn points their labellers withheld, and a window of any
 * size gave no good answer a point back).
 */
export function taintedEvidence(
  keyPoints: readonly CompiledKeyPoint[],
  wrong: Iterable<readonly [AnalysedSentence, ReadonlySet<string>]>,
  sentences: readonly AnalysedSentence[],
  source: string | null,
): {
  readonly left: Map<string, Set<AnalysedSentence>>;
  readonly wrongAbout: Map<string, AnalysedSentence>;
  readonly lastWord: Set<string>;
} {
  const unitOf = source === null ? () => 0 : unitIndexer(source);
  const closing = source === null ? -1 : closingUnit(source, unitOf);
  const left = new Map<string, Set<AnalysedSentence>>();
  const wrongAbout = new Map<string, AnalysedSentence>();
  const lastWord = new Set<string>();
  for (const [w, dimensions] of wrong) {
    const unit = unitOf(w.start);
    // A wrong sum is about the estimate wherever it is made (a fleet sized against the wrong figure, a figure restated
    // wrong): the estimate is one chain, and it costs the estimate point in the whole answer, not the design point
    // whose paragraph it sits in.
    const estimate = dimensions.has(ESTIMATE) ? keyPoints.filter((k) => k.keyPoint.dimension === ESTIMATE) : [];
    if (estimate.length > 0) {
      for (const k of estimate) {
        if (!wrongAbout.has(k.keyPoint.id)) wrongAbout.set(k.keyPoint.id, w);
        left.set(k.keyPoint.id, new Set(sentences));
      }
      continue;
    }
    const named = keyPoints.map((k) => k.signals.concepts.filter((c) => keyAt(w, c.key) !== -1).length);
    const top = Math.max(0, ...named);
    if (top === 0) continue;
    // It is about the points it names most, and about the one point it names that its claim's dimension scores.
    const ofItsDimension = keyPoints.filter((k, i) => (named[i] ?? 0) > 0 && dimensions.has(k.keyPoint.dimension));
    const most = keyPoints.filter((_, i) => named[i] === top);
    const about = ofItsDimension.length === 1 && !most.includes(ofItsDimension[0] as CompiledKeyPoint) ? [...most, ...ofItsDimension] : most;
    // The closing unit's wrong claim takes back the one point of its dimension it names. Which other point it is about
    // is read from word overlap alone, too loosely to take back what the answer earned elsewhere ("the HTTP latency
    // histogram will carry user_id as a label" names instrumentation most, and gets cardinality wrong).
    const lastWordOn = unit === closing && ofItsDimension.length === 1 ? ofItsDimension[0] : null;
    if (lastWordOn) {
      lastWord.add(lastWordOn.keyPoint.id);
      wrongAbout.set(lastWordOn.keyPoint.id, w);
    }
    for (const k of about) {
      if (!wrongAbout.has(k.keyPoint.id)) wrongAbout.set(k.keyPoint.id, w);
      let set = left.get(k.keyPoint.id);
      if (!set) left.set(k.keyPoint.id, (set = new Set()));
      for (const s of sentences) if (k === lastWordOn || unitOf(s.start) === unit) set.add(s);
    }
  }
  return { left, wrongAbout, lastWord };
}

/**
 * The sentences that may not evidence a key point because their unit of explanation contradicts the point's own
 * explanation (explanation-check.ts): each side of a distinction given the other's properties, or something the
 * point needs dismissed. Like a wrong claim, the contradiction taints its unit for that point only, or the whole
 * answer when it is made in the closing unit ("For performance, though, I'd drop heartbeats and leases altogether"). A list asserts
 * nothing. Returns, per key point id, the sentences to leave out (only points with any) and the first
 * contradiction: the sentence that makes it and the explanation's sentence it contradicts.
 */
export function contradictingEvidence(
  keyPoints: readonly CompiledKeyPoint[],
  sentences: readonly AnalysedSentence[],
  source: string,
): {
  readonly left: Map<string, Set<AnalysedSentence>>;
  readonly contradicted: Map<string, Contradicted>;
} {
  const left = new Map<string, Set<AnalysedSentence>>();
  const contradicted = new Map<string, Contradicted>();
  const stated = sentences.filter((s) => !s.listLike);
  const judged = keyPoints.filter((k) => k.stance !== null);
  if (stated.length === 0 || judged.length === 0) return { left, contradicted };
  // Only the distinctions some point's explanation draws are read (most answers name none of them).
  const pairs = new Set(judged.flatMap((k) => (k.stance as ExplanationStance).contrasts.map((c) => c.pair)));
  const unitOf = unitIndexer(source);
  const closing = closingUnit(source, unitOf);
  const units = new Map<number, AnalysedSentence[]>();
  for (const s of stated) units.set(unitOf(s.start), [...(units.get(unitOf(s.start)) ?? []), s]);
  for (const [unit, members] of units) {
    const text = (s: AnalysedSentence) => source.slice(s.start, s.end);
    // A distinction is drawn in one sentence or across two ("We fan out on write for celebrities. Normal users pull."):
    // each window of two sentences is read, and the contradiction is quoted from its first sentence.
    const windows = members.map((s, i) => ({
      at: s,
      sides:
        pairs.size === 0 ? NO_SIDES : sidesOf(i + 1 < members.length ? `${text(s)} ${text(members[i + 1] as AnalysedSentence)}` : text(s), pairs),
    }));
    const dismissed = members.map((s) => dismissedIn(text(s)));
    for (const k of judged) {
      const stance = k.stance as ExplanationStance;
      let found: { sentence: AnalysedSentence; contradiction: Contradiction } | null = null;
      for (let i = 0; found === null && i < members.length; i++) {
        const window = windows[i];
        const swapped = window && window.sides.size > 0 ? swapsSides(stance, window.sides) : null;
        const contradiction = swapped ?? dismissesNeed(stance, dismissed[i] ?? []);
        if (contradiction) found = { sentence: members[i] as AnalysedSentence, contradiction };
      }
      if (found === null) continue;
      contradicted.set(k.keyPoint.id, { ...found, closing: unit === closing });
      const set = left.get(k.keyPoint.id) ?? new Set<AnalysedSentence>();
      for (const s of sentences) if (unit === closing || unitOf(s.start) === unit) set.add(s);
      left.set(k.keyPoint.id, set);
    }
  }
  return { left, contradicted };
}

const NO_SIDES: PassageSides = new Map();

/** The dimension that scores estimates. */
const ESTIMATE = 'capacity-estimation';

/** A contradiction of a point's explanation: the sentence, how, and whether it is the closing paragraph's last word. */
export interface Contradicted {
  readonly sentence: AnalysedSentence;
  readonly contradiction: Contradiction;
  readonly closing: boolean;
}

/**
 * The answer's closing paragraph, when it has more than one unit: what it gets wrong there is its last word on the
 * point ("For performance, though, I'd drop heartbeats and leases altogether"), and it takes back what the point
 * earned earlier. A closing bullet or labelled line is one note among others, and costs only itself. -1 when there is
 * no such paragraph (an answer of one unit: its unit is already the whole answer).
 */
function closingUnit(source: string, unitOf: (offset: number) => number): number {
  const first = source.search(/\S/);
  if (first === -1) return -1;
  const end = source.trimEnd().length;
  const last = unitOf(end - 1);
  if (last <= unitOf(first)) return -1;
  const blank = [...source.slice(0, end).matchAll(/\n[ \t]*\n/g)].at(-1);
  if (blank === undefined) return -1;
  const start = (blank.index ?? 0) + blank[0].length;
  return unitOf(start) === last && !NOTE_OPENING.test(source.slice(start, end)) ? last : -1;
}

/** What opens a line of notes: a bullet ("-", "*", "•"), a number ("2.", "2/") or a short label ("Storage:"). */
const NOTE = String.raw`(?:[-*•]|\d{1,2}[.)/]|[\p{L}][\p{L}\p{N} /&_-]{0,30}:)\s`;

/** A paragraph that opens as a note: one note, not a paragraph of prose. */
const NOTE_OPENING = new RegExp(`^\\s*${NOTE}`, 'u');

/** A blank line, or a line break before a line of notes. */
const UNIT_BREAK = new RegExp(`\\n[ \\t]*\\n|\\n(?=[ \\t]*${NOTE})`, 'gu');

/** Offset → unit number (see `taintedEvidence`). */
function unitIndexer(source: string): (offset: number) => number {
  const breaks: number[] = [];
  for (const m of source.matchAll(UNIT_BREAK)) breaks.push(m.index ?? 0);
  return (offset) => {
    let n = 0;
    while (n < breaks.length && (breaks[n] ?? 0) < offset) n++;
    return n;
  };
}
