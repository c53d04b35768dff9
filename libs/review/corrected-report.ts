import type { Question, RoleGuide } from '#libs/content';
import type { Grade, KeyPointStatus } from '#libs/grading';
import { buildReport, planCoverage, REPORT_MIN_COVERAGE, studyFor, weighOverall, type SessionReport, type StoredReport } from '#libs/interview';
import { correctionKey, stampOf, type CorrectionRow, type CorrectionStamp } from './review.types.js';

/** The report with the AI's values and the coach-corrected ones side by side. */
export interface ReportView {
  /** As stored: a report stored before a field was added lacks it. */
  ai: StoredReport;
  /** Null while nothing was corrected. */
  corrected: SessionReport | null;
  overall: { ai: number | null; corrected?: number | null };
  dimensions: { id: string; title: string; ai: number | null; corrected?: number | null; correction?: CorrectionStamp }[];
  keyPoints: { id: string; text: string; ai: KeyPointStatus; corrected?: KeyPointStatus; correction?: CorrectionStamp }[];
}

/**
 * Rebuilds the report from the corrected grades with the same code that built the AI's (`buildReport`), then
 * applies the coach's report-level corrections and weighs the overall again with the same rule. No model is
 * asked anything.
 */
export function correctReport(input: {
  ai: StoredReport;
  question: Question;
  role: RoleGuide;
  correctedGrades: Grade[];
  gradesChanged: boolean;
  failedAnswers: number;
  latest: ReadonlyMap<string, CorrectionRow>;
}): ReportView {
  const { ai, question, role, latest } = input;
  const reportLevel = [...latest.values()].filter((c) => c.turnId === null);
  let corrected: SessionReport | null = null;
  if (input.gradesChanged || reportLevel.length > 0) {
    const rebuilt = buildReport({
      sessionId: ai.sessionId,
      mode: ai.mode,
      question,
      role,
      grades: input.correctedGrades,
      failedAnswers: input.failedAnswers,
    });
    const descriptors = new Map(role.sessions[question.kind].dimensions.map((d) => [d.id, d.descriptors]));
    const dimensions = rebuilt.dimensions.map((d) => {
      const c = latest.get(correctionKey(null, 'dimension', d.id));
      if (!c) return d;
      const score = Number(c.value);
      return {
        ...d,
        score,
        comment: `A coach set this to ${score}: ${c.reason}`,
        descriptor: descriptors.get(d.id)?.[String(score) as '1' | '2' | '3' | '4'] ?? null,
      };
    });
    const keyPoints = rebuilt.keyPoints.map((k) => {
      const c = latest.get(correctionKey(null, 'key_point', k.id));
      return c ? { ...k, status: c.value as KeyPointStatus } : k;
    });
    const coverage = planCoverage(dimensions);
    // A point the coach marked covered leaves the study plan; one marked missed joins it.
    const study = studyFor(question, keyPoints, input.correctedGrades);
    corrected = {
      ...rebuilt,
      ...study,
      dimensions,
      keyPoints,
      overall: weighOverall(dimensions),
      coverage,
      complete: coverage >= REPORT_MIN_COVERAGE,
    };
  }
  const correctedDim = new Map(corrected?.dimensions.map((d) => [d.id, d.score]));
  const correctedKp = new Map(corrected?.keyPoints.map((k) => [k.id, k.status]));
  return {
    ai,
    corrected,
    overall: corrected ? { ai: ai.overall, corrected: corrected.overall } : { ai: ai.overall },
    dimensions: ai.dimensions.map((d) => {
      const c = latest.get(correctionKey(null, 'dimension', d.id));
      const view = { id: d.id, title: d.title, ai: d.score };
      if (!corrected) return view;
      const value = correctedDim.get(d.id) ?? null;
      return { ...view, ...(value !== d.score || c ? { corrected: value } : {}), ...(c ? { correction: stampOf(c) } : {}) };
    }),
    keyPoints: ai.keyPoints.map((k) => {
      const c = latest.get(correctionKey(null, 'key_point', k.id));
      const view = { id: k.id, text: k.text, ai: k.status };
      const value = correctedKp.get(k.id);
      if (!corrected || value === undefined) return view;
      return { ...view, ...(value !== k.status || c ? { corrected: value } : {}), ...(c ? { correction: stampOf(c) } : {}) };
    }),
  };
}
