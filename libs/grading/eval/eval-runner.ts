import type { LoadedQuestion, LoadedRoleGuide } from '#libs/content';
import { toComponentGraph } from '#libs/diagram';
import type { Grade, GradeFlag, GraderName } from '../grade.schema.js';
import { GradingError, type Grader } from '../grader.port.js';
import { EvalDatasetError, type EvalItem } from './eval-dataset.schema.js';
import { checkFeedback, type FeedbackChecks } from './feedback-checks.js';
import { bandOf, confusion, meanAbsoluteError, precisionRecall, spearman, type PrecisionRecall } from './eval-metrics.js';

export interface EvalContent {
  readonly questions: ReadonlyMap<string, LoadedQuestion>;
  readonly roles: ReadonlyMap<string, LoadedRoleGuide>;
  /** The grader prompt's version, recorded in every grade. */
  readonly promptVersion: string;
}

interface EvalCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

interface EvalRow {
  readonly id: string;
  readonly questionId: string;
  readonly tags: readonly string[];
  readonly band: number;
  /** Null when the grade failed (a failure is never scored). */
  readonly overall: number | null;
  readonly predictedBand: number | null;
  readonly flags: readonly GradeFlag[];
  readonly keyPoints: EvalCounts;
  readonly mistakes: EvalCounts;
  /** Items with a board: the key points of the same answer graded without it. */
  readonly keyPointsWithoutBoard?: EvalCounts;
  readonly baseId?: string;
  /** For an item with a baseId: did it outscore its base? Null when either failed. */
  readonly inflated?: boolean | null;
  /** The GradingError code (or INTERNAL) when grading failed. */
  readonly failure?: string;
}

export interface EvalReport {
  readonly grader: GraderName;
  readonly items: number;
  readonly failed: number;
  readonly keyPoints: PrecisionRecall;
  readonly mistakes: PrecisionRecall;
  readonly spearman: number | null;
  readonly bandMae: number | null;
  readonly nonInflation: { readonly checked: number; readonly held: number; readonly rate: number | null };
  /** The items with a board, apart: key points graded with the board, and the same answers without it (absent: none). */
  readonly diagram?: { readonly items: number; readonly keyPoints: PrecisionRecall; readonly withoutBoard: PrecisionRecall };
  /** Per tag: how many items carry it and the share of them flagged with each flag. */
  readonly flagRates: Readonly<Record<string, { readonly items: number; readonly flags: Readonly<Partial<Record<GradeFlag, number>>> }>>;
  /** What the candidate reads: quotes, boilerplate, reasons for low scores. */
  readonly feedback: FeedbackChecks;
  readonly rows: readonly EvalRow[];
}

/**
 * Grades every item of a labelled set as a whole-session answer (every dimension and
 * every mistake due) and measures the grader against the labels. Items are graded one
 * after another, in dataset order, so a run is reproducible.
 */
