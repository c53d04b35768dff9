import { z } from 'zod';
import type { Question } from '#libs/content';
import { keyPointGradeSchema, mistakeGradeSchema, type GradeFlag } from './grade.schema.js';
import type { GradingScope } from './grading-scope.js';

/** The statuses are the grade's own, so a reply maps onto a `Grade` without translation. */
const KEY_POINT_STATUSES = keyPointGradeSchema.shape.status.options;
const MISTAKE_STATUSES = mistakeGradeSchema.shape.status.options;

/**
 * The flags the model may raise about the answer. `low_confidence` is not among them: it is
 * set in code (invented quotes, disagreement with the rubric grader), never by the model.
 */
export const MODEL_FLAGS = ['injection_suspected', 'off_topic', 'non_answer', 'keyword_stuffing'] as const satisfies readonly GradeFlag[];

/**
 * What the model returns: the shape the grader prompt's "# Output" section describes
 * (`prompts/grader.yaml`), so the instructions and the enforced schema never disagree. It
 * mirrors `Grade` (statuses, quote lists, feedback lists, flags) minus what code owns: no
 * overall score and no provenance. Where `Grade` has an optional field the reply has a
 * nullable one (strict mode requires every property).
 */
export const openAiReplySchema = z
  .object({
    keyPoints: z.array(
      z
        .object({
          id: z.string(),
          status: z.enum(KEY_POINT_STATUSES),
          // Verbatim quotes; checked against the candidate's text by `verifyEvidence`.
          evidence: z.array(z.string()),
          // Ids of board elements (from the <candidate_diagram> listing) that show the point; checked against the
          // board. Optional here (a reply to a prompt without a board may leave it out); the JSON schema requires it.
          diagramElements: z.array(z.string()).optional(),
          note: z.string().nullable(),
        })
        .strict(),
    ),
    mistakes: z.array(z.object({ id: z.string(), status: z.enum(MISTAKE_STATUSES), evidence: z.array(z.string()) }).strict()),
    dimensions: z.array(
      z
        .object({
          id: z.string(),
          // null: not enough material to judge; never turned into a guessed low score.
          score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
          reason: z.string().trim().min(1),
        })
        .strict(),
    ),
    // Strengths and improvements are anchored on the candidate's words (quotes verified like evidence);
    // code writes the sentences (`groundFeedback`).
    feedback: z
      .object({
        strengths: z.array(z.object({ quote: z.string(), why: z.string() }).strict()),
        improvements: z.array(z.object({ quote: z.string().nullable(), gap: z.string(), stronger: z.string() }).strict()),
        nextToStudy: z.array(z.string()),
      })
      .strict(),
    flags: z.array(z.enum(MODEL_FLAGS)),
  })
  .strict();
export type OpenAiReply = z.infer<typeof openAiReplySchema>;

/** A JSON Schema object as sent to the provider (a plain JSON value). */
export type JsonSchemaObject = { readonly [key: string]: unknown };

export const GRADE_SCHEMA_NAME = 'interview_answer_grade';

/**
 * The strict JSON schema of the reply for one question and phase. Ids are enums so a
 * constrained decoder cannot invent one. Strict mode needs every property required and
 * `additionalProperties: false` on every object; an optional value is a nullable one.
 */
export function openAiReplyJsonSchema(question: Question, scope: GradingScope): JsonSchemaObject {
  const object = (properties: Record<string, unknown>) => ({
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  });
  const choice = (values: readonly (string | number)[]) => ({ type: typeof values[0] === 'number' ? 'integer' : 'string', enum: [...values] });
  const text = { type: 'string' };
  const list = (items: unknown) => ({ type: 'array', items });
  const nullable = (schema: unknown) => ({ anyOf: [schema, { type: 'null' }] });
  return object({
    keyPoints: list(
      object({
        id: choice(question.keyPoints.map((k) => k.id)),
        status: choice(KEY_POINT_STATUSES),
        evidence: list(text),
        diagramElements: list(text),
        note: nullable(text),
      }),
    ),
    mistakes: list(object({ id: choice(question.commonMistakes.map((m) => m.id)), status: choice(MISTAKE_STATUSES), evidence: list(text) })),
    dimensions: list(object({ id: choice(scope.dimensions), score: nullable(choice([1, 2, 3, 4])), reason: text })),
    feedback: object({
      strengths: list(object({ quote: text, why: text })),
      improvements: list(object({ quote: nullable(text), gap: text, stronger: text })),
      nextToStudy: list(text),
    }),
    flags: list(choice(MODEL_FLAGS)),
  });
}

/**
 * The checks JSON Schema cannot express (or a provider may not enforce): every key point
 * and mistake of the rubric exactly once, exactly the dimensions in scope. Returns the
 * problems as short sentences, fit to send back to the model in a repair request.
 */
export function replyCompletenessProblems(reply: OpenAiReply, question: Question, scope: GradingScope): string[] {
  return [
    ...exactlyOnce(
      'keyPoints',
      reply.keyPoints.map((k) => k.id),
      question.keyPoints.map((k) => k.id),
    ),
    ...exactlyOnce(
      'mistakes',
      reply.mistakes.map((m) => m.id),
      question.commonMistakes.map((m) => m.id),
    ),
    ...exactlyOnce(
      'dimensions',
      reply.dimensions.map((d) => d.id),
      scope.dimensions,
    ),
  ];
}

function exactlyOnce(list: string, got: readonly string[], expected: readonly string[]): string[] {
  const problems: string[] = [];
  const wanted = new Set(expected);
  const seen = new Set<string>();
  for (const id of got) {
    if (!wanted.has(id)) problems.push(`${list}: unknown id "${id}"`);
    else if (seen.has(id)) problems.push(`${list}: id "${id}" is listed more than once`);
    seen.add(id);
  }
  for (const id of expected) if (!seen.has(id)) problems.push(`${list}: id "${id}" is missing`);
  return problems;
}
