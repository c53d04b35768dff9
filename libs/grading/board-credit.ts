import type { DiagramEvidence } from '#libs/diagram';
import type { CompiledKeyPoint } from './compiled-question.js';
import type { CoverageResult, CoverageStatus } from './coverage-judge.js';
import type { BoardReading } from './board-reading.js';
import type { GradingScope } from './grading-scope.js';

/** What the board adds to one key point: the status it reaches with the board, and the elements that show it. */
export interface BoardCredit {
  readonly status: CoverageStatus;
  readonly evidence: readonly DiagramEvidence[];
}

export interface BoardCreditInput {
  readonly keyPoints: readonly CompiledKeyPoint[];
  readonly phaseIds: readonly string[];
  readonly scope: GradingScope;
  readonly reading: BoardReading;
  /** The phase the board was drawn in (absent: a whole-session board). */
  readonly boardPhaseId?: string;
  /** Each key point as the words alone cover it. */
  readonly text: ReadonlyMap<string, CoverageResult>;
}

/**
 * How a board counts toward a key point (rubrics/README.md, "Diagrams"). A board shows structure, not reasons:
 * - only for a key point the question's `diagram` ties to what is drawn, of a phase this grade judges (a phase
 *   grade: the answer's phase; a session grade: any) and at or after the phase the board was drawn in;
 * - never while the board shows a structural problem bearing on that key point;
 * - on its own (the words missed the point) a board makes it at most `partial`, whatever it shows;
 * - with words that got part of the point, a drawn flow (a path of arrows, not bare boxes) completes it unless
 *   what the words lack is the reasoning (a rubric that requires reasoning needs it in words);
 * - a point the words cover stays covered, with the board's elements shown beside the quotes.
 */
export function boardCredit(input: BoardCreditInput): Map<string, BoardCredit> {
  const { reading, scope, phaseIds } = input;
  const boardPhase = input.boardPhaseId === undefined ? -1 : phaseIds.indexOf(input.boardPhaseId);
  const blocked = new Set(reading.evaluation.findings.flatMap((f) => (f.keyPoint ? [f.keyPoint] : [])));
  const credit = new Map<string, BoardCredit>();
  for (const { keyPoint } of input.keyPoints) {
    const evidence = reading.evaluation.coveredBy[keyPoint.id];
    if (!evidence?.length || blocked.has(keyPoint.id)) continue;
    const phase = phaseIds.indexOf(keyPoint.phase);
    if (!scope.session && phase !== scope.phaseIndex) continue;
    if (phase < boardPhase) continue;
    const text = input.text.get(keyPoint.id);
    credit.set(keyPoint.id, {
      status: lifted(
        text,
        evidence.some((e) => e.via === 'flow'),
      ),
      evidence,
    });
  }
  return credit;
}

function lifted(text: CoverageResult | undefined, flow: boolean): CoverageStatus {
  switch (text?.status ?? 'missed') {
    case 'covered':
      return 'covered';
    case 'partial':
      return flow && !text?.lacks?.reasoning ? 'covered' : 'partial';
    case 'missed':
      return 'partial';
  }
}
