import { classifyLabel, type ComponentCategory } from './component-lexicon.js';
import { area, centreOf, contains, endpoints } from './geometry.js';
import type { SceneElementLike, SceneLike } from './scene.types.js';

/** Shapes that stand for a component. */
const SHAPES = new Set(['rectangle', 'ellipse', 'diamond']);
/** How far (px) outside a shape an unbound arrow's end may stop and still be read as touching it. */
const TOUCH_MARGIN = 12;

export interface DiagramNode {
  /** The element id of the shape (or of a free text an arrow is bound to). */
  id: string;
  shape: string;
  /** The label as drawn, whitespace folded; null for an unlabelled shape an arrow ends on. */
  label: string | null;
  category: ComponentCategory;
  /** The label's words that decided the category. */
  matched?: string;
  /** Boundaries (groups, frames) it sits in, innermost first. */
  boundaryIds: string[];
}

export interface DiagramEdge {
  /** The arrow's element id. */
  id: string;
  from: string;
  to: string;
  label: string | null;
  /** Both ends have arrowheads. */
  bidirectional: boolean;
  /** `bound`: both ends bound in the scene; `inferred`: an end stopped on a shape without binding to it. */
  via: 'bound' | 'inferred';
}

interface DiagramNote {
  id: string;
  text: string;
  boundaryIds: string[];
}

interface DiagramBoundary {
  id: string;
  kind: 'group' | 'frame';
  /** A frame's name, or a group's free text (its title); null when it has none. */
  label: string | null;
  nodeIds: string[];
}

/** An arrow that does not join two components (an end in the air): kept so a reader can say what is unfinished. */
interface LooseArrow {
  id: string;
  label: string | null;
  from: string | null;
  to: string | null;
}

export interface ComponentGraph {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  notes: DiagramNote[];
  boundaries: DiagramBoundary[];
  looseArrows: LooseArrow[];
}

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();
const textOf = (e: SceneElementLike): string => fold(e.originalText ?? e.text ?? '');

/**
 * The components and flows a board shows. Pure: the same scene gives the same graph, in the scene's order.
 * - a node is a rectangle, ellipse or diamond with a label (its bound text, or a free text drawn inside it),
 *   or one that an arrow is bound to; a free text an arrow is bound to is a node too;
 * - an edge is an arrow whose two ends are bound to nodes (or stop on one: `via: inferred`); its bound text
 *   is its label, its arrowheads its direction;
 * - any other text is a note; groups (with two or more nodes) and frames are boundaries;
 * - deleted elements do not exist, and a turned shape is read in its own frame.
 */
export function toComponentGraph(scene: SceneLike): ComponentGraph {
  const live = scene.elements.filter((e) => e.isDeleted !== true);
  const byId = new Map(live.map((e) => [e.id, e]));

  // Bound text: a text whose container is alive labels that container.
  const boundText = new Map<string, string>();
  const freeTexts: SceneElementLike[] = [];
  for (const e of live) {
    if (e.type !== 'text') continue;
    const container = e.containerId ? byId.get(e.containerId) : undefined;
    if (container) boundText.set(container.id, [boundText.get(container.id), textOf(e)].filter(Boolean).join(' '));
    else if (textOf(e)) freeTexts.push(e);
  }

  const arrows = live.filter((e) => e.type === 'arrow');
  const arrowTargets = new Set(arrows.flatMap((a) => [a.startBinding?.elementId, a.endBinding?.elementId]).filter((id): id is string => !!id));

  // A free text drawn inside an unlabelled shape (not bound to it) labels the smallest such shape.
  const shapes = live.filter((e) => SHAPES.has(e.type));
  const usedTexts = new Set<string>();
  for (const t of freeTexts) {
    if (arrowTargets.has(t.id)) continue;
    const holder = shapes.filter((s) => !boundText.has(s.id) && contains(s, centreOf(t))).sort((a, b) => area(a) - area(b))[0];
    if (!holder) continue;
    boundText.set(holder.id, textOf(t));
    usedTexts.add(t.id);
  }

  const nodes: DiagramNode[] = [];
  for (const e of live) {
    const isShapeNode = SHAPES.has(e.type) && (boundText.has(e.id) || arrowTargets.has(e.id));
    const isTextNode = e.type === 'text' && !e.containerId && arrowTargets.has(e.id) && textOf(e) !== '';
    if (!isShapeNode && !isTextNode) continue;
    const label = isTextNode ? textOf(e) : (boundText.get(e.id) ?? null);
    const classification = label ? classifyLabel(label) : { category: 'unknown' as const };
    nodes.push({ id: e.id, shape: e.type, label: label || null, ...classification, boundaryIds: [] });
  }
  const nodeIds = new Set(nodes.map((n) => n.id));
  const textNodeIds = new Set(nodes.filter((n) => n.shape === 'text').map((n) => n.id));

  const { edges, looseArrows } = readArrows(
    arrows,
    byId,
    boundText,
    nodeIds,
    nodes.filter((n) => n.shape !== 'text').map((n) => byId.get(n.id)!),
  );

  const notes = freeTexts.filter((t) => !usedTexts.has(t.id) && !textNodeIds.has(t.id));
  const boundaries = readBoundaries(live, nodes, notes);
  for (const n of nodes) n.boundaryIds = boundaryIdsOf(byId.get(n.id)!, boundaries);
  return {
    nodes,
    edges,
    notes: notes.map((t) => ({ id: t.id, text: textOf(t), boundaryIds: boundaryIdsOf(t, boundaries) })),
    boundaries,
    looseArrows,
  };
}

