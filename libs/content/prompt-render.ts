import { PLACEHOLDER_PATTERN, type PromptMessage, type PromptTemplate } from './prompt.schema.js';

export interface RenderedMessage {
  readonly role: PromptMessage['role'];
  readonly content: string;
}

/** Values for every placeholder a prompt declares, by name (e.g. `"question.title"`). */
export type PromptValues = Readonly<Record<string, string>>;

export class PromptRenderError extends Error {
  readonly code = 'PROMPT_RENDER_FAILED' as const;
  constructor(message: string) {
    super(message);
    this.name = 'PromptRenderError';
  }
}

/**
 * Fills a prompt's placeholders. Every declared placeholder must have a value and no
 * undeclared value is accepted (a typo would otherwise silently drop rubric text).
 * Untrusted values have any copy of the prompt's data tags neutralised so candidate text
 * cannot close its data block and pose as instructions.
 */
export function renderPrompt(prompt: PromptTemplate, values: PromptValues): RenderedMessage[] {
  const declared = new Map(prompt.placeholders.map((p) => [p.name, p]));
  const missing = [...declared.keys()].filter((name) => !Object.hasOwn(values, name));
  const unknown = Object.keys(values).filter((name) => !declared.has(name));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', unknown.length > 0 ? `unknown ${unknown.join(', ')}` : ''].filter(
      Boolean,
    );
    throw new PromptRenderError(`prompt "${prompt.id}": ${parts.join('; ')}`);
  }
  return prompt.messages.map((message) => ({
    role: message.role,
    content: message.template.replace(PLACEHOLDER_PATTERN, (_match, name: string) => {
      const value = values[name] ?? '';
      return declared.get(name)?.untrusted ? neutraliseDataTags(value, prompt.dataTags) : value;
    }),
  }));
}

/** `<candidate_answer>` / `</ candidate_answer >` → `[candidate_answer]` / `[/candidate_answer]`. */
export function neutraliseDataTags(value: string, tags: readonly string[]): string {
  if (tags.length === 0) return value;
  const names = tags.map((t) => t.replace(/[^a-z0-9_]/g, '')).join('|');
  const pattern = new RegExp(`<\\s*(/?)\\s*(${names})\\b[^>]*>`, 'gi');
  return value.replace(pattern, (_m, slash: string, tag: string) => `[${slash}${tag.toLowerCase()}]`);
}
