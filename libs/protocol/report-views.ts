import { z } from 'zod';
import { codeComplexityFactsSchema, codeQualityFactsSchema } from './code-facts.js';

/**
 * What the client reads of a grade and of a session report: the documents the server stores (`libs/grading`
 * Grade, `libs/interview` SessionReport), sent as they are in `grade:scored`, `session:report` and the REST
 * views. One schema each, for the socket's types, the OpenAPI document and the web client.
 */

const KEY_POINT_STATUSES = ['covered', 'partial', 'missed'] as const;
export const keyPointStatusSchema = z.enum(KEY_POINT_STATUSES);
export type KeyPointStatus = z.infer<typeof keyPointStatusSchema>;

export const CODE_RUN_STATUSES = ['PASSED', 'FAILED', 'COMPILE_ERROR', 'RUNTIME_ERROR', 'TIMEOUT', 'MEMORY_LIMIT', 'OUTPUT_LIMIT'] as const;

/** How many of a run's tests passed. */
export const passCountSchema = z.object({ passed: z.number().int(), total: z.number().int() });

/** One test of a run as the candidate sees it: hidden tests carry only `passed` (no time, output or error). */
export const codeTestResultSchema = z
  .object({
    name: z.string(),
    hidden: z.boolean(),
    passed: z.boolean(),
    expected: z.unknown().optional(),
    actual: z.unknown().optional(),
    error: z.string().optional(),
    stdout: z.string().optional(),
    stderr: z.string().optional(),
    /** Visible tests only. */
    timeMs: z.number().optional(),
    /** Visible tests only: the arguments the test calls the function with (absent on results stored before it). */
    input: z.array(z.unknown()).optional(),
  })
  .meta({ id: 'CodeTestResult' });
export type CodeTestResultDto = z.infer<typeof codeTestResultSchema>;

/** A run on the candidate's own input (`code:run` with `input`): the one call's arguments and what it did. */
export const codeCustomRunSchema = z
  .object({
    /** The arguments, parsed from the input. */
    args: z.array(z.unknown()),
    /** The call returned (no exception); `value` is what it returned. */
    returned: z.boolean(),
    value: z.unknown().optional(),
    error: z.string().optional(),
    stdout: z.string().optional(),
    stderr: z.string().optional(),
    timeMs: z.number().optional(),
  })
  .meta({ id: 'CodeCustomRun' });
export type CodeCustomRunDto = z.infer<typeof codeCustomRunSchema>;

/** A coding session's code in its report: the graded code, its tests (hidden ones as pass/fail) and its runs. */
const codeReportSectionSchema = z
  .object({
    language: z.string(),
    code: z.string(),
    /** The graded submission's status; null when the code was never submitted. */
    status: z.string().nullable(),
    tests: z.array(codeTestResultSchema),
    visible: passCountSchema,
    hidden: passCountSchema,
    /** Every run and submission in order (the full replay is `GET /api/sessions/:id/code-timeline`). */
    timeline: z.array(
      z.object({
        at: z.string(),
        kind: z.enum(['run', 'submit']),
        status: z.string().nullable(),
        visible: passCountSchema.nullable(),
        hidden: passCountSchema.nullable(),
      }),
    ),
    snapshots: z.number().int(),
    /** The graded submission's static analysis (`score`, `findings`); absent when it was not computed (see `factsMissing`). */
    quality: codeQualityFactsSchema.optional(),
    /** The graded submission's measured growth (`summary`: "measured O(n) per put/get (required O(1))", `note`). */
    complexity: codeComplexityFactsSchema.optional(),
    /** Why a code fact is absent for the graded submission, one sentence each (absent when nothing is missing). */
    factsMissing: z.array(z.string()).optional(),
  })
  .meta({ id: 'CodeReportSection' });
export type CodeReportSection = z.infer<typeof codeReportSectionSchema>;

/** Evidence from the session's board for a key point or a mistake: elements of the component graph, never a quote. */
const diagramEvidenceSchema = z.object({
  source: z.literal('diagram'),
  elements: z.array(z.object({ id: z.string(), kind: z.enum(['node', 'edge']), label: z.string().nullable(), category: z.string().optional() })),
  text: z.string(),
});

const graderName = z.enum(['rubric', 'openai']);

/** Who graded, with which content versions, at what cost. */
export const gradeProvenanceSchema = z
  .object({
    grader: graderName,
    /** The LLM's model id; null for the offline rubric grader. */
    model: z.string().nullable(),
    rubricVersion: z.string(),
    promptVersion: z.string(),
    tokens: z.object({ prompt: z.number().int(), cached: z.number().int(), completion: z.number().int() }),
    latencyMs: z.number(),
    /** Graded by the offline grader instead of the configured one, and why. */
    fallback: z.object({ from: graderName, reason: z.string() }).optional(),
  })
  .meta({ id: 'GradeProvenance' });

