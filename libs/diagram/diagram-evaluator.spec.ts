import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateDiagram } from './diagram-evaluator.js';
import type { DiagramExpectations } from './diagram-expectations.js';
import { toComponentGraph, type ComponentGraph } from './scene-graph.js';
import type { SceneLike } from './scene.types.js';

const graphOf = (name: string): ComponentGraph =>
  toComponentGraph(JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams', name), 'utf8')) as SceneLike);

const expectations: DiagramExpectations = {
  components: [
    { category: 'queue', keyPoint: 'async-fanout' },
    { category: 'load-balancer', keyPoint: 'scale-out' },
  ],
  flows: [
    { path: [['service', 'gateway'], 'queue', 'worker'], keyPoint: 'async-fanout' },
    { path: ['client', 'load-balancer', ['gateway', 'service']], keyPoint: 'scale-out' },
  ],
  checks: [
    { id: 'client-to-database', message: 'Clients should not reach the database directly.', mistake: 'no-fault-tolerance' },
    { id: 'single-stateful-write-path', message: 'One database instance takes every write.', keyPoint: 'durability' },
    { id: 'queue-without-consumer-group', message: 'One consumer reads the queue.', keyPoint: 'scale-out' },
  ],
};

describe(evaluateDiagram.name, () => {
  describe('a pipeline with one of everything (notification-pipeline.excalidraw)', () => {
    const sut = evaluateDiagram(graphOf('notification-pipeline.excalidraw'), expectations);

    it('credits a producer → queue → consumer flow with the nodes and edges it runs through', () => {
      expect(sut.coveredBy['async-fanout']?.map((e) => [e.via, e.text])).toEqual([
        ['flow', 'Notification service → Kafka → Push worker'],
        ['component', 'Kafka (queue)'],
      ]);
      expect(sut.coveredBy['async-fanout']?.[0]?.elements.map((e) => `${e.kind}:${e.id}`)).toEqual([
        'node:svc',
        'edge:a-svc-kafka',
        'node:kafka',
        'edge:a-kafka-worker',
        'node:worker',
      ]);
    });

    it('credits nothing the board does not show (no load balancer)', () => {
      expect(sut.coveredBy['scale-out']).toBeUndefined();
    });

    it('finds the lone Postgres and Kafka on the write path and the single push worker', () => {
      expect(sut.findings.map((f) => [f.check, f.text])).toEqual([
        ['single-stateful-write-path', 'Notification service → Kafka'],
        ['single-stateful-write-path', 'Notification service → Postgres (primary)'],
        ['queue-without-consumer-group', 'Kafka → Push worker'],
      ]);
      const [first] = sut.findings;
      expect(first).toMatchObject({ message: 'One database instance takes every write.', keyPoint: 'durability' });
      expect(first?.elements.map((e) => e.id)).toEqual(['svc', 'a-svc-kafka', 'kafka']);
    });
  });

  describe('a board with a client reading the database (client-to-database.excalidraw)', () => {
    const sut = evaluateDiagram(graphOf('client-to-database.excalidraw'), expectations);

    it('finds the client → database edge, with the mistake it bears on', () => {
      const finding = sut.findings.find((f) => f.check === 'client-to-database');
      expect(finding).toMatchObject({
        text: 'Web app → Postgres',
        mistake: 'no-fault-tolerance',
        from: { id: 'web', category: 'client' },
        to: { id: 'pg', category: 'database' },
      });
      expect(finding?.elements.map((e) => e.id)).toEqual(['web', 'a-web-pg', 'pg']);
    });

    it('anchors the single-instance finding on a write, not on the client read', () => {
      expect(sut.findings.filter((f) => f.check === 'single-stateful-write-path').map((f) => f.text)).toEqual([
        'Orders API → Postgres',
        'Orders API → SQS',
      ]);
    });

    it('finds the queue read by one consumer', () => {
      expect(sut.findings.filter((f) => f.check === 'queue-without-consumer-group').map((f) => f.text)).toEqual(['SQS → Email sender']);
    });
  });

  describe('the same components drawn resiliently (resilient-fanout.excalidraw)', () => {
    const graph = graphOf('resilient-fanout.excalidraw');
    const sut = evaluateDiagram(graph, expectations);

    it('finds no problem: a replica, a cluster, a consumer group', () => {
      expect(sut.findings).toEqual([]);
    });

    it('credits the flows, following a two-headed arrow either way', () => {
      expect(sut.coveredBy['scale-out']?.map((e) => e.text)).toEqual([
        'Mobile + web clients → Load balancer → WebSocket gateways',
        'Load balancer (load-balancer)',
      ]);
      expect(sut.coveredBy['async-fanout']?.[0]?.text).toBe('Notification service → Kafka cluster → Delivery workers');
    });

    it('leaves out elements the injection screen flagged, and the edges that touch them', () => {
      const screened = evaluateDiagram({ ...graph, flagged: [{ elementId: 'kafka' }, { elementId: 'a-c-lb' }] }, expectations);
      expect(screened.coveredBy['async-fanout']).toBeUndefined();
      expect(screened.coveredBy['scale-out']?.map((e) => e.via)).toEqual(['component']);
    });
  });

  it('finds a client and a database joined by an arrow pointing either way, once per arrow', () => {
    const node = (id: string, label: string, category: 'client' | 'database') => ({ id, shape: 'rectangle', label, category, boundaryIds: [] });
    const edge = (id: string, from: string, to: string, bidirectional = false) => ({
      id,
      from,
      to,
      label: null,
      bidirectional,
      via: 'bound' as const,
    });
    const graph: ComponentGraph = {
      nodes: [node('app', 'iOS app', 'client'), node('db', 'DynamoDB', 'database'), node('web', 'Browser', 'client')],
      edges: [edge('e1', 'db', 'app'), edge('e2', 'web', 'db', true)],
      notes: [],
      boundaries: [],
      looseArrows: [],
    };
    const sut = evaluateDiagram(graph, { checks: [{ id: 'client-to-database', message: 'x', mistake: 'm' }] });
    expect(sut.findings.map((f) => [f.text, f.elements.map((e) => e.id)])).toEqual([
      ['iOS app → DynamoDB', ['app', 'e1', 'db']],
      ['Browser → DynamoDB', ['web', 'e2', 'db']],
    ]);
  });

  it('searches a dense board within bounds', () => {
    const services = Array.from({ length: 400 }, (_, i) => ({
      id: `s${i}`,
      shape: 'rectangle',
      label: `Service ${i}`,
      category: 'service' as const,
      boundaryIds: [],
    }));
    const queues = Array.from({ length: 400 }, (_, i) => ({
      id: `q${i}`,
      shape: 'rectangle',
      label: `Topic ${i}`,
      category: 'queue' as const,
      boundaryIds: [],
    }));
    // Every service publishes to every topic, and nothing consumes: no producer → queue → consumer flow to find.
    const edges = services.flatMap((s) =>
      queues.map((q) => ({ id: `${s.id}-${q.id}`, from: s.id, to: q.id, label: null, bidirectional: false, via: 'bound' as const })),
    );
    const started = performance.now();
    const sut = evaluateDiagram(
      { nodes: [...services, ...queues], edges, notes: [], boundaries: [], looseArrows: [] },
      { flows: [{ path: ['service', 'queue', 'worker'], keyPoint: 'k' }] },
    );
    expect(sut.coveredBy).toEqual({});
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reads an empty board as showing nothing', () => {
    expect(evaluateDiagram({ nodes: [], edges: [], notes: [], boundaries: [], looseArrows: [] }, expectations)).toEqual({
      coveredBy: {},
      findings: [],
    });
  });
});
