import { PASSING_OVERALL } from '../below-band.js';
import { citedQuotes, quoteOccursIn } from '../feedback-text.js';
import type { Grade } from '../grade.schema.js';

export interface FeedbackChecks {
  /** Candidate quotes (“…”) cited in strengths and improvements, and how many occur in their answer. */
  readonly quotes: { readonly checked: number; readonly found: number; readonly missing: readonly { id: string; quote: string }[] };
  /** The feedback sentence shared verbatim by the most graded answers, and the share of answers it appears in. */
  readonly mostShared: { readonly sentence: string; readonly answers: number; readonly share: number } | null;
  /** Grades below the passing band, and how many of them give at least one reason (an improvement). */
  readonly belowBand: { readonly checked: number; readonly withReason: number; readonly without: readonly string[] };
}

/**
 * Checks feedback the way a candidate reads it: every quote is something they wrote, no sentence is boilerplate
 * that many answers get alike, and a low score always says why. Sentences are the strengths' and improvements'
 * (the study list holds rubric titles, which repeat by design); a quote is one span inside its sentence.
 */
export function checkFeedback(graded: readonly { readonly id: string; readonly answer: string; readonly grade: Grade }[]): FeedbackChecks {
  const missing: { id: string; quote: string }[] = [];
  let checked = 0;
  const answersBySentence = new Map<string, Set<string>>();
  const without: string[] = [];
  let below = 0;
  for (const { id, answer, grade } of graded) {
    const lines = [...grade.feedback.strengths, ...grade.feedback.improvements];
    for (const line of lines) {
      for (const quote of citedQuotes(line)) {
        checked++;
        if (!quoteOccursIn(quote, [answer])) missing.push({ id, quote });
      }
      for (const sentence of sentencesOf(line)) {
        const seen = answersBySentence.get(sentence) ?? new Set<string>();
        seen.add(id);
        answersBySentence.set(sentence, seen);
      }
    }
    if (grade.overall < PASSING_OVERALL) {
      below++;
      if (grade.feedback.improvements.length === 0) without.push(id);
    }
  }
  let mostShared: FeedbackChecks['mostShared'] = null;
  for (const [sentence, ids] of answersBySentence) {
    if (!mostShared || ids.size > mostShared.answers)
      mostShared = { sentence, answers: ids.size, share: graded.length ? ids.size / graded.length : 0 };
  }
  return {
    quotes: { checked, found: checked - missing.length, missing },
    mostShared,
    belowBand: { checked: below, withReason: below - without.length, without },
  };
}

/** A line's sentences; a quoted span stays inside the sentence that cites it. */
export function sentencesOf(line: string): string[] {
  const spans: string[] = [];
  // Private-use characters mark where a quoted span was taken out.
  const masked = line.replace(/“[^”]*”|‘[^’]*’/g, (m) => `\ue001${spans.push(m) - 1}\ue001`);
  return masked
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/\ue001(\d+)\ue001/g, (_, i: string) => spans[Number(i)] ?? '').trim())
    .filter((s) => s !== '');
}
