import { stemmer } from 'stemmer';
import { AMBIGUOUS_I_L } from './confusable-fold.js';
import { FoldedText } from './text-normaliser.js';
import { CodeUnits } from './code-units.js';
import { grown } from './grown.js';
import { PHRASE_WORD_IDS } from './injection-patterns.js';
import { ABBREVIATIONS, RATE_UNITS } from './shorthand.js';
import { FNV_OFFSET, FNV_PRIME, WordMemo, wordHash } from './word-memo.js';

/** One word of the answer. `start`/`end` are offsets in the ORIGINAL text. */
export interface Token {
  /** Folded surface form, e.g. `websockets`. */
  readonly word: string;
  /** Porter stem of `word` (digits and mixed tokens are kept as they are). */
  readonly stem: string;
  readonly start: number;
  readonly end: number;
  /** Index of the first folded character (for slicing folded text). */
  readonly foldedStart: number;
  readonly foldedEnd: number;
  /** `Tokeniser.termStemId(stem)`: non-zero only for stems a term index registered. */
  readonly termId: number;
}

/**
 * The words of one text, column by column: token `i` is `stemId[i]`, `termId[i]`, … .
 * The grader reads hundreds of tokens per answer; typed columns filled from a per-word
 * memo cost no allocation per token, where one object per token was a quarter of a grade.
 */
export class Tokens implements Iterable<Token> {
  constructor(
    readonly length: number,
    /** The tokeniser's id of the token's stem: equal ids ⇔ equal stems, within one `Tokens`. */
    readonly stemId: Int32Array,
    /** `Tokeniser.termStemId(stem)`. */
    readonly termId: Int32Array,
    /** The token word's id among the injection patterns' words (`PHRASE_WORD_IDS`), or 0. */
    readonly wordId: Int32Array,
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly foldedStart: Int32Array,
    readonly foldedEnd: Int32Array,
    /** The token's entry in `table`. */
    private readonly entry: Int32Array,
    private readonly table: WordTable,
  ) {}

  word(i: number): string {
    return this.table.words[this.entry[i] ?? 0] ?? '';
  }

  stem(i: number): string {
    return this.table.stems[this.entry[i] ?? 0] ?? '';
  }

  /** Token `i` as an object (tests and the rare caller that wants one). */
  at(i: number): Token {
    return {
      word: this.word(i),
      stem: this.stem(i),
      start: this.start[i] ?? 0,
      end: this.end[i] ?? 0,
      foldedStart: this.foldedStart[i] ?? 0,
      foldedEnd: this.foldedEnd[i] ?? 0,
      termId: this.termId[i] ?? 0,
    };
  }

  *[Symbol.iterator](): Iterator<Token> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/**
 * The words the tokeniser has read, each with its stem and ids in typed columns, so a
 * token copies numbers from compact arrays instead of reading an object per word.
 * Append-only; forgetting the words starts a new table, and `Tokens` built before keep
 * reading the one they were built with.
 */
class WordTable {
  readonly words: string[] = [];
  readonly stems: string[] = [];
  stemId: Int32Array = new Int32Array(1024);
  termId: Int32Array = new Int32Array(1024);
  wordId: Int32Array = new Int32Array(1024);

