import type { ComponentGraph, DiagramEdge } from './scene-graph.js';

/**
 * The graph's edges as chains to read aloud ("Client → API gateway → Kafka → worker"): each edge in exactly one
 * chain, chains starting where nothing flows in first, each followed along the first unused edge out of its last
 * node. Pure; the scene's order decides among branches.
 */
export function flowChains(graph: Pick<ComponentGraph, 'edges'>): DiagramEdge[][] {
  const inbound = new Set(graph.edges.map((e) => e.to));
  const used = new Set<DiagramEdge>();
  const chains: DiagramEdge[][] = [];
  const starts = [...graph.edges.filter((e) => !inbound.has(e.from)), ...graph.edges.filter((e) => inbound.has(e.from))];
  for (const start of starts) {
    if (used.has(start)) continue;
    const chain = [start];
    used.add(start);
    for (let next = nextFrom(graph.edges, start.to, used); next; next = nextFrom(graph.edges, next.to, used)) {
      chain.push(next);
      used.add(next);
    }
    chains.push(chain);
  }
  return chains;
}

const nextFrom = (edges: readonly DiagramEdge[], node: string, used: Set<DiagramEdge>) => edges.find((e) => e.from === node && !used.has(e));
