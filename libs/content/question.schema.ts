import { z } from 'zod';
import { checkUniqueIds, idSchema, lookForItemSchema, textSchema } from './common.schema.js';
import { keyPointSignalsSchema, mistakeEvidenceSchema } from './signals.schema.js';
import { codingExtrasShape, checkCodingTests } from './coding.schema.js';
import { behavioralExtrasShape } from './behavioral.schema.js';
import { probeSchema, scenarioSchema } from './scenario.schema.js';
import { checkKeyPointStudy, keyPointStudyShape } from './study.schema.js';
import { diagramExpectationsSchema } from './diagram.schema.js';

const keyPointSchema = z
  .object({
    id: idSchema,
    text: textSchema,
    /** Relative importance; follow-ups pick the highest-weighted uncovered point. */
    weight: z.number().positive(),
    /** The question phase in which the point is expected (one of `phases[].id`). */
    phase: idSchema,
    /** The dimension the point is evidence for (listed for that phase). */
    dimension: idSchema,
    signals: keyPointSignalsSchema,
    /** What the interviewer asks when the point is still missing and no probe of `probes` fits. */
    probe: textSchema,
    /** Follow-ups chosen by what the candidate said (see `probeSchema`); tried before `probe`. */
    probes: z.array(probeSchema).optional(),
    /** Coding: the point claims the solution's complexity; it cannot be covered when the measured growth contradicts it. */
    claimsComplexity: z.boolean().optional(),
    /** The study plan's material for this point (explanation, references, practice); see `study.schema.ts`. */
    ...keyPointStudyShape,
  })
  .strict()
  .superRefine((kp, ctx) => checkUniqueIds(ctx, kp.probes ?? [], ['probes']));
export type KeyPoint = z.infer<typeof keyPointSchema>;

const commonMistakeSchema = z
  .object({
    id: idSchema,
    text: textSchema,
    /** The dimension the mistake counts against. */
    dimension: idSchema,
    severity: z.enum(['minor', 'major']),
    /** For absent topics: the phase by whose end the topic should have come up; session end if omitted. */
    phase: idSchema.optional(),
    shows: mistakeEvidenceSchema,
  })
  .strict();
export type CommonMistake = z.infer<typeof commonMistakeSchema>;

/** Which dimensions are scored in which phase; `id` is a phase id of the role guide's plan. */
const questionPhaseSchema = z.object({ id: idSchema, dimensions: z.array(idSchema).min(1) }).strict();

const baseShape = {
  id: idSchema,
  /** The role guide (its `slug`) whose phase plan and dimensions this question uses. */
  role: idSchema,
  title: textSchema,
  prompt: textSchema,
  difficulty: z.enum(['medium', 'hard', 'very-hard']),
  topics: z.array(textSchema).min(1),
  answerFramework: textSchema,
  howToAnswer: z.array(textSchema).min(1),
  keyPoints: z.array(keyPointSchema).min(1),
  keyTerminology: z.array(textSchema).min(1),
  interviewersLookFor: z.array(lookForItemSchema).min(1),
  commonMistakes: z.array(commonMistakeSchema).min(1),
  referenceAnswer: textSchema,
  phases: z.array(questionPhaseSchema).min(1),
  /** The facts the interviewer gives when asked (internal: never shown before they are asked for). */
  scenario: scenarioSchema,
};

const systemDesignQuestionSchema = z
  .object({
    ...baseShape,
    kind: z.literal('system-design'),
    /** What the session's board should show, read against the component graph (see `diagram.schema.ts`). */
    diagram: diagramExpectationsSchema.optional(),
  })
  .strict();
const codingQuestionSchema = z.object({ ...baseShape, ...codingExtrasShape, kind: z.literal('coding') }).strict();
const behavioralQuestionSchema = z.object({ ...baseShape, ...behavioralExtrasShape, kind: z.literal('behavioral') }).strict();

/**
 * A question as stored in any version (`ContentService.questionAt`): versions recorded before the study-plan
 * fields existed lack them. Authored content is checked with `questionSchema`, which requires them.
 */
export const storedQuestionSchema = z
  .discriminatedUnion('kind', [systemDesignQuestionSchema, codingQuestionSchema, behavioralQuestionSchema])
  .superRefine((q, ctx) => {
    checkUniqueIds(ctx, q.keyPoints, ['keyPoints']);
    checkUniqueIds(ctx, q.interviewersLookFor, ['interviewersLookFor']);
    checkUniqueIds(ctx, q.commonMistakes, ['commonMistakes']);
    checkUniqueIds(ctx, q.phases, ['phases']);
    const dimsByPhase = new Map(q.phases.map((p) => [p.id, new Set(p.dimensions)]));
    const allDims = new Set(q.phases.flatMap((p) => p.dimensions));
    q.keyPoints.forEach((kp, i) => {
      const dims = dimsByPhase.get(kp.phase);
      if (!dims) {
        ctx.addIssue({ code: 'custom', path: ['keyPoints', i, 'phase'], message: `phase "${kp.phase}" is not in this question's phases` });
      } else if (!dims.has(kp.dimension)) {
        ctx.addIssue({
          code: 'custom',
          path: ['keyPoints', i, 'dimension'],
          message: `dimension "${kp.dimension}" is not scored in phase "${kp.phase}"`,
        });
      }
    });
    q.commonMistakes.forEach((m, i) => {
      if (!allDims.has(m.dimension)) {
        ctx.addIssue({
          code: 'custom',
          path: ['commonMistakes', i, 'dimension'],
          message: `dimension "${m.dimension}" is not scored by this question`,
        });
      }
      if (m.phase !== undefined && !dimsByPhase.has(m.phase)) {
        ctx.addIssue({ code: 'custom', path: ['commonMistakes', i, 'phase'], message: `phase "${m.phase}" is not in this question's phases` });
      }
    });
    if (q.kind === 'coding') checkCodingTests(q, ctx);
    checkFactsAgainstPrompt(q.prompt, q.scenario.facts, ctx);
  });

/** Authored content (start-up, `content:check`): every key point carries its study material. */
export const questionSchema = storedQuestionSchema.superRefine((q, ctx) => checkKeyPointStudy(q.keyPoints, ctx));

export type SystemDesignQuestion = z.infer<typeof systemDesignQuestionSchema>;
export type CodingQuestion = z.infer<typeof codingQuestionSchema>;
export type BehavioralQuestion = z.infer<typeof behavioralQuestionSchema>;
export type Question = z.infer<typeof questionSchema>;

const NUMBER = /\d+(?:[.,]\d+)*/g;
const numbersIn = (text: string): Set<string> => new Set([...text.matchAll(NUMBER)].map((m) => m[0].replace(/,/g, '')));

/** A fact that restates the prompt (`fromPrompt`) may not name a number the prompt does not: the two must agree. */
function checkFactsAgainstPrompt(
  prompt: string,
  facts: readonly { id: string; answer: string; fromPrompt?: boolean | undefined }[],
  ctx: z.RefinementCtx,
): void {
  const inPrompt = numbersIn(prompt);
  facts.forEach((fact, i) => {
    if (!fact.fromPrompt) return;
    for (const n of numbersIn(fact.answer)) {
      if (!inPrompt.has(n)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scenario', 'facts', i, 'answer'],
          message: `names ${n}, which the prompt does not (a fact marked fromPrompt must agree with the prompt)`,
        });
      }
    }
  });
}
