import { z } from 'zod';
import { diagramSceneSchema } from '#libs/protocol';

/**
 * One labelled answer of an eval set (JSON Lines, one object per line). Labels are a
 * strict senior interviewer's reading of the answer: `band` 1 (no hire) to 4 (strong
 * hire), the key points covered and the common mistakes present, by rubric id.
 */
const evalItemSchema = z
  .object({
    id: z.string().min(1),
    questionId: z.string().min(1),
    answer: z.string(),
    band: z.number().int().min(1).max(4),
    keyPoints: z.array(z.string().min(1)),
    mistakes: z.array(z.string().min(1)),
    tags: z.array(z.string().min(1)),
    /** The clean item this one extends with injected text; it must not outscore it. */
    baseId: z.string().min(1).optional(),
    /**
     * The board drawn with the answer (an Excalidraw scene, as the board saves it): graded as the session's board,
     * and reported apart (diagram-aware key-point F1, and the same items graded without it).
     */
    diagram: diagramSceneSchema.optional(),
  })
  .strict();
export type EvalItem = z.infer<typeof evalItemSchema>;

export class EvalDatasetError extends Error {
  readonly code = 'EVAL_DATASET_INVALID' as const;
  constructor(readonly problems: readonly string[]) {
    super(`eval dataset is invalid:\n${problems.join('\n')}`);
    this.name = 'EvalDatasetError';
  }
}

/**
 * Parses a JSON Lines dataset. Every problem is reported with its line number (a typo in
 * a label would otherwise silently count as "not covered"); blank lines are skipped.
 */
export function parseEvalDataset(text: string, source = 'dataset'): EvalItem[] {
  const items: EvalItem[] = [];
  const problems: string[] = [];
  const lineOf = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${source}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      problems.push(`${at}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const parsed = evalItemSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${at}: ${issue.path.join('.') || '(line)'} ${issue.message}`);
      return;
    }
    if (lineOf.has(parsed.data.id)) problems.push(`${at}: duplicate id "${parsed.data.id}" (also line ${lineOf.get(parsed.data.id)})`);
    lineOf.set(parsed.data.id, i + 1);
    items.push(parsed.data);
  });
  for (const item of items) {
    if (item.baseId !== undefined && !lineOf.has(item.baseId)) {
      problems.push(`${source}:${lineOf.get(item.id)}: baseId "${item.baseId}" is not an item of the dataset`);
    }
  }
  if (problems.length > 0) throw new EvalDatasetError(problems);
  return items;
}
