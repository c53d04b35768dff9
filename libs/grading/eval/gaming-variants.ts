import type { LoadedQuestion, LoadedRoleGuide, Question } from '#libs/content';
import type { Grader } from '../grader.port.js';

/** One way of dressing up a bare list of the rubric's words (issue 17: keyword gaming). */
export interface GamingVariant {
  readonly name: string;
  readonly answer: string;
}

/**
 * Answers that only game the grader, built from a question's own rubric: its concepts' terms as a bare list,
 * then the same list trailed by an arrow, wrapped in an HTML comment, salted with reasoning words, as bullets,
 * and the key point ids themselves. None of them explains anything, so none may cover a key point.
 */
export function gamingVariants(question: Question): GamingVariant[] {
  const terms = [...new Set(question.keyPoints.flatMap((k) => k.signals.concepts.map((c) => c.terms[0] ?? c.id)))];
  const list = terms.join(', ');
  const salted = terms.map((t, i) => (i % 2 === 0 ? `${t} because` : `${t} so that therefore`)).join(' ');
  return [
    { name: 'bare list', answer: `${list}.` },
    { name: 'list with an arrow', answer: `${list} ->` },
    { name: 'arrows between terms', answer: terms.join(' -> ') },
    { name: 'list in an HTML comment', answer: `<!-- ${list} -->` },
    { name: 'list salted with reasoning words', answer: `${salted}.` },
    { name: 'bullets', answer: terms.map((t) => `- ${t}`).join('\n') },
    { name: 'key point ids', answer: question.keyPoints.map((k) => k.id).join(', ') },
  ];
}

export interface GamingReport {
  readonly answers: number;
  /** Key points covered across all gaming answers: the gate is 0. */
  readonly covered: number;
  readonly maxOverall: number;
  /** Up to five examples of what earned credit: question, variant, points. */
  readonly offenders: readonly string[];
}

/** Grades every gaming variant of every question as a whole-session answer. */
export async function fuzzGaming(
  grader: Grader,
  questions: Iterable<LoadedQuestion>,
  roles: ReadonlyMap<string, LoadedRoleGuide>,
  promptVersion: string,
): Promise<GamingReport> {
  let answers = 0;
  let covered = 0;
  let maxOverall = 0;
  const offenders: string[] = [];
  for (const question of questions) {
    const role = roles.get(question.role);
    if (!role) continue;
    for (const variant of gamingVariants(question)) {
      const grade = await grader.grade({
        question,
        questionVersion: question.version,
        role,
        phaseId: question.phases.at(-1)?.id ?? '',
        scope: 'session',
        history: [],
        answer: variant.answer,
        promptVersion,
      });
      answers++;
      const points = grade.keyPoints.filter((k) => k.status === 'covered').map((k) => k.id);
      covered += points.length;
      maxOverall = Math.max(maxOverall, grade.overall);
      if (points.length > 0 && offenders.length < 5) offenders.push(`${question.id} (${variant.name}): ${points.join(', ')}`);
    }
  }
  return { answers, covered, maxOverall, offenders };
}
