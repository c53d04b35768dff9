import type { CompiledQuestion } from './compiled-question.js';
import { detectInjection, type InjectionReport } from './injection-detector.js';
import { LEXICON_KEY_OFFSET, lexiconIndex } from './lexicon-index.js';
import { splitSentences, type Sentence } from './sentence-splitter.js';
import { TermHits, type ContentTokens } from './term-index.js';
import { FoldedText } from './text-normaliser.js';
import { tokenise, type Tokens } from './tokeniser.js';
import { classifyListLike } from './list-detector.js';
import { sortSmall } from './sort-small.js';

/** A sentence with what the grader found in it and whether it may earn credit. */
export interface AnalysedSentence extends Sentence {
  /**
   * Rubric signal keys matched in this sentence, each with the token index (in the
   * sentence) of its first match: `[key, at, key, at, …]`, read with `keyAt`. A sentence
   * matches a handful of keys, so a flat array beats a `Map` per sentence.
   */
  readonly keys: readonly number[];
  /** Token index of the first negation ("not", "never", "avoid", …), or -1. */
  readonly negationAt: number;
  /** Distinct words or phrases of the rubric used in this sentence (however many keys each proves). */
  readonly termCount: number;
  /** Distinct lexicon keys (reasoning, non-answer, dimension cues) matched in this sentence. */
  readonly cues: readonly number[];
  readonly reasoning: boolean;
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
  const content = compiled.terms.contentOf(tokens);
  const injection = detectInjection(folded, tokens);
  const seen: Seen = { exact: new Map(), long: [], byPrefix: new Map() };
  const hits = new TermHits();
  let c = 0;
  const sentences: AnalysedSentence[] = splitSentences(folded, tokens).map((sentence) => {
    const injected = injection.findings.some((f) => f.start < sentence.end && f.end > sentence.start);
    // This sentence's content words are `content[contentFrom, c)`: sentences are consecutive token ranges.
    while (c < content.length && (content.at[c] ?? 0) < sentence.tokenStart) c++;
    const contentFrom = c;
    while (c < content.length && (content.at[c] ?? 0) < sentence.tokenEnd) c++;
    const duplicate = !injected && isRepeat(content, contentFrom, c, seen);
    const cues: number[] = [];
    let negationAt = -1;
    const keys: number[] = [];
    let termCount = 0;
    // Injected text is not the candidate's answer: nothing in it is matched at all.
    if (!injected) {
      hits.clear();
      const round = marks.next();
      compiled.terms.match(tokens, sentence.tokenStart, sentence.tokenEnd, content, contentFrom, c, hits);
      for (let h = 0; h < hits.length; h++) {
        const key = hits.key[h] ?? 0;
        // Positions are kept relative to the sentence, as the judges read them.
        const from = (hits.from[h] ?? 0) - sentence.tokenStart;
        if (key >= LEXICON_KEY_OFFSET) {
          const cue = key - LEXICON_KEY_OFFSET;
          if (!cues.includes(cue)) cues.push(cue);
          if (cue === lexicon.negationKey && (negationAt === -1 || from < negationAt)) negationAt = from;
          continue;
        }
        let k = 0;
        while (k < keys.length && keys[k] !== key) k += 2;
        if (k === keys.length) keys.push(key, from);
        else if (from < (keys[k + 1] ?? 0)) keys[k + 1] = from;
        // Distinct start positions: one rubric word proving several keys counts once.
        if (marks.mark(hits.from[h] ?? 0, round)) termCount++;
      }
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
      negationAt,
      termCount,
      cues,
      reasoning: cues.includes(lexicon.reasoningKey),
      functionWords: sentence.tokenEnd - sentence.tokenStart - (c - contentFrom),
      injected,
      duplicate,
      listLike: false,
    };
  });
  classifyListLike(sentences, folded);
  const credited = sentences.filter((s) => !s.injected && !s.duplicate && !s.listLike);
  const contentTokens = credited.reduce((n, s) => n + s.tokenEnd - s.tokenStart - s.functionWords, 0);
  return { source, folded, tokens, sentences, injection, credited, contentTokens };
}

/** Token index (in the sentence) of the first match of `key`, or -1 if the sentence does not match it. */
export function keyAt(sentence: AnalysedSentence, key: number): number {
  const keys = sentence.keys;
  for (let k = 0; k < keys.length; k += 2) if (keys[k] === key) return keys[k + 1] ?? 0;
  return -1;
}

/**
 * Padding: a sentence whose content words repeat an earlier one (same words, or nearly:
 * Jaccard ≥ 0.8 for sentences of five or more content words) is counted once. Words are
 * compared by stem id, and the Jaccard test reads a mark per id instead of looking up
 * strings, for the earlier sentences a prefix filter leaves (all pairs were quadratic in
 * sentences, the costliest step of the analysis).
 */