const GRADE_FLAG_NAMES = ['injection_suspected', 'off_topic', 'non_answer', 'keyword_stuffing', 'low_confidence'] as const;

/** A stored grade of one answer (`grade:scored`, the session view's transcript). */
export const gradeSchema = z
  .object({
    questionId: z.string(),
    phaseId: z.string(),
    keyPoints: z.array(
      z.object({
        id: z.string(),
        status: keyPointStatusSchema,
        evidence: z.array(z.string()),
        diagramEvidence: z.array(diagramEvidenceSchema).optional(),
        note: z.string().optional(),
      }),
    ),
    /** `diagramEvidence`: where the board showed the mistake (a structural finding naming it). */
    mistakes: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['present', 'absent']),
        evidence: z.array(z.string()),
        diagramEvidence: z.array(diagramEvidenceSchema).optional(),
      }),
    ),
    dimensions: z.array(z.object({ id: z.string(), score: z.number().int().min(1).max(4), reason: z.string() })),
    /** 0–100, computed from the dimension weights. */
    overall: z.number().int(),
    feedback: z.object({ strengths: z.array(z.string()), improvements: z.array(z.string()), nextToStudy: z.array(z.string()) }),
    flags: z.array(z.enum(GRADE_FLAG_NAMES)),
    provenance: gradeProvenanceSchema,
  })
  .meta({ id: 'Grade' });
export type GradeView = z.infer<typeof gradeSchema>;

/** One missed or partly covered key point with what to read and practise. */
const studyPlanItemSchema = z
  .object({
    keyPointId: z.string(),
    text: z.string(),
    status: z.enum(['missed', 'partial']),
    /** Absent when the question version the session used predates the study material. */
    explanation: z.string().optional(),
    references: z.array(z.object({ title: z.string(), source: z.string() })),
    practice: z.string().optional(),
  })
  .meta({ id: 'StudyPlanItem' });
export type StudyPlanItemView = z.infer<typeof studyPlanItemSchema>;

/**
 * The session report. Fields marked "absent on old reports" are missing from reports stored before them: a
 * client shows those reports without.
 */
export const sessionReportSchema = z
  .object({
    sessionId: z.string(),
    questionId: z.string(),
    /** Absent on old reports (look the title up by `questionId`). */
    questionTitle: z.string().optional(),
    mode: z.enum(['practice', 'realistic']),
    /** 0–100 from the role guide's weights over the dimensions assessed; null when nothing was graded. */
    overall: z.number().nullable(),
    /** The share (0–1) of the plan's dimension weight assessed (absent on old reports). */
    coverage: z.number().optional(),
    /** False when too little of the plan was assessed: the overall is shown with that caveat (absent on old reports: true). */
    complete: z.boolean().optional(),
    /** `comment`: what the graders said of the answers that set the score (absent on old reports: `descriptor`). */
    dimensions: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        weight: z.number(),
        score: z.number().nullable(),
        comment: z.string().nullable().optional(),
        descriptor: z.string().nullable(),
      }),
    ),
    /** `diagramEvidence`: what the board showed for the point, at most three (absent when it showed nothing, and on old reports). */
    keyPoints: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        status: keyPointStatusSchema,
        evidence: z.array(z.string()),
        diagramEvidence: z.array(diagramEvidenceSchema).optional(),
      }),
    ),
    /** `diagramEvidence`: where the board showed the mistake, at most three (absent when it did not, and on old reports). */
    mistakes: z.array(
      z.object({ id: z.string(), text: z.string(), evidence: z.array(z.string()), diagramEvidence: z.array(diagramEvidenceSchema).optional() }),
    ),
    interviewersLookFor: z.array(z.object({ id: z.string(), text: z.string() })),
    studyNext: z.array(z.string()),
    /** The misses, biggest gap first (absent on old reports). */
    studyPlan: z.array(studyPlanItemSchema).optional(),
    /** The question's model answer, only ever in the report (absent on old reports). */
    modelAnswer: z.object({ answerFramework: z.string(), referenceAnswer: z.string() }).optional(),
    answers: z.object({ graded: z.number().int(), failed: z.number().int() }),
    flags: z.array(z.string()),
    provenance: z.object({ graders: z.array(z.string()), rubricVersions: z.array(z.string()), promptVersions: z.array(z.string()) }).optional(),
    /** Coding sessions only. */
    code: codeReportSectionSchema.optional(),
  })
  .meta({ id: 'SessionReport' });
export type ReportView = z.infer<typeof sessionReportSchema>;
