import type { PlannedPhase } from './session.types.js';
import type { LineMeta } from './session.types.js';

/** A line the interviewer says: a transcript turn and its `interviewer:message` event. */
export interface InterviewerLine {
  text: string;
  /** Why the interviewer said it: shown to coaches beside the transcript. */
  reason: string;
  keyPointId?: string;
  /** The turn's id when it was chosen before (a streamed reply's deltas carry it); a new one otherwise. */
  turnId?: string;
  /** Makes the line once-only in its session (`reply:<turnId>`, `nudge:<phaseIndex>`). */
  lineKey?: string;
  meta?: LineMeta;
}

export function openingLine(phase: PlannedPhase, index: number, count: number): InterviewerLine {
  return { text: phase.openingPrompt, reason: `opens phase ${index + 1} of ${count}: ${phase.title} (${phase.minutes} min)` };
}

export function timeUpLine(phase: PlannedPhase): InterviewerLine {
  return {
    text: `We're out of time for ${phase.title.toLowerCase()}; let's move on.`,
    reason: `the ${phase.minutes}-minute clock for ${phase.title} ran out`,
  };
}

/** Said once per phase, two minutes (of the session's clock) before its end. */
export function nudgeLine(phase: PlannedPhase, index: number): InterviewerLine {
  return {
    text: `About two minutes left for ${phase.title.toLowerCase()}. Start wrapping up your main point.`,
    reason: `two minutes left of the ${phase.minutes}-minute clock for ${phase.title}`,
    lineKey: `nudge:${index}`,
  };
}

/** The candidate asked to move on: the interviewer agrees, and the next phase opens. */
export function moveOnLine(next: PlannedPhase): InterviewerLine {
  return { text: `Sure, let's move on to ${next.title.toLowerCase()}.`, reason: 'the candidate asked to move on' };
}

/** The candidate asked to move on in the last phase: only they can end the interview. */
export function lastPhaseLine(): InterviewerLine {
  return {
    text: "This is the last part of the interview. Keep going, or press Finish interview when you're done.",
    reason: 'the candidate asked to move on in the last phase',
    lineKey: 'last-phase',
  };
}