function isRepeat(content: ContentTokens, from: number, to: number, seen: Seen): boolean {
  if (to === from) return false;
  const ids = content.stemId;
  let hash = to - from;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ (ids[i] ?? 0), 0x01000193);
  // Same words in the same order: a hash of the id sequence, confirmed element by element.
  const bucket = seen.exact.get(hash);
  if (bucket !== undefined) {
    for (let b = 0; b < bucket.length; b += 2) if (sameSequence(ids, bucket[b] ?? 0, bucket[b + 1] ?? 0, from, to)) return true;
    bucket.push(from, to);
  } else {
    seen.exact.set(hash, [from, to]);
  }
  const round = marks.next();
  const mine: number[] = [];
  for (let i = from; i < to; i++) {
    const id = ids[i] ?? 0;
    if (marks.mark(id, round)) mine.push(id);
  }
  const size = mine.length;
  if (size < 5) return false;
  // Only sentences sharing an id with this one's prefix can reach Jaccard 0.8 (see `Seen.byPrefix`).
  // The order is descending id (rarer words, met later, first): the prefix is the end of `mine`.
  sortSmall(mine);
  const prefix = prefixLength(size);
  for (let p = size - prefix; p < size; p++) {
    const candidates = seen.byPrefix.get(mine[p] ?? 0);
    if (candidates === undefined) continue;
    for (let j = 0; j < candidates.length; j++) {
      const theirs = seen.long[candidates[j] ?? 0] as number[];
      // Jaccard >= 0.8 needs the smaller set to be at least 0.8 of the larger.
      if (Math.min(size, theirs.length) < 0.8 * Math.max(size, theirs.length)) continue;
      let both = 0;
      for (let k = 0; k < theirs.length; k++) if (marks.has(theirs[k] ?? 0, round)) both++;
      if (both / (size + theirs.length - both) >= 0.8) return true;
    }
  }
  const index = seen.long.length;
  seen.long.push(mine);
  for (let p = size - prefix; p < size; p++) {
    const id = mine[p] ?? 0;
    const list = seen.byPrefix.get(id);
    if (list) list.push(index);
    else seen.byPrefix.set(id, [index]);
  }
  return false;
}

/**
 * Prefix filtering (as in set-similarity joins): with every set's ids in one fixed order,
 * Jaccard(r, s) >= 4/5 means |r ∩ s| >= ⌈4|r|/5⌉, so the first element of r ∩ s lies
 * among the first |r| - ⌈4|r|/5⌉ + 1 ids of r, and likewise of s. Two sentences whose
 * prefixes share no id cannot be repeats, and are never compared.
 */
function prefixLength(size: number): number {
  return size - Math.ceil((4 * size) / 5) + 1;
}

/**
 * `has(id, round)` ⇔ `mark(id, round)` was called this round: a set of small integers
 * (stem ids, token positions) for one sentence. One table for the process (the analysis
 * is synchronous), so no sentence allocates or clears a set of its own.
 */
class RoundMarks {
  private marks = new Int32Array(4096);
  private round = 0;

  next(): number {
    if (this.round === 0x3fffffff) {
      this.marks.fill(0);
      this.round = 0;
    }
    return ++this.round;
  }

  /** Marks `id`; false if it was already marked this round. */
  mark(id: number, round: number): boolean {
    if (id >= this.marks.length) this.grow(id);
    if (this.marks[id] === round) return false;
    this.marks[id] = round;
    return true;
  }

  has(id: number, round: number): boolean {
    return this.marks[id] === round;
  }

  private grow(id: number): void {
    const bigger = new Int32Array(Math.max(this.marks.length * 2, id + 1));
    bigger.set(this.marks);
    this.marks = bigger;
  }
}

const marks = new RoundMarks();

/** Whether `ids[a, aEnd)` and `ids[b, bEnd)` are the same sequence. */
function sameSequence(ids: Int32Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (ids[a + k] !== ids[b + k]) return false;
  return true;
}

/** What the sentences so far said: exact content sequences, and the long ones' distinct word ids for Jaccard. */
interface Seen {
  /** Hash of a sentence's content-word id sequence → the `[from, to)` ranges (of the content ids) with that hash, flat. */
  readonly exact: Map<number, number[]>;
  /** Distinct content-word ids of each earlier sentence of five or more, ascending (the prefix is read from the end). */
  readonly long: number[][];
  /** Id → the `long` sets that have it in their prefix (`prefixLength`). */
  readonly byPrefix: Map<number, number[]>;
}
