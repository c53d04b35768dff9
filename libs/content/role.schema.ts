import { z } from 'zod';
import { checkUniqueIds, idSchema, lookForItemSchema, questionKindSchema, textSchema } from './common.schema.js';
import { checklistItemSchema } from './scenario.schema.js';

/** Score labels are fixed product-wide so reports and coaches speak one language. */
export const SCORE_LABELS = {
  1: 'no hire',
  2: 'lean no hire',
  3: 'lean hire',
  4: 'strong hire',
} as const;

const dimensionSchema = z
  .object({
    id: idSchema,
    title: textSchema,
    description: textSchema,
    /** Share of the session's overall score; the weights of one session kind sum to 1. */
    weight: z.number().positive().max(1),
    /** What an answer at each score looks like, 1 (no hire) to 4 (strong hire). */
    descriptors: z.object({ '1': textSchema, '2': textSchema, '3': textSchema, '4': textSchema }).strict(),
  })
  .strict();

const phaseSchema = z
  .object({
    id: idSchema,
    title: textSchema,
    description: textSchema,
    minMinutes: z.number().int().positive(),
    /** The server's phase clock uses maxMinutes. */
    maxMinutes: z.number().int().positive(),
    /** What the interviewer says when the phase starts. */
    openingPrompt: textSchema,
    /** What every answer in this phase should touch, for any question: probed when a weak answer covers no key point. */
    checklist: z.array(checklistItemSchema).min(1),
  })
  .strict()
  .refine((p) => p.maxMinutes >= p.minMinutes, {
    message: 'maxMinutes must be >= minMinutes',
    path: ['maxMinutes'],
  });

/** How one kind of session runs (phases) and how it is scored (dimensions). */
export const sessionPlanSchema = z
  .object({
    title: textSchema,
    description: textSchema,
    phases: z.array(phaseSchema).min(1),
    dimensions: z.array(dimensionSchema).min(1),
  })
  .strict()
  .superRefine((plan, ctx) => {
    checkUniqueIds(ctx, plan.phases, ['phases']);
    checkUniqueIds(ctx, plan.dimensions, ['dimensions']);
    const total = plan.dimensions.reduce((sum, d) => sum + d.weight, 0);
    if (Math.abs(total - 1) > 1e-6) {
      ctx.addIssue({
        code: 'custom',
        path: ['dimensions'],
        message: `dimension weights must sum to 1 (got ${Number(total.toFixed(6))})`,
      });
    }
  });

const stageSchema = z.object({ id: idSchema, name: textSchema, minutes: z.number().int().positive(), description: textSchema }).strict();

const assessmentShareSchema = z.object({ kind: questionKindSchema, label: textSchema, percent: z.number().min(0).max(100) }).strict();

export const roleGuideSchema = z
  .object({
    slug: idSchema,
    title: textSchema,
    category: textSchema,
    summary: textSchema,
    trend: textSchema,
    difficulty: z.object({ score: z.number().min(0).max(10), outOf: z.literal(10), label: textSchema }).strict(),
    demand: z.object({ level: z.enum(['low', 'medium', 'high']), label: textSchema }).strict(),
    keyStage: textSchema,
    salaryRange: z
      .object({
        currency: z.string().regex(/^[A-Z]{3}$/),
        min: z.number().int().nonnegative(),
        max: z.number().int().positive(),
        period: z.enum(['annual', 'monthly']),
      })
      .strict()
      .refine((s) => s.max >= s.min, { message: 'max must be >= min', path: ['max'] }),
    coreSkills: z.array(textSchema).min(1),
    focusAreas: z.array(textSchema).min(1),
    stages: z.array(stageSchema).min(1),
    assessmentMix: z.array(assessmentShareSchema).min(1),
    essentialTopics: z.array(textSchema).min(1),
    preparationStrategy: z.array(textSchema).min(1),
    interviewersLookFor: z.array(lookForItemSchema).min(1),
    commonMistakes: z.array(lookForItemSchema).min(1),
    interviewDna: z
      .object({
        difficulty: textSchema,
        recommendedPrepTime: textSchema,
        primaryFocus: z.array(textSchema).min(1),
        interviewStructure: textSchema,
        skillModules: z
          .object({
            technicalSkills: z.array(textSchema),
            methodologies: z.array(textSchema),
            softSkills: z.array(textSchema),
            toolsAndPlatforms: z.array(textSchema),
          })
          .strict(),
      })
      .strict(),
    /** One plan per session kind; every kind a question may have is required. */
    sessions: z
      .object({
        'system-design': sessionPlanSchema,
        coding: sessionPlanSchema,
        behavioral: sessionPlanSchema,
      })
      .strict(),
  })
  .strict()
  .superRefine((role, ctx) => {
    checkUniqueIds(ctx, role.stages, ['stages']);
    checkUniqueIds(ctx, role.interviewersLookFor, ['interviewersLookFor']);
    checkUniqueIds(ctx, role.commonMistakes, ['commonMistakes']);
    const total = role.assessmentMix.reduce((sum, share) => sum + share.percent, 0);
    if (Math.abs(total - 100) > 1e-6) {
      ctx.addIssue({ code: 'custom', path: ['assessmentMix'], message: `percentages must sum to 100 (got ${total})` });
    }
  });
export type RoleGuide = z.infer<typeof roleGuideSchema>;
