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

/** Mean dimension scores across the session's graded answers, weighted into the overall by the role guide. */
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
      const scores = grades.flatMap((g) => g.dimensions.filter((x) => x.id === d.id).map((x) => x.score));
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

  const studyNext = [
    ...new Set([
      ...keyPoints.filter((k) => k.status !== 'covered').map((k) => k.text),
      ...grades.flatMap((g) => g.feedback.nextToStudy),
    ]),
  ].slice(0, 8);

  return {
    sessionId: input.sessionId,
    questionId: question.id,
    mode: input.mode,
    overall,
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
