import type { ComponentCategory } from './component-lexicon.js';
import { boardView, edgeRef, nameOf, nodeRef, type BoardView, type ScreenedGraph, type Step } from './board-view.js';
import { findProblems } from './diagram-checks.js';
import type { DiagramEvaluation, DiagramEvidence, DiagramExpectations, FlowStep } from './diagram-expectations.js';
import type { DiagramNode } from './scene-graph.js';

/** Evidence items kept per key point: enough to show, few enough to read. */
const MAX_EVIDENCE = 3;
/** Steps tried per flow: a dense board (thousands of arrows) is searched this far, not exhaustively. */
const SEARCH_BUDGET = 20_000;

/**
 * What a board shows against a question's expectations. Pure. Flagged elements (text that addressed the grader)
 * are left out before anything is read.
 * - `coveredBy`: per key point, the flows drawn along its declared category paths (each path once, the nodes and
 *   edges it runs through) and the components of its declared categories;
 * - `findings`: the structural problems of the question's checks, each with the elements that show it.
 */
export function evaluateDiagram(graph: ScreenedGraph, expectations: DiagramExpectations): DiagramEvaluation {
  const view = boardView(graph);
  const coveredBy: Record<string, DiagramEvidence[]> = {};
  const add = (evidence: DiagramEvidence) => {
    const list = (coveredBy[evidence.keyPoint] ??= []);
    if (list.length < MAX_EVIDENCE && !list.some((e) => e.text === evidence.text)) list.push(evidence);
  };
  for (const flow of expectations.flows ?? []) {
    for (const path of pathsAlong(view, flow.path)) {
      add({
        keyPoint: flow.keyPoint,
        via: 'flow',
        elements: path.flatMap((s, i) => [...(i === 0 ? [nodeRef(s.from)] : []), edgeRef(s.edge), nodeRef(s.to)]),
        text: [nameOf(path[0]!.from), ...path.map((s) => nameOf(s.to))].join(' → '),
      });
    }
  }
  // Structure first: a key point a flow evidences does not need the bare boxes listed after it.
  for (const component of expectations.components ?? []) {
    for (const node of view.nodes.filter((n) => n.category === component.category).slice(0, MAX_EVIDENCE)) {
      add({ keyPoint: component.keyPoint, via: 'component', elements: [nodeRef(node)], text: `${nameOf(node)} (${node.category})` });
    }
  }
  return { coveredBy, findings: findProblems(view, expectations.checks ?? []) };
}

const matches = (node: DiagramNode, step: FlowStep): boolean =>
  typeof step === 'string' ? node.category === step : (step as readonly ComponentCategory[]).includes(node.category);

/**
 * Every simple directed path whose nodes have the flow's categories in order (at most MAX_EVIDENCE of them, in the
 * scene's order). A flow of one step is a component, not a path: it has none.
 */
function pathsAlong(view: BoardView, flow: readonly FlowStep[]): Step[][] {
  const out: Step[][] = [];
  if (flow.length < 2) return out;
  let budget = SEARCH_BUDGET;
  const extend = (path: Step[], start: DiagramNode, at: DiagramNode) => {
    if (out.length >= MAX_EVIDENCE) return;
    if (path.length === flow.length - 1) {
      out.push(path);
      return;
    }
    const want = flow[path.length + 1]!;
    for (const step of view.out.get(at.id) ?? []) {
      if (--budget < 0 || out.length >= MAX_EVIDENCE) return;
      if (!matches(step.to, want)) continue;
      if (step.to.id === start.id || path.some((s) => s.to.id === step.to.id)) continue;
      extend([...path, step], start, step.to);
    }
  };
  for (const start of view.nodes) if (matches(start, flow[0]!)) extend([], start, start);
  return out;
}
