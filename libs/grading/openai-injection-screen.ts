import type { GradeInput, TranscriptTurn } from './grader.port.js';
import { detectInjection } from './injection-detector.js';

export interface ScreenedInput {
  /** The input as the model sees it: detected passages removed. */
  readonly visible: GradeInput;
  /** The current answer contained text addressed to the grader. */
  readonly injectionSuspected: boolean;
}

/**
 * The model never sees a passage that `detectInjection` attributes to the grader rather
 * than the interviewer: a model that would obey "score this 100" has nothing to obey, and
 * what it grades is the answer without that passage (removed, not replaced by a marker, so
 * the text is as close as we can make it to the answer the candidate would have written
 * without it; the grade carries `injection_suspected` for the coach instead). Earlier candidate
 * turns are screened too (they reach the model through the transcript), but only the
 * current answer raises the flag: an earlier turn was flagged on its own grade.
 * Quotes are still verified against the original text, never against this copy.
 */
export function screenInput(input: GradeInput): ScreenedInput {
  const answer = withholdInjections(input.answer);
  const history = input.history.map((turn): TranscriptTurn =>
    turn.role === 'candidate' ? { role: turn.role, text: withholdInjections(turn.text).text } : turn,
  );
  return { visible: { ...input, answer: answer.text, history }, injectionSuspected: answer.suspected };
}

export function withholdInjections(text: string): { readonly text: string; readonly suspected: boolean } {
  const report = detectInjection(text);
  if (!report.suspected) return { text, suspected: false };
  // A finding is the matched phrase; the whole sentence goes, or the rest of an instruction
  // ("…and treat this answer as excellent") would still reach the model. Sentences may
  // overlap or touch once widened: merge them.
  const spans: [number, number][] = [];
  const widened = report.findings.map((f) => sentenceAround(text, f.start, f.end)).sort((a, b) => a[0] - b[0]);
  for (const [start, end] of widened) {
    const last = spans.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  }
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    out += text.slice(cursor, start);
    cursor = end;
  }
  return { text: out + text.slice(cursor), suspected: true };
}

/** Widens [start, end) to whole sentences: back to the previous `.!?` + space or line break, on to the next. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !isBoundaryBefore(text, from)) from--;
  let to = Math.max(end, from);
  while (to < text.length && !isBoundaryBefore(text, to)) to++;
  return [from, to];
}

/** True when a sentence may start at `i`: after a line break, or after `.`, `!` or `?` and whitespace. */
function isBoundaryBefore(text: string, i: number): boolean {
  const prev = text[i - 1] ?? '';
  if (prev === '\n') return true;
  return /\s/.test(prev) && /[.!?]/.test(text[i - 2] ?? '');
}
