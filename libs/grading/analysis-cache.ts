import { createHash } from 'node:crypto';
import type { AnswerAnalysis } from './answer-analysis.js';
import type { CompiledQuestion } from './compiled-question.js';

/**
 * The worker grades each answer with up to 12 earlier turns as history, and those turns
 * do not change between grades: re-analysing them made a grade with 8 turns of history
 * cost ~10× one without. An analysis is a pure function of (compiled question, text), so
 * it is kept in a small LRU keyed by question version and a hash of the text. A hit is
 * checked against the stored compilation and text, so a stale or colliding entry can
 * never be used. Entries are never mutated after `analyseAnswer` returns them. One cache
 * per grader engine (its compilations are the engine's).
 */
const MAX_CACHED_ANALYSES = 256;

interface Entry {
  readonly compiled: CompiledQuestion;
  readonly text: string;
  readonly analysis: AnswerAnalysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  /** `analyse` works out an analysis the cache does not hold. */
  constructor(private readonly analyse: (compiled: CompiledQuestion, text: string) => AnswerAnalysis) {}

  /** The analysis of an earlier turn, from the cache when this text was analysed before. */
  get(compiled: CompiledQuestion, text: string): AnswerAnalysis {
    const key = keyOf(compiled, text);
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.compiled === compiled && hit.text === text) {
      // Re-insert so the Map's insertion order is least-recently-used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.analysis;
    }
    const analysis = this.analyse(compiled, text);
    this.remember(key, { compiled, text, analysis });
    return analysis;
  }

  /**
   * Stores the analysis of a graded answer: in a session it is the next grade's history.
   * (The graded answer itself is always analysed afresh, never read from here.)
   */
  put(compiled: CompiledQuestion, text: string, analysis: AnswerAnalysis): void {
    this.remember(keyOf(compiled, text), { compiled, text, analysis });
  }

  private remember(key: string, entry: Entry): void {
    const entries = this.entries;
    entries.delete(key);
    if (entries.size >= MAX_CACHED_ANALYSES) entries.delete(entries.keys().next().value ?? '');
    entries.set(key, entry);
  }
}

function keyOf(compiled: CompiledQuestion, text: string): string {
  const hash = createHash('sha1').update(text).digest('base64');
  return `${compiled.question.id}@${compiled.version}:${hash}`;
}
