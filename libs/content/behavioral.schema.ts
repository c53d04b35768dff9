import { z } from 'zod';
import { textSchema } from './common.schema.js';

/**
 * One STAR element: `prompt` guides the candidate (shown to them); `expected` is what a
 * strong answer contains (internal rubric, never shown).
 */
const starElementSchema = z.object({ prompt: textSchema, expected: z.array(textSchema).min(1) }).strict();

export const behavioralExtrasShape = {
  star: z
    .object({
      situation: starElementSchema,
      task: starElementSchema,
      action: starElementSchema,
      result: starElementSchema,
    })
    .strict(),
};
