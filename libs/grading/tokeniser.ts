import { stemmer } from 'stemmer';
import { AMBIGUOUS_I_L } from './confusable-fold.js';
import { FoldedText } from './text-normaliser.js';

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
  const known = termIds.get(stem);
  if (known !== undefined) return known;
  const id = termIds.size + 1;
  termIds.set(stem, id);
  // Memoised word infos carry the old (zero) id of this stem; compilation is rare.
  infos.clear();
  return id;
}

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
 * folding), the I/l marker, and the letter blocks of other scripts. Written as ranges
 * rather than \p{L} because a Unicode-property regex is several times slower here and
 * tokenising is the grader's hot path; symbol blocks (punctuation, arrows, maths, emoji
 * surrogates) stay separators.
 */
const WORD_CLASS = 'a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\u218f\u2c00-\u2fff\u3040-\ud7ff\ue000-\uffff';
const WORD = new RegExp(`[${WORD_CLASS}]+`, 'g');
const WORD_CHAR = new RegExp(`[${WORD_CLASS}]`);

/**
 * Splits folded text into words (punctuation is a separator) and stems them. `known`
 * resolves ambiguous I/l glyphs: the reading the rubric vocabulary knows wins, else `i`.
 * Rates ("/s") and common shorthand ("k8s", "LB") are expanded to the words rubric terms use.
 */
export function tokenise(folded: FoldedText, known?: (stem: string) => boolean): Token[] {
  const tokens: Token[] = [];
  const text = folded.text;
  // One shared regex (constructing one per call would recompile it every time); the
  // loop below never re-enters tokenise, so resetting lastIndex is safe.
  const pattern = WORD;
  pattern.lastIndex = 0;
  const identity = folded.isIdentity;
  const ambiguous = text.includes(AMBIGUOUS_I_L);
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const raw = m[0];
    const from = m.index;
    const to = from + raw.length;
    const start = identity ? from : folded.sourceStart(from);
    const end = identity ? to : folded.sourceEnd(to - 1);
    const word = ambiguous && raw.includes(AMBIGUOUS_I_L) ? resolveAmbiguous(raw, known) : raw;
    const unit = text.charCodeAt(from - 1) === 47 && WORD_CHAR.test(text[from - 2] ?? '') ? RATE_UNITS.get(word) : undefined;
    if (unit !== undefined) {
      const slash = folded.sourceStart(from - 1);
      tokens.push({ word: 'per', stem: 'per', start: slash, end: start, foldedStart: from - 1, foldedEnd: from, termId: termStemId('per') });
      const unitStem = stem(unit);
      tokens.push({ word: unit, stem: unitStem, start, end, foldedStart: from, foldedEnd: to, termId: termStemId(unitStem) });
      continue;
    }
    const info = wordInfo(word);
    for (let k = 0; k < info.length; k++) {
      const part = info[k] as WordInfo;
      tokens.push({ word: part.word, stem: part.stem, start, end, foldedStart: from, foldedEnd: to, termId: part.termId });
    }
  }
  return tokens;
}

/** Folds and tokenises in one call; used for rubric terms and small texts. */
export function normaliseWords(text: string): string[] {
  return tokenise(FoldedText.of(text)).map((t) => t.stem);
}

interface WordInfo {
  readonly word: string;
  readonly stem: string;
  readonly termId: number;
}

const infos = new Map<string, readonly WordInfo[]>();

/** The word(s) a written word stands for, with stems: one memo lookup per token. */
function wordInfo(word: string): readonly WordInfo[] {
  const hit = infos.get(word);
  if (hit !== undefined) return hit;
  const parts = ABBREVIATIONS.get(word) ?? [word];
  const info = parts.map((w) => {
    const s = stem(w);
    return { word: w, stem: s, termId: termStemId(s) };
  });
  if (infos.size > 100_000) infos.clear();
  infos.set(word, info);
  return info;
}

const stems = new Map<string, string>();

/** Porter stem with a bounded memo (the same few thousand words recur in every answer). */
export function stem(word: string): string {
  const hit = stems.get(word);
  if (hit !== undefined) return hit;
  const value = /^[a-z]+$/.test(word) && word.length > 2 ? stemmer(word) : word;
  if (stems.size > 100_000) stems.clear();
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