function readArrows(
  arrows: readonly SceneElementLike[],
  byId: ReadonlyMap<string, SceneElementLike>,
  boundText: ReadonlyMap<string, string>,
  nodeIds: ReadonlySet<string>,
  shapeNodes: readonly SceneElementLike[],
): { edges: DiagramEdge[]; looseArrows: LooseArrow[] } {
  const edges: DiagramEdge[] = [];
  const looseArrows: LooseArrow[] = [];
  for (const a of arrows) {
    const ends = endpoints(a);
    const touching = (point: { x: number; y: number } | undefined) =>
      point ? (shapeNodes.filter((s) => contains(s, point, TOUCH_MARGIN)).sort((x, y) => area(x) - area(y))[0]?.id ?? null) : null;
    const boundEnd = (binding: { elementId: string } | null | undefined): string | null => {
      if (!binding) return null;
      const target = byId.get(binding.elementId);
      // An arrow bound to a container's text belongs to the container.
      const id = target?.type === 'text' && target.containerId && byId.has(target.containerId) ? target.containerId : binding.elementId;
      return nodeIds.has(id) ? id : null;
    };
    const startBound = boundEnd(a.startBinding);
    const endBound = boundEnd(a.endBinding);
    const start = startBound ?? touching(ends?.start);
    const end = endBound ?? touching(ends?.end);
    const label = boundText.get(a.id) || null;
    if (!start || !end || start === end) {
      looseArrows.push({ id: a.id, label, from: start, to: end });
      continue;
    }
    const headAtStart = !!a.startArrowhead;
    const headAtEnd = a.endArrowhead === undefined ? true : !!a.endArrowhead;
    const reversed = headAtStart && !headAtEnd;
    edges.push({
      id: a.id,
      from: reversed ? end : start,
      to: reversed ? start : end,
      label,
      bidirectional: headAtStart && headAtEnd,
      via: startBound && endBound ? 'bound' : 'inferred',
    });
  }
  return { edges, looseArrows };
}

/**
 * Frames (every one) and groups holding two or more nodes. `groupIds` run innermost first, so a node's
 * boundaries are its groups in that order, then its frame. A group's title is a note inside it.
 */
function readBoundaries(live: readonly SceneElementLike[], nodes: readonly DiagramNode[], notes: readonly SceneElementLike[]): DiagramBoundary[] {
  const byId = new Map(live.map((e) => [e.id, e]));
  const boundaries: DiagramBoundary[] = [];
  const groupOrder: string[] = [];
  const groupMembers = new Map<string, string[]>();
  for (const n of nodes) {
    for (const g of byId.get(n.id)?.groupIds ?? []) {
      if (!groupMembers.has(g)) {
        groupMembers.set(g, []);
        groupOrder.push(g);
      }
      groupMembers.get(g)!.push(n.id);
    }
  }
  for (const g of groupOrder) {
    const members = groupMembers.get(g)!;
    if (members.length < 2) continue;
    const title = notes.find((t) => t.groupIds?.includes(g));
    boundaries.push({ id: g, kind: 'group', label: title ? textOf(title) : null, nodeIds: members });
  }
  for (const f of live) {
    if (f.type !== 'frame' && f.type !== 'magicframe') continue;
    const members = nodes.filter((n) => byId.get(n.id)?.frameId === f.id).map((n) => n.id);
    boundaries.push({ id: f.id, kind: 'frame', label: f.name ? fold(f.name) : null, nodeIds: members });
  }
  return boundaries;
}

function boundaryIdsOf(e: SceneElementLike, boundaries: readonly DiagramBoundary[]): string[] {
  const ids = new Set(boundaries.map((b) => b.id));
  return [...(e.groupIds ?? []), ...(e.frameId ? [e.frameId] : [])].filter((id) => ids.has(id));
}