  add(word: string, stem: string, stemId: number, termId: number, wordId: number): number {
    const entry = this.words.length;
    if (entry === this.stemId.length) {
      this.stemId = grown(this.stemId);
      this.termId = grown(this.termId);
      this.wordId = grown(this.wordId);
    }
    this.words.push(word);
    this.stems.push(stem);
    this.stemId[entry] = stemId;
    this.termId[entry] = termId;
    this.wordId[entry] = wordId;
    return entry;
  }
}

/**
 * The memo of known words is forgotten when it holds this many words (or its stems this many ids), so that any
 * number of answers cannot grow it without bound.
 */
const MAX_MEMO = 100_000;
/** The word memo is also forgotten when its words hold this many characters (a few very long "words" must not pin memory). */
const MAX_MEMO_CHARS = 2_000_000;

/**
 * Word characters of FOLDED text: ASCII letters and digits (almost everything after
 * folding), the I/l marker, and the letter blocks of other scripts; symbol blocks
 * (punctuation, arrows, maths, emoji surrogates) stay separators. The tokeniser tests
 * them by code unit (`isWordUnit`); the regex serves pattern checks.
 */
const NON_ASCII_WORD_CLASS = '\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\u218f\u2c00-\u2fff\u3040-\ud7ff\ue000-\uffff';

/** Folded text without these has exactly its runs of [a-z0-9] as words (the I/l marker is one). */
export const NON_ASCII_WORD_CHAR = new RegExp(`[${NON_ASCII_WORD_CLASS}]`);

/** A word character of folded text, by UTF-16 code unit: `[a-z0-9]` and the letters of NON_ASCII_WORD_CLASS. */
export function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return (
    (c >= 0xc0 && c <= 0x1fff && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fff) ||
    (c >= 0x3040 && c <= 0xd7ff) ||
    c >= 0xe000
  );
}

/** `isWordUnit` as a table (one read per character), with the I/l marker told apart. */
const SEPARATOR = 0;
const LETTER = 1;
const AMBIGUOUS = 2;
const UNIT_KIND = new Uint8Array(0x10000);
for (let c = 0; c < UNIT_KIND.length; c++) UNIT_KIND[c] = isWordUnit(c) ? LETTER : SEPARATOR;
UNIT_KIND[AMBIGUOUS_I_L.charCodeAt(0)] = AMBIGUOUS;

/**
 * Growable typed columns for `Tokens`, all in one buffer: typed arrays of this size live
 * outside the JS heap, and one allocation per text costs a fraction of eight.
 */
class TokenColumns {
  private static readonly COLUMNS = 8;
  private n = 0;
  private size: number;
  private buffer: Int32Array;

  constructor(
    textLength: number,
    private readonly table: WordTable,
  ) {
    // A word and its separator take ~6 characters in prose.
    this.size = 16 + (textLength >> 2);
    this.buffer = new Int32Array(this.size * TokenColumns.COLUMNS);
  }

  /** A token of the word `entry` of the word table. */
  push(entry: number, start: number, end: number, foldedStart: number, foldedEnd: number): void {
    if (this.n === this.size) this.grow();
    const i = this.n++;
    const size = this.size;
    const b = this.buffer;
    const table = this.table;
    b[i] = table.stemId[entry] ?? 0;
    b[size + i] = table.termId[entry] ?? 0;
    b[2 * size + i] = table.wordId[entry] ?? 0;
    b[3 * size + i] = start;
    b[4 * size + i] = end;
    b[5 * size + i] = foldedStart;
    b[6 * size + i] = foldedEnd;
    b[7 * size + i] = entry;
  }

  finish(): Tokens {
    const column = (k: number) => this.buffer.subarray(k * this.size, k * this.size + this.n);
    return new Tokens(this.n, column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7), this.table);
  }

  private grow(): void {
    const size = this.size * 2;
    const bigger = new Int32Array(size * TokenColumns.COLUMNS);
    for (let k = 0; k < TokenColumns.COLUMNS; k++) bigger.set(this.buffer.subarray(k * this.size, (k + 1) * this.size), k * size);
    this.buffer = bigger;
    this.size = size;
  }
}

/** The Porter stem of a word (digits and mixed tokens are kept as they are); `Tokeniser.stem` is the same, memoised. */
export function porterStem(word: string): string {
  return /^[a-z]+$/.test(word) && word.length > 2 ? stemmer(word) : word;
}

