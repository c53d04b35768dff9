import type { Question } from '#libs/content';
import { sentences } from './turn-reader.js';
import { stems } from './text-match.js';

/** Words in a row that make a leak: long enough that an ordinary question never repeats them by chance. */
const SHINGLE = 6;
/** A key point or mistake text this long, said whole, reads the rubric out (shorter ones are topic names). */
const MIN_WHOLE_TEXT = 4;

export interface LeakFinding {
  source: 'key-point' | 'mistake' | 'reference-answer';
  id: string;
}

function shingles(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

const containsRun = (hay: readonly string[], needle: readonly string[]) => ` ${hay.join(' ')} `.includes(` ${needle.join(' ')} `);

/**
 * Finds rubric text in a reply an LLM wrote: a key point's or a mistake's text said whole, or six words
 * in a row from a sentence of the reference answer. Runs the interviewer may say anyway (in the prompt,
 * the scenario facts, the probe it was given, the candidate's own words) are allowed.
 */
export function findLeak(reply: string, question: Question, allowed: readonly string[]): LeakFinding | null {
  const words = stems(reply);
  const ok = new Set<string>();
  for (const text of allowed) for (const s of shingles(stems(text))) ok.add(s);
  const allowedWords = allowed.map(stems);
  const whole = (text: string) => {
    const t = stems(text);
    return t.length >= MIN_WHOLE_TEXT && containsRun(words, t) && !allowedWords.some((a) => containsRun(a, t));
  };
  for (const kp of question.keyPoints) if (whole(kp.text)) return { source: 'key-point', id: kp.id };
  for (const m of question.commonMistakes) if (whole(m.text)) return { source: 'mistake', id: m.id };
  const said = shingles(words);
  for (const [i, sentence] of sentences(question.referenceAnswer).entries()) {
    for (const s of shingles(stems(sentence))) {
      if (said.has(s) && !ok.has(s)) return { source: 'reference-answer', id: `sentence-${i + 1}` };
    }
  }
  return null;
}

/** Numbers (digits) in a reply that no allowed text contains: an interviewer never invents a figure. */
export function inventedNumbers(reply: string, allowed: readonly string[]): string[] {
  const known = new Set(allowed.flatMap((t) => [...t.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/,/g, ''))));
  return [...reply.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/,/g, '')).filter((n) => !known.has(n));
}
