import { keyAt, type AnalysedSentence } from './answer-analysis.js';
import type { CompiledKeyPoint } from './compiled-question.js';

/**
 * The sentences that may not evidence a key point because a wrong sentence about that point sits in their
 * unit of explanation: a paragraph that names a concept while getting it wrong is one wrong explanation, and the
 * sentences around the wrong claim (its set-up, its consequences) earn that point nothing either. A key point is
 * "about" a wrong sentence when the sentence names more of its concepts than of any other point's (ties taint each):
 * a claim about timeouts that says "retry" is about the payment state machine, not the webhook retries beside it.
 * `source` null: the whole answer is one unit. Returns, per key point id, the sentences to leave out (only points
 * with any) and the first wrong sentence about it.
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
  wrong: Iterable<AnalysedSentence>,
  sentences: readonly AnalysedSentence[],
  source: string | null,
): { readonly left: Map<string, Set<AnalysedSentence>>; readonly wrongAbout: Map<string, AnalysedSentence> } {
  const unitOf = source === null ? () => 0 : unitIndexer(source);
  const left = new Map<string, Set<AnalysedSentence>>();
  const wrongAbout = new Map<string, AnalysedSentence>();
  for (const w of wrong) {
    const unit = unitOf(w.start);
    const named = keyPoints.map((k) => k.signals.concepts.filter((c) => keyAt(w, c.key) !== -1).length);
    const most = Math.max(0, ...named);
    if (most === 0) continue;
    for (const [i, k] of keyPoints.entries()) {
      if (named[i] !== most) continue;
      if (!wrongAbout.has(k.keyPoint.id)) wrongAbout.set(k.keyPoint.id, w);
      let set = left.get(k.keyPoint.id);
      if (!set) left.set(k.keyPoint.id, (set = new Set()));
      for (const s of sentences) if (unitOf(s.start) === unit) set.add(s);
    }
  }
  return { left, wrongAbout };
}

/** A blank line, or a line break before a bullet ("-", "*", "•", "2.") or a short label ("Storage:", "Ordering:"). */
const UNIT_BREAK = /\n[ \t]*\n|\n(?=[ \t]*(?:[-*•]|\d{1,2}[.)]|[\p{L}][\p{L}\p{N} /&_-]{0,30}:)\s)/gu;

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
