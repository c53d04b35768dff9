import { z } from 'zod';
import { COMPONENT_CATEGORIES } from '#libs/diagram';

/**
 * Evidence from the session's board for a key point: the elements (nodes and arrows of the component graph at the
 * answer) and a line naming them ("Notification service → Kafka → Push worker"). Not a quote: it is checked against
 * the graph (`verifyBoardEvidence`), never against the candidate's text.
 */
export const diagramEvidenceSchema = z
  .object({
    source: z.literal('diagram'),
    elements: z
      .array(
        z
          .object({
            id: z.string().min(1),
            kind: z.enum(['node', 'edge']),
            label: z.string().nullable(),
            category: z.enum(COMPONENT_CATEGORIES).optional(),
          })
          .strict(),
      )
      .min(1),
    text: z.string().min(1),
  })
  .strict();
export type DiagramEvidenceGrade = z.infer<typeof diagramEvidenceSchema>;
