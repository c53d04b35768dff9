/**
 * Diagrams: what a system-design board (an Excalidraw scene) shows, read as a component graph — labelled
 * components classified by kind (queue, database, cache…), the arrows between them, notes and boundaries — and
 * drawn again as a standalone SVG for exports and replay.
 * Pure: it loads and stores nothing (libs/interview stores the scenes and their graphs).
 */
export { toComponentGraph, type ComponentGraph, type DiagramBoundary, type DiagramEdge, type DiagramNode, type DiagramNote, type LooseArrow } from './scene-graph.js';
export { classifyLabel, labelWords, COMPONENT_CATEGORIES, type Classification, type ComponentCategory } from './component-lexicon.js';
export { flowChains } from './graph-flows.js';
export { sceneToSvg } from './scene-svg.js';
export type { SceneElementLike, SceneLike } from './scene.types.js';
