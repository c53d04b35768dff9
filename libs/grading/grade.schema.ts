import { z } from 'zod';
import { diagramEvidenceSchema } from './diagram-evidence.schema.js';

/**
 * The grade every grader returns. It is re-validated in code (an LLM's output included)
 * before it is stored, so the schema is the contract, not the graders.
 */
const GRADE_FLAGS = ['injection_suspected', 'off_topic', 'non_answer', 'keyword_stuffing', 'low_confidence'] as const;
const gradeFlagSchema = z.enum(GRADE_FLAGS);
export type GradeFlag = z.infer<typeof gradeFlagSchema>;

const GRADER_NAMES = ['rubric', 'openai'] as const;
const graderNameSchema = z.enum(GRADER_NAMES);
export type GraderName = z.infer<typeof graderNameSchema>;

/** A quote of the candidate's text; it must be a verbatim substring (see `verifyEvidence`). */
const quoteSchema = z.string().min(1);

export const keyPointGradeSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(['covered', 'partial', 'missed']),
    evidence: z.array(quoteSchema),
    /**
     * What the session's board showed for the point (elements of the graph at the answer, not quotes): present only
     * when the board counted (see rubrics/README.md, "Diagrams").
     */
    diagramEvidence: z.array(diagramEvidenceSchema).optional(),
    /** What is missing, in the grader's words (optional; never shown verbatim as rubric text). */
    note: z.string().optional(),
  })
  .strict();
export type KeyPointGrade = z.infer<typeof keyPointGradeSchema>;
export type KeyPointStatus = KeyPointGrade['status'];

export const mistakeGradeSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(['present', 'absent']),
    /** Quotes for a wrong claim; empty for an absent topic (there is nothing to quote). */
    evidence: z.array(quoteSchema),
    /**
     * Where the session's board shows the mistake (the elements of a structural finding whose check names it, not
     * quotes): present only when the board showed it (see rubrics/README.md, "Diagrams").
     */
    diagramEvidence: z.array(diagramEvidenceSchema).optional(),
  })
  .strict();
export type MistakeGrade = z.infer<typeof mistakeGradeSchema>;

const dimensionScoreSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type DimensionScore = z.infer<typeof dimensionScoreSchema>;

const dimensionGradeSchema = z
  .object({
    id: z.string().min(1),
    score: dimensionScoreSchema,
    /** One sentence tied to the role guide's descriptor for this score. */
    reason: z.string().min(1),
  })
  .strict();
export type DimensionGrade = z.infer<typeof dimensionGradeSchema>;

const feedbackSchema = z
  .object({
    strengths: z.array(z.string().min(1)),
    improvements: z.array(z.string().min(1)),
    nextToStudy: z.array(z.string().min(1)),
  })
  .strict();
export type Feedback = z.infer<typeof feedbackSchema>;

const tokenCount = z.number().int().nonnegative();

const provenanceSchema = z
  .object({
    grader: graderNameSchema,
    /** The LLM's model id; null for the offline rubric grader. */
    model: z.string().min(1).nullable(),
    /** The content hash of the question (its rubric) that was used. */
    rubricVersion: z.string().min(1),
    /** The content hash of the grader prompt (recorded by the rubric grader too, for one key). */
    promptVersion: z.string().min(1),
    tokens: z.object({ prompt: tokenCount, cached: tokenCount, completion: tokenCount }).strict(),
    latencyMs: z.number().nonnegative(),
    /** Graded by the offline grader instead of the configured one, and why (e.g. the provider rate-limited too long). */
    fallback: z
      .object({ from: graderNameSchema, reason: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();
export type Provenance = z.infer<typeof provenanceSchema>;

export const gradeSchema = z
  .object({
    questionId: z.string().min(1),
    phaseId: z.string().min(1),
    keyPoints: z.array(keyPointGradeSchema),
    mistakes: z.array(mistakeGradeSchema),
    dimensions: z.array(dimensionGradeSchema),
    /** 0–100, always computed in code from the dimension weights (`computeOverall`), never by a model. */
    overall: z.number().int().min(0).max(100),
    feedback: feedbackSchema,
    flags: z.array(gradeFlagSchema),
    provenance: provenanceSchema,
  })
  .strict()
  .superRefine((grade, ctx) => {
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id "${id}"` });
        seen.add(id);
      });
    };
    unique(
      grade.keyPoints.map((k) => k.id),
      'keyPoints',
    );
    unique(
      grade.mistakes.map((m) => m.id),
      'mistakes',
    );
    unique(
      grade.dimensions.map((d) => d.id),
      'dimensions',
    );
    if (new Set(grade.flags).size !== grade.flags.length) {
      ctx.addIssue({ code: 'custom', path: ['flags'], message: 'flags must be unique' });
    }
  });
export type Grade = z.infer<typeof gradeSchema>;
