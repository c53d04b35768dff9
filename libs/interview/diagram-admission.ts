import { DomainError } from '#libs/errors';
import type { DiagramScene } from '#libs/protocol';
import { storedGraph, type StoredDiagramGraph } from './diagram-graph.js';

/** The configured limits of one board snapshot (`DIAGRAM_MAX_BYTES`, `DIAGRAM_MAX_ELEMENTS`). */
export interface SceneLimits {
  readonly maxBytes: number;
  readonly maxElements: number;
}

export interface AdmittedScene {
  /** The scene's size as stored (its JSON, UTF-8). */
  readonly bytes: number;
  readonly elementCount: number;
  /** The component graph stored with the snapshot, labels screened. */
  readonly graph: StoredDiagramGraph;
}

/**
 * What the server does with a scene that passed the `diagram:update` schema before it touches the session: the
 * size and element-count limits (`DIAGRAM_TOO_LARGE`, with the limit and the measure in `details`), then the
 * component graph. Pure, and total over what the schema accepts: it refuses with those codes or answers, never
 * throws anything else (the fuzz tests, `libs/interview/diagram-fuzz.spec.ts` and `bench/diagram-fuzz.mjs`, hold it to that).
 */
export function admitScene(scene: DiagramScene, limits: SceneLimits): AdmittedScene {
  const bytes = Buffer.byteLength(JSON.stringify(scene));
  if (bytes > limits.maxBytes) {
    throw new DomainError('DIAGRAM_TOO_LARGE', `the scene is ${bytes} bytes; the limit is ${limits.maxBytes}`, { limit: limits.maxBytes, bytes });
  }
  const elementCount = scene.elements.length;
  if (elementCount > limits.maxElements) {
    throw new DomainError('DIAGRAM_TOO_LARGE', `the scene has ${elementCount} elements; the limit is ${limits.maxElements}`, {
      limit: limits.maxElements,
      elements: elementCount,
    });
  }
  return { bytes, elementCount, graph: storedGraph(scene) };
}
