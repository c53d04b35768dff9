import { keyAt, type AnalysedSentence } from './answer-analysis.js';
import type { CompiledKeyPoint } from './compiled-question.js';
import type { CoverageResult } from './coverage-judge.js';

/**
 * What each sentence is about: the key points that match the most of their own concepts in it (a tie is shared).
 * A point is covered only where the answer takes it on: the sentences it leads must show as many of its concepts as
 * covering needs. A good answer that says "partitioned" and "executions" while claiming due jobs is about the trigger,
 * not about the data model; its words there no longer cover the data model on their own (partial instead: with the
 * concepts its own sentences lack, or `lacks.focus` when it has none).
 */
export class MainTopics {
  /** Per sentence, how many concepts of each point (in `points` order) it matches, and the most any point does. */
  private readonly counts = new Map<AnalysedSentence, { readonly perPoint: Uint8Array; readonly most: number }>();

  constructor(private readonly points: readonly CompiledKeyPoint[]) {}

  /** `result` as it stands when `point` leads enough of `sentences` (the pool it was judged on), else partial. */
  judge(point: CompiledKeyPoint, sentences: readonly AnalysedSentence[], result: CoverageResult): CoverageResult {
    if (result.status !== 'covered') return result;
    const at = this.points.indexOf(point);
    const shown = new Set<number>();
    let lead: AnalysedSentence | undefined;
    for (const sentence of sentences) {
      const { perPoint, most } = this.countsOf(sentence);
      // A sentence that sizes something is the estimate's, whatever design words it sizes.
      const sizing = point.signals.requireNumbers && sentence.hasNumber;
      if (perPoint[at] === 0 || ((perPoint[at] ?? 0) < most && !sizing)) continue;
      if (!lead || (perPoint[at] ?? 0) > (this.countsOf(lead).perPoint[at] ?? 0)) lead = sentence;
      for (const concept of point.signals.concepts) if (keyAt(sentence, concept.key) !== -1) shown.add(concept.key);
    }
    if (shown.size >= point.signals.minConcepts) return result;
    // Its own sentences began on it: what they lack is what to say ("does not get to aggregation"), quoting the best
    // of them. None of its own: its words came only in passing, in sentences about other points.
    if (lead) {
      const lacking = point.signals.concepts.filter((c) => !shown.has(c.key)).map((c) => c.id);
      return { ...result, status: 'partial', lead, lacks: { reasoning: false, concepts: lacking } };
    }
    return { ...result, status: 'partial', lacks: { reasoning: false, concepts: [], focus: true } };
  }

  private countsOf(sentence: AnalysedSentence) {
    let known = this.counts.get(sentence);
    if (known) return known;
    const perPoint = new Uint8Array(this.points.length);
    let most = 0;
    this.points.forEach((point, p) => {
      let n = 0;
      for (const concept of point.signals.concepts) if (keyAt(sentence, concept.key) !== -1) n++;
      perPoint[p] = n;
      if (n > most) most = n;
    });
    known = { perPoint, most };
    this.counts.set(sentence, known);
    return known;
  }
}
