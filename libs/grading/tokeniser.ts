import { stemmer } from 'stemmer';
import { AMBIGUOUS_I_L } from './confusable-fold.js';
import { FoldedText } from './text-normaliser.js';
import { CodeUnits } from './code-units.js';
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
  /** `termStemId(stem)`: non-zero only for stems a term index registered (see below). */
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
    /** Process-wide id of the token's stem: equal ids ⇔ equal stems, within one `Tokens`. */
    readonly stemId: Int32Array,
    /** `termStemId(stem)`. */
    readonly termId: Int32Array,
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly foldedStart: Int32Array,
    readonly foldedEnd: Int32Array,
    private readonly parts: readonly WordPart[],
  ) {}

  word(i: number): string {
    return (this.parts[i] as WordPart).word;
  }

  stem(i: number): string {
    return (this.parts[i] as WordPart).stem;
  }

  /** `registeredWordId(word(i))`, without hashing the word. */
  wordId(i: number): number {
    return (this.parts[i] as WordPart).wordId;
  }

  /** Token `i` as an object (tests and the rare caller that wants one). */
  at(i: number): Token {
    const part = this.parts[i] as WordPart;
    return {
      word: part.word,
      stem: part.stem,
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
 * Stems used by rubric or lexicon terms get small permanent ids, so term matching compares
 * numbers and indexes arrays instead of hashing a string per token. Only term stems are
 * registered (bounded by the content), never answer words, so the table cannot grow
 * without bound; every other stem is 0.
 */
const termIds = new Map<string, number>();

export function termStemId(stem: string): number {
  return termIds.get(stem) ?? 0;
}

/** Gives `stem` a term id (idempotent). */
export function registerTermStem(stem: string): number {
  return register(termIds, stem);
}

/**
 * Words a matcher recognises by number (the injection detector's phrase words) get small
 * permanent ids that ride on the word memo, so reading a token's id hashes nothing. Only
 * matcher words are registered, never answer words; every other word is 0.
 */
const wordIds = new Map<string, number>();

/** Gives `word` a word id (idempotent). */
export function registerWord(word: string): number {
  return register(wordIds, word);
}

/** The next id of `ids` for `key`, or its id if it has one. */
function register(ids: Map<string, number>, key: string): number {
  const known = ids.get(key);
  if (known !== undefined) return known;
  const id = ids.size + 1;
  ids.set(key, id);
  // Memoised word parts carry the old (zero) id of this key; registering is rare (compilation, start-up).
  parts.clear();
  return id;
}

/**
 * Every stem the tokeniser has met gets an id (any word of any answer, so unlike term ids
 * the table is bounded by clearing it, with the word memo, before a text when it is full).
 * Ids therefore compare stems only within one `Tokens`, which is all the grader needs.
 */
const stemIds = new Map<string, number>();
const MAX_MEMO = 100_000;

/** Engineering shorthand a reader expands without thinking; only unambiguous ones. */
const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['k8s', ['kubernetes']], ['ws', ['websocket']], ['wss', ['websocket']], ['lb', ['load', 'balancer']],
  ['lbs', ['load', 'balancers']], ['svc', ['service']], ['svcs', ['services']], ['conns', ['connections']],
  ['conn', ['connection']], ['msgs', ['messages']], ['msg', ['message']], ['db', ['database']],
  ['dbs', ['databases']], ['txn', ['transaction']], ['txns', ['transactions']], ['req', ['request']],
  ['reqs', ['requests']], ['prefs', ['preferences']], ['repl', ['replication']], ['pubsub', ['pub', 'sub']],
  ['idempotence', ['idempotency']], ['otel', ['opentelemetry']],
]);

/** "46k/s", "messages/day": a rate reads "per second", "per day", as rubric terms write it. */
const RATE_UNITS: ReadonlyMap<string, string> = new Map([
  ['s', 'second'], ['sec', 'second'], ['second', 'second'], ['min', 'minute'], ['minute', 'minute'], ['h', 'hour'],
  ['hr', 'hour'], ['hour', 'hour'], ['d', 'day'], ['day', 'day'], ['mo', 'month'], ['month', 'month'], ['y', 'year'],
  ['yr', 'year'], ['year', 'year'],
]);

/**
 * Word characters of FOLDED text: ASCII letters and digits (almost everything after
 * folding), the I/l marker, and the letter blocks of other scripts; symbol blocks
 * (punctuation, arrows, maths, emoji surrogates) stay separators. The tokeniser tests
 * them by code unit (`isWordUnit`); the regex serves pattern checks.
 */
const NON_ASCII_WORD_CLASS = '\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\u218f\u2c00-\u2fff\u3040-\ud7ff\ue000-\uffff';

/** Folded text without these has exactly its runs of [a-z0-9] as words (the I/l marker is one). */
export const NON_ASCII_WORD_CHAR = new RegExp(`[${NON_ASCII_WORD_CLASS}]`);

/**
 * Splits folded text into words (punctuation is a separator) and stems them. `known`
 * resolves ambiguous I/l glyphs: the reading the rubric vocabulary knows wins, else `i`.
 * Rates ("/s") and common shorthand ("k8s", "LB") are expanded to the words rubric terms use.
 */