export async function runEval(items: readonly EvalItem[], grader: Grader, content: EvalContent, signal?: AbortSignal): Promise<EvalReport> {
  checkLabels(items, content);
  const grades = new Map<string, Grade | string>();
  const withoutBoard = new Map<string, Grade | string>();
  const gradeOne = async (item: EvalItem, board: boolean): Promise<Grade | string> => {
    const question = content.questions.get(item.questionId) as LoadedQuestion;
    const role = content.roles.get(question.role) as LoadedRoleGuide;
    try {
      return await grader.grade(
        {
          question,
          questionVersion: question.version,
          role,
          phaseId: question.phases[question.phases.length - 1]?.id ?? '',
          scope: 'session',
          history: [],
          answer: item.answer,
          promptVersion: content.promptVersion,
          // The board stands for the whole session: no phase of its own.
          ...(board && item.diagram ? { diagram: { graph: toComponentGraph(item.diagram) } } : {}),
        },
        signal,
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      return error instanceof GradingError ? error.code : 'INTERNAL';
    }
  };
  for (const item of items) {
    grades.set(item.id, await gradeOne(item, true));
    if (item.diagram) withoutBoard.set(item.id, await gradeOne(item, false));
  }
  return summarise(grader.name, items, grades, content, withoutBoard);
}

function summarise(
  name: GraderName,
  items: readonly EvalItem[],
  grades: ReadonlyMap<string, Grade | string>,
  content: EvalContent,
  withoutBoard: ReadonlyMap<string, Grade | string> = new Map(),
): EvalReport {
  const overallOf = (id: string): number | null => {
    const g = grades.get(id);
    return typeof g === 'object' ? g.overall : null;
  };
  const rows = items.map((item): EvalRow => {
    const grade = grades.get(item.id);
    const question = content.questions.get(item.questionId) as LoadedQuestion;
    const base = item.baseId === undefined ? {} : { baseId: item.baseId, inflated: inflation(overallOf(item.id), overallOf(item.baseId)) };
    if (typeof grade !== 'object') {
      const none = { tp: 0, fp: 0, fn: 0 };
      return {
        id: item.id,
        questionId: item.questionId,
        tags: item.tags,
        band: item.band,
        overall: null,
        predictedBand: null,
        flags: [],
        keyPoints: none,
        mistakes: none,
        failure: grade ?? 'INTERNAL',
        ...base,
      };
    }
    const covered = new Set(grade.keyPoints.filter((k) => k.status === 'covered').map((k) => k.id));
    const present = new Set(grade.mistakes.filter((m) => m.status === 'present').map((m) => m.id));
    const bare = withoutBoard.get(item.id);
    const keyPointIds = question.keyPoints.map((k) => k.id);
    const coveredBare = typeof bare === 'object' ? new Set(bare.keyPoints.filter((k) => k.status === 'covered').map((k) => k.id)) : null;
    return {
      id: item.id,
      questionId: item.questionId,
      tags: item.tags,
      band: item.band,
      overall: grade.overall,
      predictedBand: bandOf(grade.overall),
      flags: grade.flags,
      keyPoints: confusion(keyPointIds, covered, new Set(item.keyPoints)),
      mistakes: confusion(
        question.commonMistakes.map((m) => m.id),
        present,
        new Set(item.mistakes),
      ),
      ...(coveredBare ? { keyPointsWithoutBoard: confusion(keyPointIds, coveredBare, new Set(item.keyPoints)) } : {}),
      ...base,
    };
  });
  const graded = rows.filter((r) => r.overall !== null);
  const sumOf = (rows: readonly EvalRow[], pick: (r: EvalRow) => EvalCounts) =>
    rows.reduce((acc, r) => ({ tp: acc.tp + pick(r).tp, fp: acc.fp + pick(r).fp, fn: acc.fn + pick(r).fn }), { tp: 0, fp: 0, fn: 0 });
  const kp = sumOf(graded, (r) => r.keyPoints);
  const mk = sumOf(graded, (r) => r.mistakes);
  const drawn = graded.filter((r) => r.keyPointsWithoutBoard !== undefined);
  const withBoard = sumOf(drawn, (r) => r.keyPoints);
  const bareCounts = sumOf(drawn, (r) => r.keyPointsWithoutBoard ?? { tp: 0, fp: 0, fn: 0 });
  const checked = rows.filter((r) => r.inflated !== undefined && r.inflated !== null);
  const held = checked.filter((r) => r.inflated === false).length;
  return {
    grader: name,
    items: rows.length,
    failed: rows.length - graded.length,
    keyPoints: precisionRecall(kp.tp, kp.fp, kp.fn),
    mistakes: precisionRecall(mk.tp, mk.fp, mk.fn),
    spearman: spearman(
      graded.map((r) => r.overall ?? 0),
      graded.map((r) => r.band),
    ),
    bandMae: meanAbsoluteError(
      graded.map((r) => r.predictedBand ?? 0),
      graded.map((r) => r.band),
    ),
    nonInflation: { checked: checked.length, held, rate: checked.length === 0 ? null : held / checked.length },
    ...(drawn.length === 0
      ? {}
      : {
          diagram: {
            items: drawn.length,
            keyPoints: precisionRecall(withBoard.tp, withBoard.fp, withBoard.fn),
            withoutBoard: precisionRecall(bareCounts.tp, bareCounts.fp, bareCounts.fn),
          },
        }),
    flagRates: flagRates(graded),
    feedback: checkFeedback(
      items.flatMap((item) => {
        const grade = grades.get(item.id);
        return typeof grade === 'object' ? [{ id: item.id, answer: item.answer, grade }] : [];
      }),
    ),
    rows,
  };
}

function inflation(overall: number | null, base: number | null): boolean | null {
  return overall === null || base === null ? null : overall > base;
}

function flagRates(rows: readonly EvalRow[]): EvalReport['flagRates'] {
  const out: Record<string, { items: number; flags: Partial<Record<GradeFlag, number>> }> = {};
  const tags = [...new Set(rows.flatMap((r) => r.tags))].sort();
  for (const tag of tags) {
    const tagged = rows.filter((r) => r.tags.includes(tag));
    const flags: Partial<Record<GradeFlag, number>> = {};
    for (const flag of [...new Set(tagged.flatMap((r) => r.flags))].sort()) {
      flags[flag] = tagged.filter((r) => r.flags.includes(flag)).length / tagged.length;
    }
    out[tag] = { items: tagged.length, flags };
  }
  return out;
}

/** Labels must name real questions and rubric ids: a typo would silently read as "not covered". */
function checkLabels(items: readonly EvalItem[], content: EvalContent): void {
  const problems: string[] = [];
  for (const item of items) {
    const question = content.questions.get(item.questionId);
    if (!question) {
      problems.push(`${item.id}: unknown question "${item.questionId}"`);
      continue;
    }
    if (!content.roles.has(question.role)) problems.push(`${item.id}: unknown role guide "${question.role}"`);
    const kps = new Set(question.keyPoints.map((k) => k.id));
    const mistakes = new Set(question.commonMistakes.map((m) => m.id));
    for (const id of item.keyPoints) if (!kps.has(id)) problems.push(`${item.id}: unknown key point "${id}" of ${question.id}`);
    for (const id of item.mistakes) if (!mistakes.has(id)) problems.push(`${item.id}: unknown mistake "${id}" of ${question.id}`);
  }
  if (problems.length > 0) throw new EvalDatasetError(problems);
}
