import type { Arbitrary } from 'fast-check';

/** Types of scene-fuzz.mjs (shared by the fuzz spec and bench/diagram-fuzz.mjs). */
export interface SceneLimits {
  maxBytes: number;
  maxElements: number;
}
export interface FuzzServer {
  parsePayload(schema: unknown, input: unknown): { scene: unknown };
  payloadSchema: unknown;
  admitScene(scene: never, limits: SceneLimits): { graph: FuzzGraph };
  evaluateDiagram(graph: never, expectations: never): unknown;
  sceneToSvg(scene: never): string;
  DomainError: abstract new (...args: never[]) => { code: string; details?: Record<string, unknown> };
}
export interface FuzzGraph {
  nodes: { id: string; label: string | null }[];
  edges: { id: string; from: string; to: string }[];
}
export type FuzzOutcome =
  | { accepted: true; graph: FuzzGraph; svg: string }
  | { accepted: false; refused: 'INVALID_PAYLOAD' | 'DIAGRAM_TOO_LARGE'; details?: Record<string, unknown> };

export function fixtureScenes(dir: string): unknown[];
export function hostileScene(bases: readonly unknown[]): Arbitrary<unknown>;
export function submitScene(scene: unknown, server: FuzzServer, limits: SceneLimits): FuzzOutcome;
export function brokenRule(outcome: FuzzOutcome, limits: SceneLimits): string | null;
