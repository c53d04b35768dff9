import { z } from 'zod';
import { textSchema } from './common.schema.js';

/**
 * Study material of a key point, shown in the session report's study plan (after the session only: the
 * candidate view in `question-view.ts` never carries it). References name public material a candidate can
 * look up offline (a book chapter, a documentation page, a paper); no URLs, which rot.
 */
const studyReferenceSchema = z
  .object({
    /** e.g. "Chapter 5: Replication", "INCR — Pattern: Rate limiter". */
    title: textSchema,
    /** e.g. "Designing Data-Intensive Applications (Martin Kleppmann)", "Redis documentation". */
    source: textSchema,
  })
  .strict()
  .refine((r) => !/https?:\/\//i.test(`${r.title} ${r.source}`), { message: 'name the material, not a URL' });
export type StudyReference = z.infer<typeof studyReferenceSchema>;

/** Sentences of plain prose: a terminator followed by a space and a capital, digit, quote or bracket. */
export function sentenceCount(text: string): number {
  return text.trim().split(/(?<=[.!?])\s+(?=[A-Z0-9'"‘“([])/).length;
}

const explanationSchema = textSchema.refine((t) => sentenceCount(t) >= 2 && sentenceCount(t) <= 4, {
  message: 'must be 2–4 sentences explaining the concept and why it matters for this question',
});

export const STUDY_FIELDS = ['explanation', 'references', 'practice'] as const;

/**
 * Optional in the shape because versions of a question stored before these fields existed are read back
 * (`ContentService.questionAt`) for the sessions that used them; authored content must have all three
 * (`checkKeyPointStudy`, run by `questionSchema`, so by start-up and `content:check`).
 */
export const keyPointStudyShape = {
  /** 2–4 sentences: the concept in plain words and why it matters for this question. */
  explanation: explanationSchema.optional(),
  /** 1–3 well-known public references. */
  references: z.array(studyReferenceSchema).min(1).max(3).optional(),
  /** One short exercise that practises exactly this key point. */
  practice: textSchema.optional(),
};

export function checkKeyPointStudy(keyPoints: readonly Partial<Record<(typeof STUDY_FIELDS)[number], unknown>>[], ctx: z.RefinementCtx): void {
  keyPoints.forEach((kp, i) => {
    for (const field of STUDY_FIELDS) {
      if (kp[field] === undefined) ctx.addIssue({ code: 'custom', path: ['keyPoints', i, field], message: `required (study plan: ${field})` });
    }
  });
}
