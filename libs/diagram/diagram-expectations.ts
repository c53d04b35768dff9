import type { ComponentCategory } from './component-lexicon.js';

/**
 * The structural problems a board can be checked for. A fixed set: each is implemented in `diagram-checks.ts`, and
 * a question picks the ones that matter to it (`DiagramExpectations.checks`).
 * - `client-to-database`: a client node with an edge straight to a database (no service in between);
 * - `single-stateful-write-path`: a database or queue that something writes to, with no second node of its kind and
 *   nothing on the board saying it is replicated (a "cluster", "replicas", "ring" label or note);
 * - `queue-without-consumer-group`: a queue read by exactly one consumer that is drawn (and named) as one.
 */
export const DIAGRAM_CHECKS = ['client-to-database', 'single-stateful-write-path', 'queue-without-consumer-group'] as const;
export type DiagramCheckKind = (typeof DIAGRAM_CHECKS)[number];

/** One step of a flow: a category, or any one of several ("service or gateway"). */
export type FlowStep = ComponentCategory | readonly ComponentCategory[];

/**
 * What a question expects a good board to show, each piece tied to the rubric id it evidences. The content schema
 * (libs/content) declares the same shape for `diagram:` in a question's YAML and checks the ids.
 */
export interface DiagramExpectations {
  /** Categories that should appear ("a queue"): weak evidence, a box says nothing about how it is used. */
  readonly components?: readonly { readonly category: ComponentCategory; readonly keyPoint: string }[];
  /** Directed paths of categories ([service, queue, worker]: producer → queue → consumer): structural evidence. */
  readonly flows?: readonly { readonly path: readonly FlowStep[]; readonly keyPoint: string }[];
  /** Problems to look for; `message` is what the feedback says, with the key point or mistake it bears on. */
  readonly checks?: readonly DiagramCheck[];
}

export interface DiagramCheck {
  readonly id: DiagramCheckKind;
  readonly message: string;
  readonly keyPoint?: string;
  readonly mistake?: string;
}

/** A node or an edge of the graph, as evidence names it. */
export interface DiagramElementRef {
  readonly id: string;
  readonly kind: 'node' | 'edge';
  /** The label as drawn (null when the element has none). */
  readonly label: string | null;
  /** Nodes: the category the label was read as. */
  readonly category?: ComponentCategory;
}

/** Why the board evidences a key point: the elements, and a line to show ("Notification service → Kafka → Push worker"). */
export interface DiagramEvidence {
  readonly keyPoint: string;
  /** `flow`: a path of arrows (structure); `component`: a box of the right kind (presence only). */
  readonly via: 'flow' | 'component';
  readonly elements: readonly DiagramElementRef[];
  readonly text: string;
}

/** A structural problem found on the board, anchored on the edge that shows it (`from` → `to`). */
export interface DiagramFinding {
  readonly check: DiagramCheckKind;
  readonly message: string;
  readonly keyPoint?: string;
  readonly mistake?: string;
  readonly from: DiagramElementRef;
  readonly to: DiagramElementRef;
  /** Every element involved: the two nodes and the edge between them. */
  readonly elements: readonly DiagramElementRef[];
  /** The elements as a line ("Mobile client → Postgres"). */
  readonly text: string;
}

export interface DiagramEvaluation {
  /** Per key point id: what on the board evidences it (absent when nothing does). */
  readonly coveredBy: Readonly<Record<string, readonly DiagramEvidence[]>>;
  readonly findings: readonly DiagramFinding[];
}
