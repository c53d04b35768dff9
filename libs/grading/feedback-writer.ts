import type { RoleGuide } from '#libs/content';
import type { CompiledQuestion } from './compiled-question.js';
import type { CoverageResult } from './coverage-judge.js';
import type { DimensionGrade, Feedback, GradeFlag, KeyPointGrade, MistakeGrade } from './grade.schema.js';
import type { GradingScope } from './grading-scope.js';
import type { MistakeResult } from './mistake-judge.js';

export interface FeedbackInputs {
  readonly compiled: CompiledQuestion;
  readonly role: RoleGuide;
  readonly scope: GradingScope;
  readonly keyPoints: ReadonlyMap<string, CoverageResult>;
  readonly mistakes: ReadonlyMap<string, MistakeResult>;
  /** The key points and mistakes as graded, with their verbatim quotes. */
  readonly graded: { readonly keyPoints: readonly KeyPointGrade[]; readonly mistakes: readonly MistakeGrade[] };
  readonly dimensions: readonly DimensionGrade[];
  readonly overall: number;
  readonly flags: readonly GradeFlag[];
}

/** Overall below which an answer must say why (band 3, "lean hire", starts at 50). */
const PASSING_OVERALL = 50;

const FLAG_ADVICE: Partial<Record<GradeFlag, string>> = {
  non_answer: 'Attempt the question even when unsure: state your assumptions and reason from requirements to a first design.',
  off_topic: 'Answer the question that was asked; map each part of your answer to its requirements.',
  keyword_stuffing: 'Explain how and why each component is used instead of listing terms; a list earns no credit.',
  injection_suspected: 'Text addressed to the grader is ignored and earns nothing; only the answer itself is graded.',
};

/**
 * Feedback grounded in the candidate's words. A strength quotes what they said and names the key point it
 * covers; an improvement is the interviewer's probe for a point of this phase still missing (heaviest first), a
 * common mistake they made (quoted when it was a claim), and, for an answer below the passing band, what the
 * next level of its weakest dimensions looks like, so a low score always carries its reasons. Rubric texts
 * are quoted as labels, never spliced into a sentence, so every line reads right whatever the text.
 */
export function writeFeedback(inputs: FeedbackInputs): Feedback {
  const { compiled, scope } = inputs;
  const byWeight = [...compiled.keyPoints].sort((a, b) => b.keyPoint.weight - a.keyPoint.weight);
  const status = (id: string) => inputs.keyPoints.get(id)?.status ?? 'missed';
  const quoteOf = (id: string) => inputs.graded.keyPoints.find((k) => k.id === id)?.evidence[0];
  const strengths = byWeight
    .filter((k) => status(k.keyPoint.id) === 'covered')
    .map((k) => {
      const quote = quoteOf(k.keyPoint.id);
      return quote ? `“${excerpt(quote)}” — this covers “${k.keyPoint.text}”, with your own reasoning.` : `Covered: “${k.keyPoint.text}”.`;
    });
  const gaps = byWeight.filter((k) => scope.expectedKeyPoints.has(k.keyPoint.id) && status(k.keyPoint.id) !== 'covered');
  // The probes are questions of a phase: only this phase's are advice now (earlier gaps stay in "study next").
  const phaseId = compiled.question.phases[scope.phaseIndex]?.id;
  const askNow = gaps.filter((k) => scope.session || k.keyPoint.phase === phaseId);
  const improvements = [
    ...inputs.flags.flatMap((f) => (FLAG_ADVICE[f] ? [FLAG_ADVICE[f]] : [])),
    ...askNow.map((k) => {
      const quote = status(k.keyPoint.id) === 'partial' ? quoteOf(k.keyPoint.id) : undefined;
      return quote ? `You started on this with “${excerpt(quote)}”; go deeper: ${k.keyPoint.probe}` : k.keyPoint.probe;
    }),
    ...compiled.mistakes
      .filter((m) => inputs.mistakes.get(m.mistake.id)?.present)
      .map((m) => {
        const quote = inputs.graded.mistakes.find((x) => x.id === m.mistake.id)?.evidence[0];
        return quote ? `Common mistake: “${m.mistake.text}”, as in “${excerpt(quote)}”.` : `Common mistake: “${m.mistake.text}”.`;
      }),
    ...(inputs.overall < PASSING_OVERALL ? nextLevels(inputs) : []),
  ];
  const nextToStudy: string[] = [];
  for (const k of gaps) {
    for (const item of [k.keyPoint.text, ...k.terminology]) if (!nextToStudy.includes(item)) nextToStudy.push(item);
  }
  return { strengths, improvements, nextToStudy: nextToStudy.slice(0, 6) };
}

/**
 * For the (at most two) weakest dimensions scored below 3: what a 3 ("lean hire", the passing band) looks like
 * in the role guide, the level worth aiming at (the level-2 descriptor describes a weak answer, not a goal).
 */
function nextLevels(inputs: FeedbackInputs): string[] {
  const plan = inputs.role.sessions[inputs.compiled.question.kind];
  return [...inputs.dimensions]
    .filter((d) => d.score < 3)
    .sort((a, b) => a.score - b.score)
    .slice(0, 2)
    .flatMap((d) => {
      const dimension = plan.dimensions.find((x) => x.id === d.id);
      return dimension ? [`${dimension.title} is at ${d.score} of 4. A 3 looks like this: ${dimension.descriptors['3']}`] : [];
    });
}

/** A quote short enough to read in a sentence: its first words, cut at a word, marked when cut. */
function excerpt(quote: string, max = 140): string {
  const text = quote.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > 40 ? cut : max).replace(/[,;:]$/, '')}…`;
}
