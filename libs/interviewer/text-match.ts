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

/** Lines compared for "said before": case, spacing and punctuation do not make a line new. */
export function lineKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
