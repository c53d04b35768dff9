import { stemmer } from 'stemmer';

/**
 * How the interviewer reads words: lower-case, punctuation as spaces, each word stemmed, so "users",
 * "user's" and "user" are one word, as in the grader's signals. Small texts only (a turn, a fact's terms).
 */
export function stems(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => stemmer(w));
}

/** A word as written and as matched: the written form tells a name ("SMS", "Twilio") from a common word. */
export interface Word {
  raw: string;
  stem: string;
}

export function words(text: string): Word[] {
  return text
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((raw) => ({ raw, stem: stemmer(raw.toLowerCase()) }));
}

/** Where a term's stems occur as a run in `words`: the start index of each occurrence. */
export function occurrences(words: readonly string[], term: readonly string[]): number[] {
  const found: number[] = [];
  if (term.length === 0) return found;
  outer: for (let i = 0; i + term.length <= words.length; i++) {
    for (let j = 0; j < term.length; j++) if (words[i + j] !== term[j]) continue outer;
    found.push(i);
  }
  return found;
}

/** Whether any of the terms occurs in the text's words. */
export function mentionsAny(words: readonly string[], terms: readonly string[]): boolean {
  return terms.some((t) => occurrences(words, stems(t)).length > 0);
}

/**
 * Negations whose reach is the next few words: "we do not need idempotency keys", "no cache", "without retries",
 * "don't shard" (stemmed; "don't" reads as "don" "t").
 */
const NEGATIONS = new Set(['no', 'not', 'never', 'without', 'don', 'doesn', 'didn', 'won', 'isn', 'aren', 'wouldn', 'shouldn', 'cannot', 't', 'nor']);

/**
 * Whether any of the terms occurs in the text's words as something the candidate proposes: an occurrence with a
 * negation among the three words before it ("we do not need idempotency keys") rejects the thing, it does not use it.
 */
export function affirmsAny(words: readonly string[], terms: readonly string[]): boolean {
  return terms.some((t) => occurrences(words, stems(t)).some((i) => !words.slice(Math.max(0, i - 3), i).some((w) => NEGATIONS.has(w))));
}

/** Lines compared for "said before": case, spacing and punctuation do not make a line new. */
export function lineKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
