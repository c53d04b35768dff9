import type { Question, RoleGuide } from '#libs/content';
import { correctnessFromTests, type DiagramEvidenceGrade, type Grade } from '#libs/grading';
import type { CodeReportSection } from '#libs/protocol';
import { studyFor, type StudyPlanItem } from './study-plan.js';

/** A coding session's code in its report (shared with clients through the protocol). */
export type { CodeReportSection };

/** One scored dimension of the report. */
interface ReportDimension {
  id: string;
  title: string;
  weight: number;
  score: number | null;
  /**
   * What the graders said about this session's answers on this dimension: the reasons of the answers that set
   * its score (the best answer of each phase), once each; for code correctness, the hidden tests first. Null
   * when nothing was assessed. Reports stored before this field have only `descriptor`.
   */
  comment: string | null;
  /** The role guide's descriptor of the level reached (secondary context: it describes the level, not the answers). */
  descriptor: string | null;
}

export interface SessionReport {
  sessionId: string;
  questionId: string;
  /** Reports stored before this field: absent (look the title up by `questionId`). */
  questionTitle: string;
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
  dimensions: ReportDimension[];
  /**
   * `diagramEvidence`: what the session's board showed for the point (the elements and a line naming them, "Notification
   * service → Kafka → Push worker"), at most three, once each; absent when the board showed nothing for it (and on
   * reports stored before it). Display only: the status is the graders', whatever the board.
   */
  keyPoints: { id: string; text: string; status: 'covered' | 'partial' | 'missed'; evidence: string[]; diagramEvidence?: DiagramEvidenceGrade[] }[];
  /** `diagramEvidence`: where the board showed the mistake (a structural finding naming it), as for a key point. */
  mistakes: { id: string; text: string; evidence: string[]; diagramEvidence?: DiagramEvidenceGrade[] }[];
  interviewersLookFor: { id: string; text: string }[];
  studyNext: string[];
  /**
   * The missed and partly covered key points, biggest gap first, with an explanation, references and a
   * practice prompt each. Reports stored before this field: absent.
   */
  studyPlan: StudyPlanItem[];
  /** The question's model answer, shown once the session is over. Reports stored before this field: absent. */
  modelAnswer: { answerFramework: string; referenceAnswer: string };
  answers: { graded: number; failed: number };
  flags: string[];
  provenance: { graders: string[]; rubricVersions: string[]; promptVersions: string[] };
  /** Coding sessions only. */
  code?: CodeReportSection;
}

