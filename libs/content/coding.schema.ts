import { z } from 'zod';
import { textSchema } from './common.schema.js';

/**
 * Types in signatures use a small language-neutral notation so one signature serves every
 * language: `int`, `float`, `bool`, `string`, `T[]` (list), `T | null`, `[A, B]` (tuple),
 * `{k: T}` (record). Test values are plain JSON in the same shape.
 */
const typeNotation = textSchema;

export const CODE_LANGUAGES = ['python', 'javascript', 'java', 'go'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** Python and JavaScript are required; other languages are optional extras. */
export const perLanguageSchema = z
  .object({
    python: textSchema,
    javascript: textSchema,
    java: textSchema.optional(),
    go: textSchema.optional(),
  })
  .strict();
export type PerLanguage = z.infer<typeof perLanguageSchema>;

export const functionSignatureSchema = z
  .object({
    /** The function the harness calls, per language (naming differs: snake vs camel case). */
    entryPoint: perLanguageSchema,
    params: z
      .array(z.object({ name: textSchema, type: typeNotation, description: textSchema }).strict())
      .min(1),
    returns: z.object({ type: typeNotation, description: textSchema }).strict(),
  })
  .strict();
export type FunctionSignature = z.infer<typeof functionSignatureSchema>;

/** One call of the entry point: `args` are spread as positional arguments. */
export const testCaseSchema = z
  .object({
    name: textSchema,
    args: z.array(z.json()),
    expected: z.json(),
  })
  .strict();
export type TestCase = z.infer<typeof testCaseSchema>;

export const codingExtrasShape = {
  signature: functionSignatureSchema,
  /** `exact`: deep equality; `unordered`: top-level array compared as a multiset. */
  comparison: z.enum(['exact', 'unordered']),
  constraints: z.array(textSchema).min(1),
  starterCode: perLanguageSchema,
  /** Internal: proves the tests are right; never shown to a candidate. */
  referenceSolution: perLanguageSchema,
  tests: z
    .object({
      visible: z.array(testCaseSchema).min(1),
      /** Internal: run only by the server. */
      hidden: z.array(testCaseSchema).min(1),
    })
    .strict(),
};

interface CodingShapeForChecks {
  signature: FunctionSignature;
  tests: { visible: TestCase[]; hidden: TestCase[] };
}

/** Test names are unique across both sets and each call passes one value per parameter. */
export function checkCodingTests(q: CodingShapeForChecks, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  const arity = q.signature.params.length;
  for (const set of ['visible', 'hidden'] as const) {
    q.tests[set].forEach((t, i) => {
      if (seen.has(t.name)) {
        ctx.addIssue({ code: 'custom', path: ['tests', set, i, 'name'], message: `duplicate test name "${t.name}"` });
      }
      seen.add(t.name);
      if (t.args.length !== arity) {
        ctx.addIssue({ code: 'custom', path: ['tests', set, i, 'args'], message: `expected ${arity} args, got ${t.args.length}` });
      }
    });
  }
}
