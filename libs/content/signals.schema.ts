import { z } from 'zod';
import { checkUniqueIds, idSchema } from './common.schema.js';

/**
 * Signals are what the offline (deterministic) grader looks for. They are written so
 * that naming one buzzword is never enough: a key point is covered only when several
 * distinct concepts appear, optionally with an explanation of why.
 *
 * Matching contract for a grader (the content only promises the shape):
 * - a term is a word or phrase, already lower-case; the grader normalises the answer
 *   (lower-case, punctuation to spaces, stemming) and the term the same way, then looks
 *   for the term's token sequence;
 * - a concept is matched when any of its terms (synonyms) is found;
 * - coverage holds when at least `minConcepts` distinct concepts match, every concept in
 *   `required` is among them, and, when `requireReasoning` is set, a reasoning cue
 *   ("because", "so that", "trade-off", "otherwise", …: the grader owns that lexicon)
 *   appears in a sentence that also matched one of the concepts.
 */
export const termSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .refine((t) => t === t.toLowerCase(), { message: 'terms must be lower-case' });

const signalConceptSchema = z
  .object({
    id: idSchema,
    terms: z.array(termSchema).min(1),
  })
  .strict();

export const coverageSignalsSchema = z
  .object({
    concepts: z.array(signalConceptSchema).min(1),
    minConcepts: z.number().int().min(1),
    /** Concept ids that must be among the matched ones (the heart of the point). */
    required: z.array(idSchema).optional(),
    requireReasoning: z.boolean(),
  })
  .strict()
  .superRefine((signals, ctx) => {
    checkUniqueIds(ctx, signals.concepts, ['concepts']);
    if (signals.minConcepts > signals.concepts.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['minConcepts'],
        message: `minConcepts (${signals.minConcepts}) exceeds the ${signals.concepts.length} concepts defined`,
      });
    }
    const known = new Set(signals.concepts.map((c) => c.id));
    (signals.required ?? []).forEach((id, index) => {
      if (!known.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['required', index],
          message: `unknown concept "${id}"`,
        });
      }
    });
  });
export type CoverageSignals = z.infer<typeof coverageSignalsSchema>;

/** Key points must need more than one concept, or a single buzzword would cover them. */
export const keyPointSignalsSchema = coverageSignalsSchema.superRefine((signals, ctx) => {
  if (signals.concepts.length < 2 || signals.minConcepts < 2) {
    ctx.addIssue({
      code: 'custom',
      path: ['minConcepts'],
      message: 'a key point needs at least 2 concepts and minConcepts >= 2',
    });
  }
});

/**
 * A wrong claim is a sentence in which every `allOf` group (each a list of synonyms)
 * matches, unless one of `unless` (negations, qualifiers) also appears in that sentence.
 */
const wrongClaimPatternSchema = z
  .object({
    allOf: z.array(z.array(termSchema).min(1)).min(2),
    unless: z.array(termSchema).optional(),
  })
  .strict();

export const mistakeEvidenceSchema = z.discriminatedUnion('type', [
  /** Shown when these signals are NOT covered by the end of the relevant phase. */
  z
    .object({
      type: z.literal('absent-topic'),
      signals: coverageSignalsSchema,
      /**
       * For a mistake about a practice ("pure fan-out on write", "retrying charges without idempotency keys"):
       * terms that show the answer takes the practice up. The mistake is then shown only where the answer says one
       * of them and still lacks the signals; an answer that never goes near the practice did not make it.
       */
      appliesWhen: z.array(termSchema).min(1).optional(),
    })
    .strict(),
  /** Shown when any pattern matches a sentence of the answer. */
  z.object({ type: z.literal('wrong-claim'), patterns: z.array(wrongClaimPatternSchema).min(1) }).strict(),
]);
