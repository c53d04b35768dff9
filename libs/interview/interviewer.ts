import type { Question } from '#libs/content';
import type { PlannedPhase } from './session.types.js';

export interface InterviewerLine {
  text: string;
  /** Why the interviewer said it: shown to coaches beside the transcript. */
  reason: string;
  keyPointId?: string;
}

export function openingLine(phase: PlannedPhase, index: number, count: number): InterviewerLine {
  return { text: phase.openingPrompt, reason: `opens phase ${index + 1} of ${count}: ${phase.title} (${phase.minutes} min)` };
}

export function timeUpLine(phase: PlannedPhase): InterviewerLine {
  return { text: `We're out of time for ${phase.title.toLowerCase()}; let's move on.`, reason: `the ${phase.minutes}-minute clock for ${phase.title} ran out` };
}

/**
 * The follow-up after an answer: the highest-weighted key point of the current phase not yet covered in
 * this session, asked with the rubric's probe. Ties go to the rubric's order, so the choice is stable.
 */
export function followUpLine(question: Question, phaseId: string, covered: ReadonlySet<string>): InterviewerLine {
  const open = question.keyPoints
    .map((kp, order) => ({ kp, order }))
    .filter(({ kp }) => kp.phase === phaseId && !covered.has(kp.id))
    .sort((a, b) => b.kp.weight - a.kp.weight || a.order - b.order);
  const next = open[0]?.kp;
  if (!next) {
    return {
      text: 'Good, that covers what I wanted to hear in this part. Anything to add before we move on?',
      reason: `every key point of phase "${phaseId}" is covered`,
    };
  }
  return { text: next.probe, reason: `key point "${next.text}" (weight ${next.weight}) is not covered yet`, keyPointId: next.id };
}
