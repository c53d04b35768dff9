import { z } from 'zod';
import { COMPLEXITY_CLASSES } from '#libs/protocol';
import { textSchema } from './common.schema.js';

/**
 * Types in signatures use a small language-neutral notation so one signature serves every
 * language: `int`, `float`, `bool`, `string`, `T[]` (list), `T | null`, `[A, B]` (tuple),
 * `{k: T}` (record). Test values are plain JSON in the same shape.
 */
const typeNotation = textSchema;

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
    params: z.array(z.object({ name: textSchema, type: typeNotation, description: textSchema }).strict()).min(1),
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

/** Input generators of the scaling run, implemented on the server (`libs/code-facts`), seeded and deterministic. */
export const SCALING_INPUTS = [
  'lru-operations',
  'maintenance-windows',
  'session-intervals',
  'rate-limit-requests',
  'task-graph',
  'endpoint-log',
  'versioned-operations',
] as const;
export type ScalingInputId = (typeof SCALING_INPUTS)[number];

const scalingSizesSchema = z
  .array(z.number().int().min(1).max(1_000_000))
  .min(3)
  .max(6)
  .refine((sizes) => sizes.every((n, i) => i === 0 || n > sizes[i - 1]!), 'must be strictly increasing')
  .refine((sizes) => sizes.at(-1)! >= 4 * sizes[0]!, 'must span at least a factor of 4');

/**
 * The hidden performance run of a submission: the entry point is called on generated inputs of growing size `n`
 * and the growth of its time is classified against `required`. `per: operation` divides each call's time by n
 * (n operations per call, e.g. put/get); `per: call` is one call on n items. Sizes are per language: a correct
 * solution's largest run takes tens of milliseconds, a quadratic one grows visibly within the budget.
 */
const scalingSchema = z
  .object({
    input: z.enum(SCALING_INPUTS),
    operation: textSchema,
    per: z.enum(['operation', 'call']),
    required: z.enum(COMPLEXITY_CLASSES),
    sizes: z.object({ python: scalingSizesSchema, javascript: scalingSizesSchema }).strict(),
  })
  .strict();
export type ScalingSpec = z.infer<typeof scalingSchema>;

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
  /** Internal: the scaling run (optional only so question versions stored before it still load). */
  scaling: scalingSchema.optional(),
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
