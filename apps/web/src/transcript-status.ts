import type { Schema } from './api.js';
import type { GradeStatus } from './protocol.js';

const UNSETTLED: (GradeStatus | undefined)[] = ['queued', 'grading', 'delayed'];

/**
 * Whether a transcript can still change without a coach: the session is running, an answer is still being graded,
 * or the report is still being built (every answer graded, none failed, no report yet).
 */
export function stillGrading(t: Schema<'Transcript'>): boolean {
  const answers = t.turns.filter((x) => x.speaker === 'candidate');
  if (t.session.status !== 'ended' || answers.some((x) => UNSETTLED.includes(x.grading?.status))) return true;
  return t.report === null && answers.length > 0 && !answers.some((x) => x.grading?.status === 'failed');
}
