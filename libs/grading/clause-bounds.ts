import type { Tokens } from './tokeniser.js';

/**
 * Words that open a clause of their own: a reason, a consequence, a contrast or a relative clause. A negation
 * does not reach past one ("ordering is not a concern because NTP keeps the clocks in sync" still claims NTP).
 */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'because',
  'since',
  'so',
  'but',
  'although',
  'though',
  'which',
  'whereas',
  'while',
  'however',
  'therefore',
  'thus',
  'hence',
  'yet',
  'unless',
]);

/** Punctuation between two words that ends a clause: a comma, semicolon, colon, bracket or dash. */
const CLAUSE_MARK = /[,;:()\u2013\u2014]|\s-\s/;

/**
 * Token positions (relative to the sentence `[from, to)`, ascending) where a new clause begins: after a clause mark,
 * or at a clause-opening word. The sentence's first token is not listed.
 */
export function clauseStarts(source: string, tokens: Tokens, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let t = from + 1; t < to; t++) {
    const gap = source.slice(tokens.end[t - 1] ?? 0, tokens.start[t] ?? 0);
    if (CLAUSE_MARK.test(gap) || CLAUSE_OPENERS.has(tokens.word(t))) starts.push(t - from);
  }
  return starts;
}

/** Positions `a <= b` of one sentence are in the same clause: no clause of `starts` begins after `a` and by `b`. */
export function inSameClause(starts: readonly number[], a: number, b: number): boolean {
  for (const s of starts) if (s > a && s <= b) return false;
  return true;
}
