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
  const seen: Seen = { exact: new Map(), ids: new Map(), stamp: new Int32Array(tokens.length + 1), round: 0, long: [] };
  const sentences: AnalysedSentence[] = splitSentences(folded, tokens).map((sentence) => {
    const injected = injection.findings.some((f) => f.start < sentence.end && f.end > sentence.start);
    const content: string[] = [];
    // The question's index was built with the lexicon's function stems: same test, by id.
    for (const t of sentence.tokens) if (!compiled.terms.isFunction(t)) content.push(t.stem);
    const duplicate = !injected && isRepeat(content, seen);
    const cues = new Set<number>();
    let negationAt = -1;
    const keys = new Map<number, number>();
    const starts = new Set<number>();
    // Injected text is not the candidate's answer: nothing in it is matched at all.
    if (!injected) {
      compiled.terms.forEachMatch(sentence.tokens, (key, from) => {
        if (key >= LEXICON_KEY_OFFSET) {
          const cue = key - LEXICON_KEY_OFFSET;
          cues.add(cue);
          if (cue === lexicon.negationKey && (negationAt === -1 || from < negationAt)) negationAt = from;
          return;
        }
        const at = keys.get(key);
        if (at === undefined || from < at) keys.set(key, from);
        starts.add(from);
      });
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
 * Words get small per-answer ids so the pairwise Jaccard test is typed-array reads
 * (a `stamp` of the current sentence) rather than string Set lookups: it is quadratic
 * in sentences and was the costliest step of the analysis.
 */
function isRepeat(content: readonly string[], seen: Seen): boolean {
  if (content.length === 0) return false;
  const round = ++seen.round;
  const sequence: number[] = [];
  const mine: number[] = [];
  let hash = content.length;
  for (const s of content) {
    let id = seen.ids.get(s);
    if (id === undefined) {
      id = seen.ids.size;
      seen.ids.set(s, id);
    }
    sequence.push(id);
    hash = Math.imul(hash ^ id, 0x01000193);
    if (seen.stamp[id] !== round) {
      seen.stamp[id] = round;
      mine.push(id);
    }
  }
  // Same words in the same order: a hash of the id sequence, confirmed element by element.
  const bucket = seen.exact.get(hash);
  if (bucket?.some((other) => sameSequence(other, sequence))) return true;
  if (bucket) bucket.push(sequence);
  else seen.exact.set(hash, [sequence]);
  const size = mine.length;
  if (size < 5) return false;
  for (const theirs of seen.long) {
    // Jaccard >= 0.8 needs the smaller set to be at least 0.8 of the larger.
    if (Math.min(size, theirs.length) < 0.8 * Math.max(size, theirs.length)) continue;
    let both = 0;
    for (let k = 0; k < theirs.length; k++) if (seen.stamp[theirs[k] as number] === round) both++;
    if (both / (size + theirs.length - both) >= 0.8) return true;
  }
  seen.long.push(mine);
  return false;
}

function sameSequence(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What the sentences so far said: exact content keys, and the long ones' distinct word ids for Jaccard. */
interface Seen {
  /** Hash of a sentence's content-word id sequence → the sequences with that hash. */
  readonly exact: Map<number, number[][]>;
  /** Content stem → per-answer id (ids are < the answer's token count). */
  readonly ids: Map<string, number>;
  /** `stamp[id] === round` ⇔ word `id` is in the sentence being tested. */
  readonly stamp: Int32Array;
  round: number;
  readonly long: number[][];
}
