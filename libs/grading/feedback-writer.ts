import type { CompiledQuestion } from './compiled-question.js';
import type { CoverageResult } from './coverage-judge.js';
import type { Feedback, GradeFlag } from './grade.schema.js';
import type { GradingScope } from './grading-scope.js';
import type { MistakeResult } from './mistake-judge.js';

export interface FeedbackInputs {
  readonly compiled: CompiledQuestion;
  readonly scope: GradingScope;
  readonly keyPoints: ReadonlyMap<string, CoverageResult>;
  readonly mistakes: ReadonlyMap<string, MistakeResult>;
  readonly flags: readonly GradeFlag[];
}

const FLAG_ADVICE: Partial<Record<GradeFlag, string>> = {
  non_answer: 'Attempt the question even when unsure: state your assumptions and reason from requirements to a first design.',
  off_topic: 'Answer the question that was asked; map each part of your answer to its requirements.',
  keyword_stuffing: 'Explain how and why each component is used instead of listing terms; a list earns no credit.',
  injection_suspected: 'Text addressed to the grader is ignored and earns nothing; only the answer itself is graded.',
};

/**
 * Strengths are the points made; improvements are the interviewer's probe for each
 * expected point still missing (heaviest first) and the mistakes made; what to study is
 * the missing points with the key terminology that belongs to them.
 */
export function writeFeedback(inputs: FeedbackInputs): Feedback {
  const { compiled, scope } = inputs;
  const byWeight = [...compiled.keyPoints].sort((a, b) => b.keyPoint.weight - a.keyPoint.weight);
  const status = (id: string) => inputs.keyPoints.get(id)?.status ?? 'missed';
  const strengths = byWeight
    .filter((k) => status(k.keyPoint.id) === 'covered')
    .map((k) => `You covered ${lowerFirst(k.keyPoint.text)} with your own reasoning.`);
  const gaps = byWeight.filter((k) => scope.expectedKeyPoints.has(k.keyPoint.id) && status(k.keyPoint.id) !== 'covered');
  const improvements = [
    ...inputs.flags.flatMap((f) => (FLAG_ADVICE[f] ? [FLAG_ADVICE[f]] : [])),
    ...gaps.map((k) => (status(k.keyPoint.id) === 'partial' ? `Go deeper: ${k.keyPoint.probe}` : k.keyPoint.probe)),
    ...compiled.mistakes
      .filter((m) => inputs.mistakes.get(m.mistake.id)?.present)
      .map((m) => `Avoid this common mistake: ${lowerFirst(m.mistake.text)}.`),
  ];
  const nextToStudy: string[] = [];
  for (const k of gaps) {
    for (const item of [k.keyPoint.text, ...k.terminology]) if (!nextToStudy.includes(item)) nextToStudy.push(item);
  }
  return { strengths, improvements, nextToStudy: nextToStudy.slice(0, 6) };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}
