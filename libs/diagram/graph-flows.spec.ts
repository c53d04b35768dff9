import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowChains } from './graph-flows.js';
import type { DiagramEdge } from './scene-graph.js';
import { toComponentGraph } from './scene-graph.js';
import type { SceneLike } from './scene.types.js';

const fixture = (name: string): SceneLike => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams', name), 'utf8')) as SceneLike;
const edge = (from: string, to: string): DiagramEdge => ({ id: `${from}-${to}`, from, to, label: null, bidirectional: false, via: 'bound' });
const path = (chain: DiagramEdge[]) => [chain[0]!.from, ...chain.map((e) => e.to)].join(' > ');

describe(flowChains.name, () => {
  it('reads a drawn pipeline as one long chain from its source and the branch left over', () => {
    const sut = flowChains(toComponentGraph(fixture('notification-pipeline.excalidraw')));
    expect(sut.map(path)).toEqual(['client > gateway > svc > kafka > worker > cache', 'svc > db']);
  });

  it('uses every edge exactly once, cycles included', () => {
    const edges = [edge('b', 'c'), edge('c', 'a'), edge('a', 'b'), edge('x', 'b'), edge('c', 'd')];
    const sut = flowChains({ edges });
    expect(sut.map(path)).toEqual(['x > b > c > a > b', 'c > d']);
    expect(sut.flat().sort((p, q) => p.id.localeCompare(q.id))).toEqual([...edges].sort((p, q) => p.id.localeCompare(q.id)));
  });

  it('has no chain without edges', () => {
    expect(flowChains({ edges: [] })).toEqual([]);
  });
});
