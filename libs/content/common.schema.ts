import { z } from 'zod';

/**
 * Ids are part of the public contract (grades, follow-ups and reports point at them),
 * so they are kebab-case ASCII: stable in URLs, log lines and SQL without quoting.
 */
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = z.string().regex(KEBAB_ID, { message: 'must be a kebab-case id (e.g. "push-vs-pull")' });

export const textSchema = z.string().trim().min(1, { message: 'must not be empty' });

export const QUESTION_KINDS = ['system-design', 'coding', 'behavioral'] as const;
export const questionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof questionKindSchema>;

/** A short "what interviewers look for" item; it has an id so a coach can cite it. */
export const lookForItemSchema = z.object({ id: idSchema, text: textSchema }).strict();

/** Adds one "duplicate id" issue per repeated id, at the path of the repeat. */
export function checkUniqueIds(ctx: z.RefinementCtx, items: readonly { id: string }[], path: (string | number)[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'id'],
        message: `duplicate id "${item.id}"`,
      });
    }
    seen.add(item.id);
  });
}