/**
 * Reads words: splits folded text into tokens, stems them, and gives their stems ids. Everything it learns lives
 * in the instance (one per grader engine, see `GraderEngine`), so two graders never share or reset each other's
 * tables:
 * - term ids: stems used by rubric or lexicon terms get small permanent ids (`registerTermStem`), so term matching
 *   compares numbers and indexes arrays instead of hashing a string per token. Only term stems are registered
 *   (bounded by the content), never answer words; every other stem is 0.
 * - stem ids: every stem met gets an id (any word of any answer, so unlike term ids the table is bounded by clearing
 *   it, with the word memo, before a text when it is full). Ids therefore compare stems only within one `Tokens`,
 *   which is all the grader needs.
 * - the word memo: written word → its entries in the word table (stem, ids), so a known word costs one probe.
 * Word ids (`Tokens.wordId`) are the injection patterns' fixed `PHRASE_WORD_IDS`, the same in every instance.
 * Not re-entrant: one text at a time (the grader is synchronous).
 */
export class Tokeniser {
  private readonly termIds = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();
  private readonly stems = new Map<string, string>();
  /** Rubric and lexicon term → its stems (`termStems`): every question's compilation adds the same catalogue terms. */
  private readonly termStemsMemo = new Map<string, readonly string[]>();
  private words = new WordTable();
  /**
   * Written word → the entries of the word table it stands for: `first << 2 | count` (shorthand
   * expands to at most two words, stored consecutively; see `firstEntry`).
   */
  private readonly memo = new WordMemo<number>();
  private readonly textUnits = new CodeUnits();
  private readonly wordUnits = new CodeUnits();

  /** The term id of `stem`, or 0. */
  termStemId(stem: string): number {
    return this.termIds.get(stem) ?? 0;
  }

  /**
   * Gives `stem` a term id (idempotent). A new one forgets the word memo, whose words carry the old (zero) id of
   * this stem; registering is rare (compilation of a question).
   */
  registerTermStem(stem: string): number {
    const known = this.termIds.get(stem);
    if (known !== undefined) return known;
    const id = this.termIds.size + 1;
    this.termIds.set(stem, id);
    this.forgetWords();
    return id;
  }

  /**
   * Splits folded text into words (punctuation is a separator) and stems them. `known`
   * resolves ambiguous I/l glyphs: the reading the rubric vocabulary knows wins, else `i`.
   * Rates ("/s") and common shorthand ("k8s", "LB") are expanded to the words rubric terms use.
   */
  tokenise(folded: FoldedText, known?: (stem: string) => boolean): Tokens {
    const memo = this.memo;
    if (memo.size > MAX_MEMO || memo.chars > MAX_MEMO_CHARS || this.stemIds.size > MAX_MEMO) {
      this.forgetWords();
      this.stemIds.clear();
    }
    const text = folded.text;
    const length = text.length;
    const units = this.textUnits.of(text);
    const identity = folded.isIdentity;
    const out = new TokenColumns(length, this.words);
    let i = 0;
    while (i < length) {
      let c = units[i] ?? 0;
      let kind = UNIT_KIND[c] ?? SEPARATOR;
      if (kind === SEPARATOR) {
        i++;
        continue;
      }
      // A word is a run of word characters, hashed as it is read (see WordMemo).
      const from = i;
      let hash = FNV_OFFSET;
      let ambiguous = false;
      do {
        if (kind === AMBIGUOUS) ambiguous = true;
        hash = Math.imul(hash ^ c, FNV_PRIME);
        c = ++i < length ? (units[i] ?? 0) : 0;
        kind = UNIT_KIND[c] ?? SEPARATOR;
      } while (kind !== SEPARATOR);
      const start = identity ? from : folded.sourceStart(from);
      const end = identity ? i : folded.sourceEnd(i - 1);
      const word = ambiguous ? this.resolveAmbiguous(text.slice(from, i), known) : undefined;
      if (from > 1 && units[from - 1] === 47 && isWordUnit(units[from - 2] ?? 0)) {
        const unit = RATE_UNITS.get(word ?? text.slice(from, i));
        if (unit !== undefined) {
          out.push(firstEntry(this.wordEntries('per')), folded.sourceStart(from - 1), start, from - 1, from);
          out.push(firstEntry(this.wordEntries(unit)), start, end, from, i);
          continue;
        }
      }
      const entries =
        word !== undefined ? this.wordEntries(word) : (memo.get(units, from, i, hash) ?? this.learn(text.slice(from, i), units, from, i, hash));
      const first = firstEntry(entries);
      const count = entries & 3;
      for (let k = 0; k < count; k++) out.push(first + k, start, end, from, i);
    }
    return out.finish();
  }

