import type { ComponentGraph, DiagramEdge, DiagramNode } from './scene-graph.js';
import type { DiagramElementRef } from './diagram-expectations.js';

/** A graph as stored with a snapshot: the injection screen's `flagged` elements are named beside it. */
export type ScreenedGraph = ComponentGraph & { readonly flagged?: readonly { readonly elementId: string }[] };

/** One direction an edge can be followed in (a two-headed arrow both ways). */
export interface Step {
  readonly edge: DiagramEdge;
  readonly from: DiagramNode;
  readonly to: DiagramNode;
}

/**
 * The part of a board a reader may rely on: nodes and edges whose text did not address the grader (flagged elements
 * are left out, as injected passages of an answer are, and so are the edges that touch a left-out node), the
 * edges as steps in each direction they can be followed, and the free text (notes, boundary titles).
 */
export interface BoardView {
  readonly nodes: readonly DiagramNode[];
  readonly byId: ReadonlyMap<string, DiagramNode>;
  readonly steps: readonly Step[];
  /** The steps out of each node, by node id. */
  readonly out: ReadonlyMap<string, readonly Step[]>;
  readonly notes: readonly string[];
}

export function boardView(graph: ScreenedGraph): BoardView {
  const flagged = new Set((graph.flagged ?? []).map((f) => f.elementId));
  const nodes = graph.nodes.filter((n) => !flagged.has(n.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const steps: Step[] = [];
  for (const edge of graph.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (flagged.has(edge.id) || !from || !to) continue;
    steps.push({ edge, from, to });
    if (edge.bidirectional) steps.push({ edge, from: to, to: from });
  }
  const out = new Map<string, Step[]>();
  for (const step of steps) {
    const list = out.get(step.from.id);
    if (list) list.push(step);
    else out.set(step.from.id, [step]);
  }
  const notes = [
    ...graph.notes.filter((n) => !flagged.has(n.id)).map((n) => n.text),
    ...graph.boundaries.filter((b) => !flagged.has(b.id) && b.label).map((b) => b.label as string),
  ];
  return { nodes, byId, steps, out, notes };
}

export const nodeRef = (n: DiagramNode): DiagramElementRef => ({ id: n.id, kind: 'node', label: n.label, category: n.category });
export const edgeRef = (e: DiagramEdge): DiagramElementRef => ({ id: e.id, kind: 'edge', label: e.label });

/** How a node is named in a sentence: its label, or its kind when it has none. */
export const nameOf = (n: DiagramNode): string => n.label ?? (n.category === 'unknown' ? 'an unlabelled box' : `the ${n.category}`);
