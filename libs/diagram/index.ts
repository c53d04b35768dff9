/**
 * Diagrams: what a system-design board (an Excalidraw scene) shows, read as a component graph — labelled
 * components classified by kind (queue, database, cache…), the arrows between them, notes and boundaries; drawn
 * again as a standalone SVG for exports and replay; and read against a question's expectations (the flows and
 * components that evidence its key points, and the structural problems it shows: `evaluateDiagram`).
 * Pure: it loads and stores nothing (libs/interview stores the scenes and their graphs).
 */
export { toComponentGraph, type ComponentGraph } from './scene-graph.js';
export { COMPONENT_CATEGORIES } from './component-lexicon.js';
export { flowChains } from './graph-flows.js';
export { sceneToSvg } from './scene-svg.js';
export type { SceneLike } from './scene.types.js';
export { evaluateDiagram } from './diagram-evaluator.js';
export { boardView, type ScreenedGraph } from './board-view.js';
export {
  DIAGRAM_CHECKS,
  type DiagramCheckKind,
  type DiagramElementRef,
  type DiagramEvaluation,
  type DiagramEvidence,
  type DiagramExpectations,
  type DiagramFinding,
} from './diagram-expectations.js';
