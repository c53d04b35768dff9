import { keyAt, type AnalysedSentence } from './answer-analysis.js';
import type { CompiledKeyPoint } from './compiled-question.js';

/**
 * The sentences that may not evidence a key point because a wrong sentence about that point sits in their
 * paragraph: a paragraph that names a concept while getting it wrong is one wrong explanation, and the sentences
 * around the wrong claim (its set-up, its consequences) earn that point nothing either. A key point is "about"
 * a wrong sentence when the sentence names one of the point's concepts. `source` null: the whole answer is one
 * paragraph. Returns, per key point id, the sentences to leave out (only points with any).
 */
export function taintedEvidence(
  keyPoints: readonly CompiledKeyPoint[],
  wrong: Iterable<AnalysedSentence>,
  sentences: readonly AnalysedSentence[],
  source: string | null,
): Map<string, Set<AnalysedSentence>> {
  const paragraphOf = source === null ? () => 0 : paragraphIndexer(source);
  const tainted = new Map<string, Set<AnalysedSentence>>();
  for (const w of wrong) {
    const paragraph = paragraphOf(w.start);
    for (const k of keyPoints) {
      if (!k.signals.concepts.some((c) => keyAt(w, c.key) !== -1)) continue;
      let set = tainted.get(k.keyPoint.id);
      if (!set) tainted.set(k.keyPoint.id, (set = new Set()));
      for (const s of sentences) if (paragraphOf(s.start) === paragraph) set.add(s);
    }
  }
  return tainted;
}

/** Offset → paragraph number: paragraphs are separated by a blank line. */
function paragraphIndexer(source: string): (offset: number) => number {
  const breaks: number[] = [];
  for (const m of source.matchAll(/\n[ \t]*\n/g)) breaks.push(m.index ?? 0);
  return (offset) => {
    let n = 0;
    while (n < breaks.length && (breaks[n] ?? 0) < offset) n++;
    return n;
  };
}
