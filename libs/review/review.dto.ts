import { z } from 'zod';
import { freeText } from '#libs/protocol';

const reason = freeText().trim().min(1, 'a reason is required').max(2000);
const turnId = z.uuid().nullish();

const correctionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dimension'), turnId, dimensionId: freeText().min(1).max(100), score: z.number().int().min(1).max(4), reason }).strict(),
  z
    .object({ kind: z.literal('keyPoint'), turnId, keyPointId: freeText().min(1).max(100), status: z.enum(['covered', 'partial', 'missed']), reason })
    .strict(),
]);
export type CorrectionInput = z.infer<typeof correctionSchema>;

export const reviewInputSchema = z
  .object({
    corrections: z.array(correctionSchema).max(200).default([]),
    annotations: z
      .array(z.object({ turnId: z.uuid(), comment: freeText().trim().min(1).max(4000) }).strict())
      .max(200)
      .default([]),
    complete: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.corrections.length > 0 || v.annotations.length > 0 || v.complete, {
    message: 'send at least one correction, one annotation, or complete: true',
  });
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const disputeSchema = z.object({ turnId, comment: freeText().trim().min(1).max(4000) }).strict();
export type DisputeInput = z.infer<typeof disputeSchema>;

export const assignmentSchema = z.object({ coachId: z.uuid(), candidateId: z.uuid() }).strict();
export type AssignmentInput = z.infer<typeof assignmentSchema>;

export const transcriptQuerySchema = z.object({ format: z.enum(['md', 'json']).optional() });
export type TranscriptQuery = z.infer<typeof transcriptQuerySchema>;
