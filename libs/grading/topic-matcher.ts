import type { Question } from '#libs/content';
import type { AnalysedSentence } from './answer-analysis.js';
import type { Tokeniser, Tokens } from './tokeniser.js';
import { isContentStem, questionVocabulary } from './compiled-question.js';

export interface TopicVerdict {
  readonly offTopic: boolean;
  /** The question the answer reads more like, when a corpus was given. */
  readonly closerTo: string | null;
}

/**
 * Decides whether an answer is about its question. With a corpus of questions it weighs
 * each shared stem by how rare it is across questions (idf), so "latency" or "scale"
 * decide nothing while "cardinality" or "presence" do, and calls an answer off-topic when
 * another question explains it clearly better. Without a corpus it falls back to the
 * share of the answer's vocabulary found in the question's own.
 */
export class TopicMatcher {
  private readonly vocabularies = new Map<string, ReadonlySet<string>>();
  private readonly documentFrequency = new Map<string, number>();

  /** `tokeniser` reads the questions' vocabularies. */
  constructor(
    private readonly tokeniser: Tokeniser,
    questions: Iterable<Question> = [],
  ) {
    for (const q of questions) this.add(q);
  }

  add(question: Question): void {
    if (this.vocabularies.has(question.id)) return;
    const vocabulary = questionVocabulary(this.tokeniser, question);
    this.vocabularies.set(question.id, vocabulary);
    for (const s of vocabulary) this.documentFrequency.set(s, (this.documentFrequency.get(s) ?? 0) + 1);
  }

  /** `sentences` are ranges of `tokens`. */
  judge(questionId: string, ownVocabulary: ReadonlySet<string>, tokens: Tokens, sentences: readonly AnalysedSentence[]): TopicVerdict {
    const stems = new Set<string>();
    for (const s of sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const stem = tokens.stem(i);
        if (isContentStem(stem)) stems.add(stem);
      }
    }
    // Too little text to judge; a short answer is the non-answer check's business.
    if (stems.size < 12) return { offTopic: false, closerTo: null };
    const inCorpus = this.vocabularies.has(questionId);
    // The graded question joins the corpus for this call only: grades stay a pure function of their input.
    const others = [...this.vocabularies].filter(([id]) => id !== questionId);
    if (others.length === 0) {
      let shared = 0;
      for (const s of stems) if (ownVocabulary.has(s)) shared++;
      return { offTopic: shared / stems.size < 0.2, closerTo: null };
    }
    const ownVocab = this.vocabularies.get(questionId) ?? ownVocabulary;
    const extra = inCorpus ? null : ownVocab;
    const own = this.score(stems, ownVocab, extra);
    let best = 0;
    let closerTo: string | null = null;
    for (const [id, vocabulary] of others) {
      const score = this.score(stems, vocabulary, extra);
      if (score > best) {
        best = score;
        closerTo = id;
      }
    }
    const offTopic = best > 1.5 * own + 2;
    return { offTopic, closerTo: offTopic ? closerTo : null };
  }

  private score(stems: ReadonlySet<string>, vocabulary: ReadonlySet<string>, extra: ReadonlySet<string> | null): number {
    const n = this.vocabularies.size + (extra ? 1 : 0);
    let total = 0;
    for (const s of stems) {
      if (!vocabulary.has(s)) continue;
      const df = (this.documentFrequency.get(s) ?? 0) + (extra?.has(s) ? 1 : 0);
      total += Math.log((n + 1) / (df + 0.5));
    }
    return total;
  }
}
