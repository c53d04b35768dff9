/**
 * What the server measured about a submission beyond its tests: a static analysis of the code and how its
 * running time grew with the input size. Both are computed in the sandbox and stored with the run's result; the
 * graders and the report read them as trusted server facts.
 */

/** Growth classes, slowest-growing first; `worse` is anything steeper than quadratic. */
export const COMPLEXITY_CLASSES = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n²)', 'worse'] as const;
export type ComplexityClass = (typeof COMPLEXITY_CLASSES)[number];

export interface CodeFunctionFacts {
  name: string;
  /** First line of the definition, 1-based. */
  line: number;
  /** Lines of code in the body (blank and comment-only lines not counted). */
  lines: number;
  /** Deepest nesting of control flow inside the function (0: straight-line code). */
  maxDepth: number;
}

export interface CodeQualityFacts {
  functions: CodeFunctionFacts[];
  longestFunction: { name: string; lines: number } | null;
  maxNesting: number;
  namingIssues: string[];
  deadCode: string[];
  /** Lines that repeat an earlier block of at least three lines. */
  duplicatedLines: number;
  score: 1 | 2 | 3 | 4;
  /** Short sentences a candidate can act on, naming the function or line; empty for clean code. */
  findings: string[];
}

export interface CodeComplexityFacts {
  /** The class the question asks for, e.g. `O(1)`. */
  required: ComplexityClass;
  /** The class the timings fit best; null when too little was measured to say. */
  measured: ComplexityClass | null;
  /** What the class is about, e.g. `put/get`. */
  operation: string;
  /** `operation`: time divided by the number of operations; `call`: one call on n items. */
  per: 'operation' | 'call';
  /** The fastest of a few runs at each size, in milliseconds for the whole call. */
  points: { n: number; ms: number }[];
  confident: boolean;
  /** The measurement grew clearly faster than the required class allows. */
  contradicts: boolean;
  /** One sentence with the evidence, e.g. "put/get grew linearly …: 8× the operations took 61× as long". */
  note: string;
  /** e.g. "measured O(n) per put/get (required O(1))". */
  summary: string;
}

export interface CodeFacts {
  quality: CodeQualityFacts | null;
  complexity: CodeComplexityFacts | null;
  /** Why a fact is missing, one sentence each; empty when both were computed. */
  missing: string[];
}
