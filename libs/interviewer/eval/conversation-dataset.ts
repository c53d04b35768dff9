import { z } from 'zod';
import { diagramSceneSchema, TURN_KINDS } from '#libs/protocol';

/**
 * One scripted conversation of the interviewer eval (JSON Lines, one per line): what the candidate says,
 * turn by turn, and what the interviewer is expected to do with each turn. Every reply is also checked for
 * what must never happen: a line said twice, rubric text, praise for an answer below the passing band.
 */
const expectSchema = z
  .object({
    /** How the turn must be read. */
    kind: z.enum(TURN_KINDS).optional(),
    /** The scenario facts the reply must give: exactly these ids ([] = none). */
    facts: z.array(z.string().min(1)).optional(),
    /** The reply must (true) or must not (false) invite the candidate to state an assumption. */
    assumption: z.boolean().optional(),
    /** The reply must not praise (checked for every answer below the passing band anyway). */
    praise: z.literal(false).optional(),
    /** The follow-up must probe one of these key points (ids) or, with "checklist", the phase checklist. */
    probeOneOf: z.array(z.string().min(1)).min(1).optional(),
    /** Words the reply must contain (e.g. the candidate's own component: "MySQL"). */
    mentions: z.array(z.string().min(1)).min(1).optional(),
    /** Words the reply must not contain (e.g. "offset" after a design with no queue). */
    avoids: z.array(z.string().min(1)).min(1).optional(),
    /** The interviewer must say nothing. */
    silent: z.boolean().optional(),
  })
  .strict();

const conversationSchema = z
  .object({
    id: z.string().min(1),
    questionId: z.string().min(1),
    mode: z.enum(['practice', 'realistic']).default('practice'),
    turns: z
      .array(
        z
          .object({
            /** The phase the turn is said in; the previous turn's when omitted (the first phase at the start). */
            phase: z.string().min(1).optional(),
            say: z.string().min(1),
            intent: z.enum(['answer', 'question']).optional(),
            /** The board (an Excalidraw scene) as drawn from this turn on, until a later turn redraws it. */
            board: diagramSceneSchema.optional(),
            expect: expectSchema.default({}),
          })
          .strict(),
      )
      .min(1),
    tags: z.array(z.string()).default([]),
  })
  .strict();
export type Conversation = z.infer<typeof conversationSchema>;

export class ConversationDatasetError extends Error {
  readonly code = 'EVAL_DATASET_INVALID' as const;
  constructor(readonly problems: readonly string[]) {
    super(`interviewer eval dataset is invalid:\n${problems.join('\n')}`);
    this.name = 'ConversationDatasetError';
  }
}

export function parseConversations(text: string, source = 'dataset'): Conversation[] {
  const out: Conversation[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      problems.push(`${source}:${i + 1}: not JSON (${(err as Error).message})`);
      return;
    }
    const parsed = conversationSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `${source}:${i + 1}: ${issue.path.join('.') || '(root)'}: ${issue.message}`));
      return;
    }
    if (ids.has(parsed.data.id)) problems.push(`${source}:${i + 1}: duplicate id "${parsed.data.id}"`);
    ids.add(parsed.data.id);
    out.push(parsed.data);
  });
  if (problems.length > 0) throw new ConversationDatasetError(problems);
  return out;
}