const RANK = { missed: 0, partial: 1, covered: 2 } as const;

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
  const hidden = input.code && input.code.status !== null ? input.code.hidden : null;
  const tested = hidden ? correctnessFromTests(hidden) : null;
  const phaseOrder = question.phases.map((p) => p.id);
  const phaseTitle = (id: string) => plan.phases.find((p) => p.id === id)?.title ?? id;
  const dimensions = plan.dimensions
    .filter((d) => scored.has(d.id))
    .map((d): ReportDimension => {
      const best = bestPerPhase(grades, d.id, phaseOrder);
      const mean = best.length ? Math.round((best.reduce((sum, b) => sum + b.score, 0) / best.length) * 10) / 10 : null;
      const byTests = d.id === 'correctness' && hidden && tested !== null;
      const score = byTests ? tested : mean;
      const descriptor = score === null ? null : d.descriptors[String(Math.round(score)) as '1' | '2' | '3' | '4'];
      // Scored from the tests, correctness is commented by them alone: what the answers said of it no longer counts.
      // Several phases' reasons read as one comment only when each says which answer it is about.
      const said = byTests
        ? [`Hidden tests: ${hidden.passed} of ${hidden.total} passed; correctness is scored from the tests, not from words.`]
        : best.map((b) => (best.length > 1 ? { text: b.reason, phase: phaseTitle(b.phaseId) } : { text: b.reason }));
      const elsewhere = byTests
        ? []
        : coveredElsewhere(
            question,
            grades,
            d.id,
            best.map((b) => b.phaseId),
            phaseTitle,
          );
      return { id: d.id, title: d.title, weight: d.weight, score, comment: score === null ? null : commentOf([...said, ...elsewhere]), descriptor };
    });
  const overall = weighOverall(dimensions);

  const keyPoints = question.keyPoints.map((kp) => {
    let status: 'covered' | 'partial' | 'missed' = 'missed';
    const evidence: string[] = [];
    const board: DiagramEvidenceGrade[] = [];
    for (const g of grades) {
      const hit = g.keyPoints.find((k) => k.id === kp.id);
      if (!hit) continue;
      if (RANK[hit.status] > RANK[status]) status = hit.status;
      for (const quote of hit.evidence) if (!evidence.includes(quote)) evidence.push(quote);
      for (const shown of hit.diagramEvidence ?? []) if (!board.some((b) => b.text === shown.text)) board.push(shown);
    }
    return { id: kp.id, text: kp.text, status, evidence: evidence.slice(0, 3), ...(board.length ? { diagramEvidence: board.slice(0, 3) } : {}) };
  });

  const mistakes = question.commonMistakes
    .map((m) => {
      const hits = grades.flatMap((g) => g.mistakes.filter((x) => x.id === m.id));
      const board: DiagramEvidenceGrade[] = [];
      for (const shown of hits.flatMap((x) => (x.status === 'present' ? (x.diagramEvidence ?? []) : [])))
        if (!board.some((b) => b.text === shown.text)) board.push(shown);
      return {
        id: m.id,
        text: m.text,
        present: hits.some((x) => x.status === 'present'),
        evidence: [...new Set(hits.flatMap((x) => x.evidence))],
        ...(board.length ? { diagramEvidence: board.slice(0, 3) } : {}),
      };
    })
    .filter((m) => m.present)
    .map(({ present: _present, ...m }) => m);

  const { studyNext, studyPlan } = studyFor(question, keyPoints, grades);
  const coverage = planCoverage(dimensions);

  return {
    sessionId: input.sessionId,
    questionId: question.id,
    questionTitle: question.title,
    mode: input.mode,
    overall,
    coverage,
    complete: coverage >= REPORT_MIN_COVERAGE,
    dimensions,
    keyPoints,
    mistakes,
    interviewersLookFor: question.interviewersLookFor.map(({ id, text }) => ({ id, text })),
    studyNext,
    studyPlan,
    modelAnswer: { answerFramework: question.answerFramework, referenceAnswer: question.referenceAnswer },
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
 * The answer that set a dimension's score in each phase (its best; the first of equals), in the question's
 * phase order: the same answers the score is averaged over, so the comment speaks for the score shown.
 */
function bestPerPhase(
  grades: readonly Grade[],
  dimensionId: string,
  phaseOrder: readonly string[],
): { phaseId: string; score: number; reason: string }[] {
  const best = new Map<string, { phaseId: string; score: number; reason: string }>();
  for (const g of grades) {
    const x = g.dimensions.find((d) => d.id === dimensionId);
    if (x && x.score > (best.get(g.phaseId)?.score ?? 0)) best.set(g.phaseId, { phaseId: g.phaseId, score: x.score, reason: x.reason });
  }
  const rank = (phase: string) => (phaseOrder.includes(phase) ? phaseOrder.indexOf(phase) : phaseOrder.length);
  return [...best.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([, b]) => b);
}

/**
 * A dimension's key points that its own phases left uncovered and another phase covered: the key point list shows them
 * Covered, so the comment says where, and that the score rates the answers of the phases that assess the dimension.
 */
function coveredElsewhere(
  question: Question,
  grades: readonly Grade[],
  dimensionId: string,
  phases: readonly string[],
  phaseTitle: (id: string) => string,
): string[] {
  const covers = (g: Grade, id: string) => g.keyPoints.some((k) => k.id === id && k.status === 'covered');
  const own = phases.map(phaseTitle).join(' and ');
  const lines: string[] = [];
  for (const kp of question.keyPoints.filter((k) => k.dimension === dimensionId)) {
    if (grades.some((g) => phases.includes(g.phaseId) && covers(g, kp.id))) continue;
    const where = grades.find((g) => !phases.includes(g.phaseId) && covers(g, kp.id));
    if (!where) continue;
    lines.push(`‘${kp.text}’ was covered in ${phaseTitle(where.phaseId)}; this score rates what the ${own} answers showed.`);
  }
  return lines;
}

/**
 * Sentences said about a dimension, each once (under the first phase that said it), as one comment. The phase is
 * named only when more than one sentence is left: one sentence speaks for the dimension as a whole.
 */
function commentOf(said: readonly (string | { text: string; phase?: string })[]): string | null {
  const seen = new Set<string>();
  const out: { sentence: string; phase: string | undefined }[] = [];
  for (const item of said) {
    const { text: raw, phase } = typeof item === 'string' ? { text: item, phase: undefined } : item;
    const text = raw.trim();
    const key = text.toLowerCase().replace(/[.!?\s]+$/, '');
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push({ sentence: /[.!?]["'”’)]*$/.test(text) ? text : `${text}.`, phase });
  }
  if (out.length === 0) return null;
  return out.map(({ sentence, phase }) => (phase && out.length > 1 ? `${phase}: ${sentence}` : sentence)).join(' ');
}
