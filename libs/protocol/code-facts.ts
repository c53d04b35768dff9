import { z } from 'zod';

/**
 * What the server measured about a submission beyond its tests: a static analysis of the code and how its
 * running time grew with the input size. Both are computed in the sandbox and stored with the run's result; the
 * graders and the report read them as trusted server facts.
 */

/** Growth classes, slowest-growing first; `worse` is anything steeper than quadratic. */
export const COMPLEXITY_CLASSES = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n²)', 'worse'] as const;
export type ComplexityClass = (typeof COMPLEXITY_CLASSES)[number];

const codeFunctionFactsSchema = z.object({
  name: z.string(),
  /** First line of the definition, 1-based. */
  line: z.number().int(),
  /** Lines of code in the body (blank and comment-only lines not counted). */
  lines: z.number().int(),
  /** Deepest nesting of control flow inside the function (0: straight-line code). */
  maxDepth: z.number().int(),
});

export const codeQualityFactsSchema = z
  .object({
    functions: z.array(codeFunctionFactsSchema),
    longestFunction: z.object({ name: z.string(), lines: z.number().int() }).nullable(),
    maxNesting: z.number().int(),
    namingIssues: z.array(z.string()),
    deadCode: z.array(z.string()),
    /** Lines that repeat an earlier block of at least three lines. */
    duplicatedLines: z.number().int(),
    score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    /** Short sentences a candidate can act on, naming the function or line; empty for clean code. */
    findings: z.array(z.string()),
  })
  .meta({ id: 'CodeQualityFacts' });
export type CodeQualityFacts = z.infer<typeof codeQualityFactsSchema>;

export const codeComplexityFactsSchema = z
  .object({
    /** The class the question asks for, e.g. `O(1)`. */
    required: z.enum(COMPLEXITY_CLASSES),
    /** The class the timings fit best; null when too little was measured to say. */
    measured: z.enum(COMPLEXITY_CLASSES).nullable(),
    /** What the class is about, e.g. `put/get`. */
    operation: z.string(),
    /** `operation`: time divided by the number of operations; `call`: one call on n items. */
    per: z.enum(['operation', 'call']),
    /** The fastest of a few runs at each size, in milliseconds for the whole call. */
    points: z.array(z.object({ n: z.number(), ms: z.number() })),
    confident: z.boolean(),
    /** The measurement grew clearly faster than the required class allows. */
    contradicts: z.boolean(),
    /** One sentence with the evidence, e.g. "put/get grew linearly …: 8× the operations took 61× as long". */
    note: z.string(),
    /** e.g. "measured O(n) per put/get (required O(1))". */
    summary: z.string(),
  })
  .meta({ id: 'CodeComplexityFacts' });
export type CodeComplexityFacts = z.infer<typeof codeComplexityFactsSchema>;

export const codeFactsSchema = z.object({
  quality: codeQualityFactsSchema.nullable(),
  complexity: codeComplexityFactsSchema.nullable(),
  /** Why a fact is missing, one sentence each; empty when both were computed. */
  missing: z.array(z.string()),
});
export type CodeFacts = z.infer<typeof codeFactsSchema>;
