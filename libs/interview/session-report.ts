import type { Question, RoleGuide } from '#libs/content';
import { correctnessFromTests, type Grade } from '#libs/grading';
import type { CodeReportSection } from '#libs/protocol';

/** A coding session's code in its report (shared with clients through the protocol). */
export type { CodeReportSection };

export interface SessionReport {
  sessionId: string;
  questionId: string;
  mode: 'practice' | 'realistic';
  /** 0–100 from the role guide's weights over the dimensions assessed; null when nothing was graded. */
  overall: number | null;
  /** The share (0–1) of the plan's dimension weight that the session assessed. */
  coverage: number;
  /**
   * False when too little of the plan was assessed (`coverage` below `REPORT_MIN_COVERAGE`): the overall is
   * shown with that caveat and left out of progress trends. Reports stored before this field: treat as true.
   */
  complete: boolean;
  dimensions: { id: string; title: string; weight: number; score: number | null; descriptor: string | null }[];
  keyPoints: { id: string; text: string; status: 'covered' | 'partial' | 'missed'; evidence: string[] }[];
  mistakes: { id: string; text: string; evidence: string[] }[];
  interviewersLookFor: { id: string; text: string }[];
  studyNext: string[];
  answers: { graded: number; failed: number };
  flags: string[];
  provenance: { graders: string[]; rubricVersions: string[]; promptVersions: string[] };
  /** Coding sessions only. */
  code?: CodeReportSection;
}

const RANK = { missed: 0, partial: 1, covered: 2 } as const;
/** How much of a key point a study plan still owes: all of a missed one, half of a partial one. */
const GAP = { missed: 1, partial: 0.5, covered: 0 } as const;

/** Below this share of the plan's dimension weight assessed, a report is `incomplete`. */
export const REPORT_MIN_COVERAGE = 0.6;

/** The share of the plan's dimension weight with a score: how much of the interview the overall stands for. */
export function planCoverage(dimensions: readonly { weight: number; score: number | null }[]): number {
  const total = dimensions.reduce((sum, d) => sum + d.weight, 0);
  const assessed = dimensions.filter((d) => d.score !== null).reduce((sum, d) => sum + d.weight, 0);
  return total === 0 ? 0 : Math.round((assessed / total) * 100) / 100;
}

/**
 * The report's overall, 0–100: the role guide's weights over the dimensions that have a score (1→0 … 4→100);
 * null when none has. Shared with the coach-corrected report, so a correction moves the overall by the same rule.
 */
export function weighOverall(dimensions: readonly { weight: number; score: number | null }[]): number | null {
  const assessed = dimensions.filter((d) => d.score !== null);
  const weight = assessed.reduce((sum, d) => sum + d.weight, 0);
  if (assessed.length === 0 || weight === 0) return null;
  return Math.round(assessed.reduce((sum, d) => sum + d.weight * (((d.score as number) - 1) / 3) * 100, 0) / weight);
}

/**
 * The session's report from its graded answers. A dimension's score is the session's evidence as a whole: in
 * each phase its best answer counts (answering a follow-up well can only raise what it addresses, a weaker
 * aside cannot lower it), then the phases that assessed it are averaged; the overall weighs the dimensions by
 * the role guide.
 */
export function buildReport(input: {
  sessionId: string;
  mode: SessionReport['mode'];
  question: Question;
  role: RoleGuide;
  grades: Grade[];
  failedAnswers: number;
  code?: CodeReportSection;
}): SessionReport {
  const { question, role, grades } = input;
  const plan = role.sessions[question.kind];
  const scored = new Set(question.phases.flatMap((p) => p.dimensions));

  // Correctness of submitted code is the hidden tests' pass rate, whatever the answers said.
  const tested = input.code && input.code.status !== null ? correctnessFromTests(input.code.hidden) : null;
  const dimensions = plan.dimensions
    .filter((d) => scored.has(d.id))
    .map((d) => {
      const bestByPhase = new Map<string, number>();
      for (const g of grades) {
        for (const x of g.dimensions) if (x.id === d.id) bestByPhase.set(g.phaseId, Math.max(bestByPhase.get(g.phaseId) ?? 0, x.score));
      }
      const scores = [...bestByPhase.values()];
      const mean = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
      const score = d.id === 'correctness' && tested !== null ? tested : mean;
      const descriptor = score === null ? null : d.descriptors[String(Math.round(score)) as '1' | '2' | '3' | '4'];
      return { id: d.id, title: d.title, weight: d.weight, score, descriptor };
    });
  const overall = weighOverall(dimensions);

  const keyPoints = question.keyPoints.map((kp) => {
    let status: 'covered' | 'partial' | 'missed' = 'missed';
    const evidence: string[] = [];
    for (const g of grades) {
      const hit = g.keyPoints.find((k) => k.id === kp.id);
      if (!hit) continue;
      if (RANK[hit.status] > RANK[status]) status = hit.status;
      for (const quote of hit.evidence) if (!evidence.includes(quote)) evidence.push(quote);
    }
    return { id: kp.id, text: kp.text, status, evidence: evidence.slice(0, 3) };
  });

  const mistakes = question.commonMistakes
    .map((m) => ({
      id: m.id,
      text: m.text,
      present: grades.some((g) => g.mistakes.some((x) => x.id === m.id && x.status === 'present')),
      evidence: [...new Set(grades.flatMap((g) => g.mistakes.filter((x) => x.id === m.id).flatMap((x) => x.evidence)))],
    }))
    .filter((m) => m.present)
    .map(({ id, text, evidence }) => ({ id, text, evidence }));

  const studyNext = studyPlan(question, keyPoints, grades);
  const coverage = planCoverage(dimensions);

  return {
    sessionId: input.sessionId,
    questionId: question.id,
    mode: input.mode,
    overall,
    coverage,
    complete: coverage >= REPORT_MIN_COVERAGE,
    dimensions,
    keyPoints,
    mistakes,
    interviewersLookFor: question.interviewersLookFor.map(({ id, text }) => ({ id, text })),
    studyNext,
    answers: { graded: grades.length, failed: input.failedAnswers },
    flags: [...new Set(grades.flatMap((g) => g.flags))].sort(),
    ...(input.code ? { code: input.code } : {}),
    provenance: {
      graders: [...new Set(grades.map((g) => g.provenance.grader))],
      rubricVersions: [...new Set(grades.map((g) => g.provenance.rubricVersion))],
      promptVersions: [...new Set(grades.map((g) => g.provenance.promptVersion))],
    },
  };
}

/**
 * What to study next: the key points the session did not cover, the biggest gap first (weight × how much is
 * missing), then the graders' own suggestions; nothing the session covered, nothing twice.
 */
function studyPlan(question: Question, keyPoints: SessionReport['keyPoints'], grades: readonly Grade[]): string[] {
  const weight = new Map(question.keyPoints.map((k) => [k.id, k.weight]));
  const covered = new Set(keyPoints.filter((k) => k.status === 'covered').map((k) => k.text.trim().toLowerCase()));
  const open = keyPoints
    .map((k, order) => ({ k, order, need: (weight.get(k.id) ?? 1) * GAP[k.status] }))
    .filter((x) => x.need > 0)
    .sort((a, b) => b.need - a.need || a.order - b.order)
    .map((x) => x.k.text);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of [...open, ...grades.flatMap((g) => g.feedback.nextToStudy)]) {
    const key = item.trim().toLowerCase();
    if (covered.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out.slice(0, 8);
}
