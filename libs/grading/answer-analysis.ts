import type { CompiledQuestion } from './compiled-question.js';
import { detectInjection, type InjectionReport } from './injection-detector.js';
import { LEXICON_KEY_OFFSET, lexiconIndex } from './lexicon-index.js';
import { splitSentences, type Sentence } from './sentence-splitter.js';
import { FoldedText } from './text-normaliser.js';
import { tokenise } from './tokeniser.js';
import { classifyListLike } from './list-detector.js';

/** A sentence with what the grader found in it and whether it may earn credit. */
export interface AnalysedSentence extends Sentence {
  /** Rubric signal keys matched in this sentence → token index (in the sentence) of the first match. */
  readonly keys: ReadonlyMap<number, number>;
  /** Token index of the first negation ("not", "never", "avoid", …), or -1. */
  readonly negationAt: number;
  /** Distinct words or phrases of the rubric used in this sentence (however many keys each proves). */
  readonly termCount: number;
  /** Lexicon keys (reasoning, non-answer, dimension cues) matched in this sentence. */
  readonly cues: ReadonlySet<number>;
  readonly reasoning: boolean;
  readonly functionWords: number;
  readonly injected: boolean;
  readonly duplicate: boolean;
  listLike: boolean;
}

export interface AnswerAnalysis {
  readonly source: string;
  readonly folded: FoldedText;
  readonly sentences: readonly AnalysedSentence[];
  readonly injection: InjectionReport;
  /** Sentences that can earn credit: not injected, not a repeat, not a keyword list. */
  readonly credited: readonly AnalysedSentence[];
  readonly contentTokens: number;
}

/**
 * Reads one candidate text: folds and tokenises it, splits sentences, finds injected
 * passages, repeats and keyword lists, and matches the rubric and the lexicons per
 * sentence. Injected sentences are dropped before anything is matched, so an injection
 * can never add credit.
 */
export function analyseAnswer(compiled: CompiledQuestion, source: string): AnswerAnalysis {
  const lexicon = lexiconIndex();
  const folded = FoldedText.of(source);
  const known = (s: string) => compiled.terms.stems.has(s) || compiled.vocabulary.has(s);
  const tokens = tokenise(folded, known);
  const injection = detectInjection(folded);
  const seen: Seen = { exact: new Set(), long: [] };
  const sentences: AnalysedSentence[] = splitSentences(folded, tokens).map((sentence) => {
    const injected = injection.findings.some((f) => f.start < sentence.end && f.end > sentence.start);
    const content: string[] = [];
    for (const t of sentence.tokens) if (!lexicon.functionStems.has(t.stem)) content.push(t.stem);
    const duplicate = !injected && isRepeat(content, seen);
    const cues = new Set<number>();
    let negationAt = -1;
    const keys = new Map<number, number>();
    const starts = new Set<number>();
    // Injected text is not the candidate's answer: nothing in it is matched at all.
    const hits = injected ? [] : compiled.terms.match(sentence.tokens);
    for (const h of hits) {
      if (h.key >= LEXICON_KEY_OFFSET) {
        const cue = h.key - LEXICON_KEY_OFFSET;
        cues.add(cue);
        if (cue === lexicon.negationKey && (negationAt === -1 || h.from < negationAt)) negationAt = h.from;
        continue;
      }
      const at = keys.get(h.key);
      if (at === undefined || h.from < at) keys.set(h.key, h.from);
      starts.add(h.from);
    }
    return {
      index: sentence.index,
      start: sentence.start,
      end: sentence.end,
      foldedStart: sentence.foldedStart,
      foldedEnd: sentence.foldedEnd,
      tokens: sentence.tokens,
      keys,
      negationAt,
      termCount: starts.size,
      cues,
      reasoning: cues.has(lexicon.reasoningKey),
      functionWords: sentence.tokens.length - content.length,
      injected,
      duplicate,
      listLike: false,
    };
  });
  classifyListLike(sentences, folded);
  const credited = sentences.filter((s) => !s.injected && !s.duplicate && !s.listLike);
  const contentTokens = credited.reduce((n, s) => n + s.tokens.length - s.functionWords, 0);
  return { source, folded, sentences, injection, credited, contentTokens };
}

/**
 * Padding: a sentence whose content words repeat an earlier one (same words, or nearly:
 * Jaccard ≥ 0.8 for sentences of five or more content words) is counted once.
 */
function isRepeat(content: readonly string[], seen: Seen): boolean {
  if (content.length === 0) return false;
  const exact = content.join(' ');
  if (seen.exact.has(exact)) return true;
  seen.exact.add(exact);
  const mine = new Set(content);
  if (mine.size < 5) return false;
  for (const theirs of seen.long) {
    // Jaccard >= 0.8 needs the smaller set to be at least 0.8 of the larger.
    if (Math.min(mine.size, theirs.size) < 0.8 * Math.max(mine.size, theirs.size)) continue;
    let both = 0;
    for (const s of mine) if (theirs.has(s)) both++;
    if (both / (mine.size + theirs.size - both) >= 0.8) return true;
  }
  seen.long.push(mine);
  return false;
}

/** Content-word sets of the sentences credited so far: exact keys, and the long ones for Jaccard. */
interface Seen {
  readonly exact: Set<string>;
  readonly long: Set<string>[];
}