  /** Folds and tokenises in one call; used for rubric terms and small texts. */
  normaliseWords(text: string): string[] {
    const tokens = this.tokenise(FoldedText.of(text));
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) out.push(tokens.stem(i));
    return out;
  }

  /**
   * `normaliseWords` of a rubric or lexicon term, memoised: the misconception catalogue and the lexicon go into every
   * question's compilation, so without the memo each compilation tokenises them again.
   */
  termStems(term: string): readonly string[] {
    const hit = this.termStemsMemo.get(term);
    if (hit !== undefined) return hit;
    const stems = this.normaliseWords(term);
    if (this.termStemsMemo.size > MAX_MEMO) this.termStemsMemo.clear();
    this.termStemsMemo.set(term, stems);
    return stems;
  }

  /** `porterStem` with a bounded memo (the same few thousand words recur in every answer). */
  stem(word: string): string {
    const stems = this.stems;
    const hit = stems.get(word);
    if (hit !== undefined) return hit;
    const value = porterStem(word);
    if (stems.size > MAX_MEMO) stems.clear();
    // Long "words" are not worth remembering and must not pin memory.
    if (word.length <= 64) stems.set(word, value);
    return value;
  }

  private forgetWords(): void {
    this.memo.clear();
    this.words = new WordTable();
  }

  /** The word table entries of a written word. */
  private wordEntries(word: string): number {
    const units = this.wordUnits.of(word);
    const hash = wordHash(units, 0, word.length);
    return this.memo.get(units, 0, word.length, hash) ?? this.learn(word, units, 0, word.length, hash);
  }

  /** Works out and remembers the word(s) `word` (`units[from, to)`, hashed `hash`) stands for, which the memo does not know. */
  private learn(word: string, units: Uint16Array, from: number, to: number, hash: number): number {
    const expanded = ABBREVIATIONS.get(word) ?? [word];
    let first = -1;
    for (const w of expanded) {
      const s = this.stem(w);
      let stemId = this.stemIds.get(s);
      if (stemId === undefined) {
        stemId = this.stemIds.size;
        this.stemIds.set(s, stemId);
      }
      const entry = this.words.add(w, s, stemId, this.termStemId(s), PHRASE_WORD_IDS.get(w) ?? 0);
      if (first === -1) first = entry;
    }
    const entries = (first << 2) | expanded.length;
    this.memo.set(units, from, to, hash, entries);
    return entries;
  }

  private resolveAmbiguous(word: string, known?: (stem: string) => boolean): string {
    const parts = word.split(AMBIGUOUS_I_L);
    // 2^k readings; k is tiny in practice and capped so a hostile answer cannot blow up.
    const k = Math.min(parts.length - 1, 6);
    let fallback: string | undefined;
    for (let mask = 0; mask < 1 << k; mask++) {
      let candidate = parts[0] ?? '';
      for (let j = 1; j < parts.length; j++) {
        const letter = j - 1 < k && (mask >> (j - 1)) & 1 ? 'l' : 'i';
        candidate += letter + (parts[j] ?? '');
      }
      fallback ??= candidate;
      if (known?.(this.stem(candidate))) return candidate;
    }
    return fallback ?? word;
  }
}

function firstEntry(entries: number): number {
  return entries >> 2;
}
