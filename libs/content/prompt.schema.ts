import { z } from 'zod';
import { checkUniqueIds, idSchema, textSchema } from './common.schema.js';

/** `{{name}}` or `{{dotted.name}}`; whitespace inside the braces is allowed. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)*)\s*\}\}/g;

const placeholderSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)*$/),
    description: textSchema,
    /**
     * Untrusted values (candidate text) must sit inside a data tag; the renderer
     * neutralises any copy of those tags inside the value so it cannot close the block.
     */
    untrusted: z.boolean(),
  })
  .strict();

const promptMessageSchema = z.object({ role: z.enum(['system', 'user']), template: textSchema }).strict();
export type PromptMessage = z.infer<typeof promptMessageSchema>;

export const promptTemplateSchema = z
  .object({
    id: idSchema,
    description: textSchema,
    /** Tag names (e.g. `candidate_answer`) that delimit untrusted data in the templates. */
    dataTags: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)),
    placeholders: z.array(placeholderSchema),
    messages: z.array(promptMessageSchema).min(1),
  })
  .strict()
  .superRefine((prompt, ctx) => {
    checkUniqueIds(
      ctx,
      prompt.placeholders.map((p) => ({ id: p.name })),
      ['placeholders'],
    );
    const declared = new Map(prompt.placeholders.map((p) => [p.name, p]));
    const used = new Set<string>();
    prompt.messages.forEach((message, i) => {
      for (const match of message.template.matchAll(PLACEHOLDER_PATTERN)) {
        const name = match[1] ?? '';
        used.add(name);
        const placeholder = declared.get(name);
        if (!placeholder) {
          ctx.addIssue({ code: 'custom', path: ['messages', i, 'template'], message: `undeclared placeholder "{{${name}}}"` });
        } else if (placeholder.untrusted && !insideDataTag(message.template, match.index, prompt.dataTags)) {
          ctx.addIssue({
            code: 'custom',
            path: ['messages', i, 'template'],
            message: `untrusted placeholder "{{${name}}}" must sit inside a data tag (${prompt.dataTags.join(', ') || 'none declared'})`,
          });
        }
      }
    });
    prompt.placeholders.forEach((p, i) => {
      if (!used.has(p.name)) {
        ctx.addIssue({ code: 'custom', path: ['placeholders', i, 'name'], message: `placeholder "${p.name}" is never used` });
      }
    });
  });
export type PromptTemplate = z.infer<typeof promptTemplateSchema>;

/** True when `index` lies between an opening `<tag>` and its closing `</tag>`. */
function insideDataTag(template: string, index: number, tags: readonly string[]): boolean {
  const before = template.slice(0, index);
  const after = template.slice(index);
  return tags.some((tag) => {
    const open = before.lastIndexOf(`<${tag}>`);
    const closeBefore = before.lastIndexOf(`</${tag}>`);
    return open !== -1 && open > closeBefore && after.includes(`</${tag}>`);
  });
}