export function tokenise(folded: FoldedText, known?: (stem: string) => boolean): Tokens {
  if (parts.size > MAX_MEMO || stemIds.size > MAX_MEMO) {
    parts.clear();
    stemIds.clear();
  }
  const text = folded.text;
  const length = text.length;
  const units = textUnits.of(text);
  const identity = folded.isIdentity;
  const out = new TokenColumns(length);
  let i = 0;
  while (i < length) {
    let c = units[i] ?? 0;
    if (!isWordUnit(c)) {
      i++;
      continue;
    }
    // A word is a run of word characters, hashed as it is read (see WordMemo).
    const from = i;
    let hash = FNV_OFFSET;
    let ambiguous = false;
    do {
      if (c === AMBIGUOUS_CODE) ambiguous = true;
      hash = Math.imul(hash ^ c, FNV_PRIME);
      c = ++i < length ? (units[i] ?? 0) : 0;
    } while (isWordUnit(c));
    const start = identity ? from : folded.sourceStart(from);
    const end = identity ? i : folded.sourceEnd(i - 1);
    const word = ambiguous ? resolveAmbiguous(text.slice(from, i), known) : undefined;
    if (from > 1 && units[from - 1] === 47 && isWordUnit(units[from - 2] ?? 0)) {
      const unit = RATE_UNITS.get(word ?? text.slice(from, i));
      if (unit !== undefined) {
        out.push(wordParts('per')[0] as WordPart, folded.sourceStart(from - 1), start, from - 1, from);
        out.push(wordParts(unit)[0] as WordPart, start, end, from, i);
        continue;
      }
    }
    const info = word !== undefined ? wordParts(word) : (parts.get(units, from, i, hash) ?? learn(text.slice(from, i), units, from, i, hash));
    for (let k = 0; k < info.length; k++) out.push(info[k] as WordPart, start, end, from, i);
  }
  return out.finish();
}

const textUnits = new CodeUnits();
const AMBIGUOUS_CODE = AMBIGUOUS_I_L.charCodeAt(0);

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

/**
 * Growable typed columns for `Tokens`, all in one buffer: typed arrays of this size live
 * outside the JS heap, and one allocation per text costs a third of six.
 */
class TokenColumns {
  private static readonly COLUMNS = 6;
  private n = 0;
  private size: number;
  private buffer: Int32Array;
  private readonly parts: WordPart[] = [];

  constructor(textLength: number) {
    // A word and its separator take ~6 characters in prose.
    this.size = 16 + (textLength >> 2);
    this.buffer = new Int32Array(this.size * TokenColumns.COLUMNS);
  }

  push(part: WordPart, start: number, end: number, foldedStart: number, foldedEnd: number): void {
    if (this.n === this.size) this.grow();
    const i = this.n++;
    const size = this.size;
    const b = this.buffer;
    b[i] = part.stemId;
    b[size + i] = part.termId;
    b[2 * size + i] = start;
    b[3 * size + i] = end;
    b[4 * size + i] = foldedStart;
    b[5 * size + i] = foldedEnd;
    this.parts.push(part);
  }

  finish(): Tokens {
    const column = (k: number) => this.buffer.subarray(k * this.size, k * this.size + this.n);
    return new Tokens(this.n, column(0), column(1), column(2), column(3), column(4), column(5), this.parts);
  }

  private grow(): void {
    const size = this.size * 2;
    const bigger = new Int32Array(size * TokenColumns.COLUMNS);
    for (let k = 0; k < TokenColumns.COLUMNS; k++) bigger.set(this.buffer.subarray(k * this.size, (k + 1) * this.size), k * size);
    this.buffer = bigger;
    this.size = size;
  }
}

/** Folds and tokenises in one call; used for rubric terms and small texts. */
export function normaliseWords(text: string): string[] {
  const tokens = tokenise(FoldedText.of(text));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) out.push(tokens.stem(i));
  return out;
}

interface WordPart {
  readonly word: string;
  readonly stem: string;
  readonly stemId: number;
  readonly termId: number;
  readonly wordId: number;
}

const parts = new WordMemo<readonly WordPart[]>();

/** The word(s) a written word stands for, with stems and ids. */
function wordParts(word: string): readonly WordPart[] {
  const units = wordUnits.of(word);
  const hash = wordHash(units, 0, word.length);
  return parts.get(units, 0, word.length, hash) ?? learn(word, units, 0, word.length, hash);
}

const wordUnits = new CodeUnits();

/** Works out and remembers the parts of `word` (`units[from, to)`, hashed `hash`), which the memo does not know. */
function learn(word: string, units: Uint16Array, from: number, to: number, hash: number): readonly WordPart[] {
  const info = (ABBREVIATIONS.get(word) ?? [word]).map((w) => {
    const s = stem(w);
    let stemId = stemIds.get(s);
    if (stemId === undefined) {
      stemId = stemIds.size;
      stemIds.set(s, stemId);
    }
    return { word: w, stem: s, stemId, termId: termStemId(s), wordId: wordIds.get(w) ?? 0 };
  });
  parts.set(units, from, to, hash, info);
  return info;
}

const stems = new Map<string, string>();

/** Porter stem with a bounded memo (the same few thousand words recur in every answer). */
export function stem(word: string): string {
  const hit = stems.get(word);
  if (hit !== undefined) return hit;
  const value = /^[a-z]+$/.test(word) && word.length > 2 ? stemmer(word) : word;
  if (stems.size > MAX_MEMO) stems.clear();
  stems.set(word, value);
  return value;
}

function resolveAmbiguous(word: string, known?: (stem: string) => boolean): string {
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
    if (known?.(stem(candidate))) return candidate;
  }
  return fallback ?? word;
}
