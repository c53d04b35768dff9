import { z } from 'zod';
import { DIAGRAM_CHECKS } from '#libs/diagram';
import { checkUniqueIds, idSchema, textSchema } from './common.schema.js';
import { termSchema } from './signals.schema.js';

/**
 * What a candidate can find out by asking. A real interviewer answers a clarifying question with the
 * facts of the scenario, and nothing more: a fact that is not here is the candidate's call to make.
 */
const SCENARIO_TOPICS = [
  'scale',
  'traffic',
  'data',
  'latency',
  'availability',
  'consistency',
  'durability',
  'compliance',
  'security',
  'budget',
  'stack',
  'clients',
  'scope',
  'input',
  'output',
  'edge-cases',
  'language',
  'context',
] as const;

const scenarioFactSchema = z
  .object({
    id: idSchema,
    topic: z.enum(SCENARIO_TOPICS),
    /** What the interviewer says when asked, in the voice of a product owner (one to three sentences). */
    answer: textSchema,
    /**
     * Words and phrases a question about this fact would use (lower-case; matched on stems, like signals).
     * A question matches the fact whose terms it uses most.
     */
    terms: z.array(termSchema).min(2),
    /** The answer restates numbers of the question's prompt: every number in it must appear in the prompt. */
    fromPrompt: z.boolean().optional(),
  })
  .strict();
export type ScenarioFact = z.infer<typeof scenarioFactSchema>;

export const scenarioSchema = z
  .object({ facts: z.array(scenarioFactSchema).min(3) })
  .strict()
  .superRefine((scenario, ctx) => checkUniqueIds(ctx, scenario.facts, ['facts']));

/**
 * A follow-up for a key point, chosen by what the candidate has said so far. `when.said`: at least one of
 * the terms appears in the candidate's turns; `when.notSaid`: none does. The text may name the candidate's
 * own components through slots: `{database}`, `{queue}`, `{cache}`, `{store}`, `{protocol}` (filled with the
 * product the candidate named, e.g. "MySQL"); a probe whose slot cannot be filled is not used.
 * `when.board`: the session's board shows one of these structural findings (checks the question declares under
 * `diagram.checks`); the text may then name the finding's elements: `{from}` and `{to}`, the labels of the two
 * boxes the finding is anchored on ("I see {from} writes straight to {to}…"). Those slots need `when.board`.
 */
const PROBE_SLOTS = ['database', 'queue', 'cache', 'store', 'protocol'] as const;
export type ProbeSlot = (typeof PROBE_SLOTS)[number];
const BOARD_SLOTS = ['from', 'to'] as const;

export const probeSchema = z
  .object({
    id: idSchema,
    when: z
      .object({
        said: z.array(termSchema).min(1).optional(),
        notSaid: z.array(termSchema).min(1).optional(),
        board: z.array(z.enum(DIAGRAM_CHECKS)).min(1).optional(),
      })
      .strict()
      .optional(),
    text: textSchema,
  })
  .strict()
  .superRefine((probe, ctx) => {
    const known: readonly string[] = [...PROBE_SLOTS, ...BOARD_SLOTS];
    for (const match of probe.text.matchAll(/\{([a-z]+)\}/g)) {
      const slot = match[1]!;
      if (!known.includes(slot)) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: `unknown slot "{${slot}}" (known: ${known.join(', ')})` });
      } else if ((BOARD_SLOTS as readonly string[]).includes(slot) && !probe.when?.board) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: `slot "{${slot}}" names a board element: the probe needs when.board` });
      }
    }
  });
export type Probe = z.infer<typeof probeSchema>;

/**
 * A role-level item every answer in a phase should touch, whatever the question: what the interviewer
 * probes when a weak answer covers no key point. `terms` tell whether the candidate has touched it.
 */
export const checklistItemSchema = z
  .object({
    id: idSchema,
    text: textSchema,
    terms: z.array(termSchema).min(2),
    probes: z.array(textSchema).min(1),
  })
  .strict();
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
