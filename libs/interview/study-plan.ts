import type { Question, StudyReference } from '#libs/content';
import type { Grade, KeyPointStatus } from '#libs/grading';

/** One key point the session missed or only touched, with what to read and what to practise. */
export interface StudyPlanItem {
  keyPointId: string;
  /** The key point as the rubric words it. */
  text: string;
  status: 'missed' | 'partial';
  /**
   * The study material of the question version the session used. A version stored before the material
   * existed has none: then `explanation` and `practice` are absent and `references` is empty.
   */
  explanation?: string;
  references: StudyReference[];
  practice?: string;
}

/** How much of a key point a study plan still owes: all of a missed one, half of a partial one. */
const GAP = { missed: 1, partial: 0.5, covered: 0 } as const;

/**
 * What to study after the session. `studyPlan`: the key points it did not cover, the biggest gap first
 * (weight × how much is missing), each with its explanation, references and practice prompt. `studyNext`: the
 * same points as short labels, then the graders' own suggestions; nothing the session covered, nothing twice.
 */
export function studyFor(
  question: Question,
  keyPoints: readonly { id: string; text: string; status: KeyPointStatus }[],
  grades: readonly Grade[],
): { studyNext: string[]; studyPlan: StudyPlanItem[] } {
  const rubric = new Map(question.keyPoints.map((k) => [k.id, k]));
  const open = keyPoints
    .map((k, order) => ({ k, order, need: (rubric.get(k.id)?.weight ?? 1) * GAP[k.status] }))
    .filter((x) => x.need > 0)
    .sort((a, b) => b.need - a.need || a.order - b.order)
    .map((x) => x.k);

  const studyPlan = open.map((k): StudyPlanItem => {
    const kp = rubric.get(k.id);
    return {
      keyPointId: k.id,
      text: k.text,
      status: k.status === 'partial' ? 'partial' : 'missed',
      ...(kp?.explanation ? { explanation: kp.explanation } : {}),
      references: (kp?.references ?? []).map((r) => ({ ...r })),
      ...(kp?.practice ? { practice: kp.practice } : {}),
    };
  });

  const covered = new Set(keyPoints.filter((k) => k.status === 'covered').map((k) => k.text.trim().toLowerCase()));
  const seen = new Set<string>();
  const studyNext: string[] = [];
  for (const item of [...open.map((k) => k.text), ...grades.flatMap((g) => g.feedback.nextToStudy)]) {
    const key = item.trim().toLowerCase();
    if (covered.has(key) || seen.has(key)) continue;
    seen.add(key);
    studyNext.push(item);
  }
  return { studyNext: studyNext.slice(0, 8), studyPlan };
}
