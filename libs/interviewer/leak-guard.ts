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

const joined = (words: readonly string[]) => ` ${words.join(' ')} `;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const numbersIn = (text: string) => [...text.matchAll(NUMBER)].map((m) => m[0].replace(/,/g, ''));

/**
 * Checks what an LLM wrote for the interviewer: no rubric text (a key point's or a mistake's text said whole,
 * or six words in a row from a sentence of the reference answer) and no number nobody gave. Runs and numbers
 * the interviewer may say anyway (the prompt, the scenario facts, the draft it was given, the candidate's own
 * words) are allowed. Built once per reply: a streamed reply is checked again with every piece.
 */
export class ReplyGuard {
  private readonly allowedShingles = new Set<string>();
  private readonly allowedRuns: string[];
  private readonly knownNumbers: Set<string>;
  private readonly wholeTexts: { finding: LeakFinding; run: string }[];
  private readonly reference = new Map<string, LeakFinding>();

  constructor(question: Question, allowed: readonly string[]) {
    const allowedWords = allowed.map(stems);
    for (const words of allowedWords) for (const s of shingles(words)) this.allowedShingles.add(s);
    this.allowedRuns = allowedWords.map(joined);
    this.knownNumbers = new Set(allowed.flatMap(numbersIn));
    this.wholeTexts = [
      ...question.keyPoints.map((k) => ({ finding: { source: 'key-point' as const, id: k.id }, text: k.text })),
      ...question.commonMistakes.map((m) => ({ finding: { source: 'mistake' as const, id: m.id }, text: m.text })),
    ]
      .map(({ finding, text }) => ({ finding, words: stems(text) }))
      .filter(({ words }) => words.length >= MIN_WHOLE_TEXT)
      .map(({ finding, words }) => ({ finding, run: joined(words) }))
      .filter(({ run }) => !this.allowedRuns.some((a) => a.includes(run)));
    for (const [i, sentence] of sentences(question.referenceAnswer).entries()) {
      for (const s of shingles(stems(sentence))) {
        if (!this.allowedShingles.has(s) && !this.reference.has(s)) this.reference.set(s, { source: 'reference-answer', id: `sentence-${i + 1}` });
      }
    }
  }

  leak(reply: string): LeakFinding | null {
    const words = stems(reply);
    const run = joined(words);
    for (const { finding, run: text } of this.wholeTexts) if (run.includes(text)) return finding;
    for (const s of shingles(words)) {
      const finding = this.reference.get(s);
      if (finding) return finding;
    }
    return null;
  }

  /** Numbers (digits) in the reply that no allowed text contains: an interviewer never invents a figure. */
  inventedNumbers(reply: string): string[] {
    return numbersIn(reply).filter((n) => !this.knownNumbers.has(n));
  }
}

/** `ReplyGuard` for one text (the eval checks each reply once). */
export function findLeak(reply: string, question: Question, allowed: readonly string[]): LeakFinding | null {
  return new ReplyGuard(question, allowed).leak(reply);
}
