import { z } from 'zod';
import type { Question } from '#libs/content';
import type { GradingScope } from './grading-scope.js';

/**
 * What the model returns: the shape the grader prompt's "# Output" section describes
 * (`prompts/grader.yaml`), so the instructions and the enforced schema never disagree. No
 * overall score and no provenance: both are computed in code.
 */
export const openAiReplySchema = z
  .object({
    keyPoints: z.array(
      z.object({ id: z.string(), covered: z.boolean(), evidence: z.string(), note: z.string() }).strict(),
    ),
    mistakes: z.array(z.object({ id: z.string(), made: z.boolean(), evidence: z.string() }).strict()),
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
    feedback: z.string(),
    injectionSuspected: z.boolean(),
    injectionEvidence: z.string(),
  })
  .strict();
export type OpenAiReply = z.infer<typeof openAiReplySchema>;

/** A JSON Schema object as sent to the provider (a plain JSON value). */
export type JsonSchemaObject = { readonly [key: string]: unknown };

export const GRADE_SCHEMA_NAME = 'interview_answer_grade';

/**
 * The strict JSON schema of the reply for one question and phase. Ids are enums so a
 * constrained decoder cannot invent one. Strict mode needs every property required and
 * `additionalProperties: false` on every object.
 */
export function openAiReplyJsonSchema(question: Question, scope: GradingScope): JsonSchemaObject {
  const object = (properties: Record<string, unknown>) => ({
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  });
  const ids = (values: readonly string[]) => ({ type: 'string', enum: [...values] });
  const text = { type: 'string' };
  return object({
    keyPoints: {
      type: 'array',
      items: object({ id: ids(question.keyPoints.map((k) => k.id)), covered: { type: 'boolean' }, evidence: text, note: text }),
    },
    mistakes: {
      type: 'array',
      items: object({ id: ids(question.commonMistakes.map((m) => m.id)), made: { type: 'boolean' }, evidence: text }),
    },
    dimensions: {
      type: 'array',
      items: object({
        id: ids(scope.dimensions),
        score: { anyOf: [{ type: 'integer', enum: [1, 2, 3, 4] }, { type: 'null' }] },
        reason: text,
      }),
    },
    feedback: text,
    injectionSuspected: { type: 'boolean' },
    injectionEvidence: text,
  });
}

/**
 * The checks JSON Schema cannot express (or a provider may not enforce): every key point
 * and mistake of the rubric exactly once, exactly the dimensions in scope. Returns the
 * problems as short sentences, fit to send back to the model in a repair request.
 */
export function replyCompletenessProblems(reply: OpenAiReply, question: Question, scope: GradingScope): string[] {
  return [
    ...exactlyOnce('keyPoints', reply.keyPoints.map((k) => k.id), question.keyPoints.map((k) => k.id)),
    ...exactlyOnce('mistakes', reply.mistakes.map((m) => m.id), question.commonMistakes.map((m) => m.id)),
    ...exactlyOnce('dimensions', reply.dimensions.map((d) => d.id), scope.dimensions),
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
