import type { CommonMistake, KeyPoint } from '#libs/content';
import type { GradeInput } from './grader.port.js';

/** What one grade judges, resolved once so every grader (and the cross-check) agrees. */
export interface GradingScope {
  /** Index of the current phase in the question's phase list (the last one for a session). */
  readonly phaseIndex: number;
  /** The answer stands for a whole session (every phase is current). */
  readonly session: boolean;
  /** Dimension ids scored by this grade, in the order the question lists them. */
  readonly dimensions: readonly string[];
  /** Key points expected by now (their phase is at or before the current one). */
  readonly expectedKeyPoints: ReadonlySet<string>;
  /** Mistakes that can be judged by now; an absent topic is not a mistake before its phase. */
  readonly dueMistakes: ReadonlySet<string>;
}

/**
 * Resolves the phase (or whole session) of a grade input. An unknown phase id is a
 * programming error upstream, so it throws rather than silently grading nothing. Cheap
 * (a pass over the key points and mistakes), so it is not memoised.
 */
export function gradingScope(input: Pick<GradeInput, 'question' | 'phaseId' | 'scope'>): GradingScope {
  const { question } = input;
  const phaseIds = question.phases.map((p) => p.id);
  const session = input.scope === 'session';
  const phaseIndex = session ? phaseIds.length - 1 : phaseIds.indexOf(input.phaseId);
  if (phaseIndex < 0) {
    throw new RangeError(`phase "${input.phaseId}" is not a phase of question "${question.id}"`);
  }
  const dimensions = session ? uniqueInOrder(question.phases.flatMap((p) => p.dimensions)) : (question.phases[phaseIndex]?.dimensions ?? []);
  const indexOf = (phase: string | undefined): number => (phase === undefined ? phaseIds.length - 1 : phaseIds.indexOf(phase));
  const expectedKeyPoints = new Set(question.keyPoints.filter((kp: KeyPoint) => indexOf(kp.phase) <= phaseIndex).map((kp) => kp.id));
  const dueMistakes = new Set(
    question.commonMistakes
      // A wrong claim can be judged whenever it is made; an absent topic only once it is due.
      .filter((m: CommonMistake) => m.shows.type === 'wrong-claim' || indexOf(m.phase) <= phaseIndex)
      .map((m) => m.id),
  );
  return { phaseIndex, session, dimensions, expectedKeyPoints, dueMistakes };
}

function uniqueInOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
