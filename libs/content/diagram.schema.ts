import { z } from 'zod';
import { COMPONENT_CATEGORIES, DIAGRAM_CHECKS } from '#libs/diagram';
import { idSchema, textSchema } from './common.schema.js';

/** A category a board's box can be read as; `unknown` is what nothing matched, never an expectation. */
const categorySchema = z.enum(COMPONENT_CATEGORIES).refine((c) => c !== 'unknown', { message: 'a diagram expectation names a known category' });
/** One step of a flow: a category, or a list of categories any one of which will do. */
const flowStepSchema = z.union([categorySchema, z.array(categorySchema).min(2)]);

/**
 * What a system-design question expects a good board to show (read by both graders and the interviewer; internal,
 * never shown to the candidate). Every piece names the rubric id it bears on; `content.cross-check.ts` checks them.
 * - `components`: categories that should appear (e.g. `queue`), each evidencing a key point: a box shows presence
 *   only, so the grader never credits more than partial on a box alone;
 * - `flows`: directed category paths (`[service, queue, worker]`: producer → queue → consumer), each evidencing a
 *   key point;
 * - `checks`: structural problems to look for, from the fixed set of `DIAGRAM_CHECKS` (libs/diagram), each with the
 *   message the feedback gives and the key point and/or mistake it bears on.
 */
export const diagramExpectationsSchema = z
  .object({
    components: z.array(z.object({ category: categorySchema, keyPoint: idSchema }).strict()).optional(),
    flows: z.array(z.object({ path: z.array(flowStepSchema).min(2), keyPoint: idSchema }).strict()).optional(),
    checks: z
      .array(
        z
          .object({ id: z.enum(DIAGRAM_CHECKS), message: textSchema, keyPoint: idSchema.optional(), mistake: idSchema.optional() })
          .strict()
          .refine((c) => c.keyPoint !== undefined || c.mistake !== undefined, { message: 'a check names the key point or the mistake it bears on' }),
      )
      .optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    (d.checks ?? []).forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check "${c.id}"` });
      seen.add(c.id);
    });
  });
