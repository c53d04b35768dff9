import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SceneLike } from './scene.types.js';
import { toComponentGraph } from './scene-graph.js';

const fixture = (name: string): SceneLike => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams', name), 'utf8')) as SceneLike;

describe(toComponentGraph.name, () => {
  describe('a pipeline drawn with bound arrows (notification-pipeline.excalidraw)', () => {
    const scene = fixture('notification-pipeline.excalidraw');
    const sut = toComponentGraph(scene);

    it('makes a node of each labelled shape, classified from its bound text', () => {
      expect(sut.nodes.map((n) => [n.id, n.shape, n.label, n.category])).toEqual([
        ['client', 'rectangle', 'Mobile client', 'client'],
        ['gateway', 'rectangle', 'API Gateway', 'gateway'],
        ['svc', 'rectangle', 'Notification service', 'service'],
        ['kafka', 'rectangle', 'Kafka', 'queue'],
        ['worker', 'rectangle', 'Push worker', 'worker'],
        ['db', 'ellipse', 'Postgres (primary)', 'database'],
        ['cache', 'diamond', 'Redis cache', 'cache'],
      ]);
    });

    it('makes an edge of each bound arrow, with its label and direction', () => {
      expect(sut.edges.map((e) => [e.from, e.to, e.label, e.bidirectional, e.via])).toEqual([
        ['client', 'gateway', 'HTTPS', false, 'bound'],
        ['gateway', 'svc', null, false, 'bound'],
        ['svc', 'kafka', 'publish', false, 'bound'],
        ['kafka', 'worker', 'consume', false, 'bound'],
        ['svc', 'db', 'read/write', true, 'bound'],
        ['worker', 'cache', null, false, 'bound'],
      ]);
    });

    it('keeps free text as a note, and ignores deleted elements (and arrows bound to them)', () => {
      expect(sut.notes).toEqual([{ id: 'note-dau', text: 'Assume 10M DAU, ~5k notifications/s peak', boundaryIds: [] }]);
      const ids = [...sut.nodes, ...sut.edges, ...sut.looseArrows].map((x) => x.id);
      expect(ids).not.toContain('old-mysql');
      expect(ids).not.toContain('a-old');
      expect(JSON.stringify(sut)).not.toContain('Old MySQL');
      expect(sut.looseArrows).toEqual([]);
      expect(sut.boundaries).toEqual([]);
    });

    it('reads the same graph whatever the order of the elements', () => {
      const reversed = { elements: [...scene.elements].reverse() };
      const graph = toComponentGraph(reversed);
      const key = (g: typeof sut) => ({ nodes: g.nodes.map((n) => n.id).sort(), edges: g.edges.map((e) => `${e.from}>${e.to}:${e.label}`).sort() });
      expect(key(graph)).toEqual(key(sut));
    });
  });

  describe('groups, a frame, a turned shape and loose arrows (regions-groups-rotated.excalidraw)', () => {
    const sut = toComponentGraph(fixture('regions-groups-rotated.excalidraw'));
    const node = (id: string) => sut.nodes.find((n) => n.id === id);
    const edge = (id: string) => sut.edges.find((e) => e.id === id);

    it('reads a frame and a group of two or more nodes as boundaries, the group titled by its free text', () => {
      expect(sut.boundaries).toEqual([
        { id: 'grp-api', kind: 'group', label: 'API tier', nodeIds: ['api1', 'api2'] },
        { id: 'frame-region', kind: 'frame', label: 'us-east-1', nodeIds: ['lb', 'api1', 'api2', 'cassandra', 's3-box'] },
      ]);
      expect(node('api1')?.boundaryIds).toEqual(['grp-api', 'frame-region']);
      expect(node('lb')?.boundaryIds).toEqual(['frame-region']);
    });

    it('joins an unbound arrow to the turned shape its end stops in (an end outside the unturned box)', () => {
      expect(node('cassandra')).toMatchObject({ label: 'Cassandra ring', category: 'database' });
      expect(edge('a-api2-cass')).toEqual({
        id: 'a-api2-cass',
        from: 'api2',
        to: 'cassandra',
        label: 'writes',
        bidirectional: false,
        via: 'inferred',
      });
    });

    it('labels an unlabelled shape with the free text drawn inside it', () => {
      expect(node('s3-box')).toMatchObject({ label: 'S3 bucket', category: 'object-store' });
      expect(edge('a-api1-s3')).toMatchObject({ from: 'api1', to: 's3-box', label: 'uploads', via: 'bound' });
      expect(sut.notes.map((n) => n.id)).not.toContain('s3-text');
    });

    it('makes a node of a free text an arrow is bound to, and follows the arrowheads backwards', () => {
      expect(node('users')).toMatchObject({ shape: 'text', label: 'Users', category: 'client' });
      expect(edge('a-users-lb')).toMatchObject({ from: 'users', to: 'lb', bidirectional: false, via: 'bound' });
    });

    it('keeps an arrow with an end in the air as loose, with its label; lines and freedraw are not flows', () => {
      expect(sut.looseArrows).toEqual([{ id: 'a-loose', label: 'to analytics?', from: null, to: null }]);
      expect(sut.edges.map((e) => e.id)).toEqual(['a-lb-api1', 'a-lb-api2', 'a-api2-cass', 'a-api1-s3', 'a-users-lb']);
      expect(sut.notes).toEqual([{ id: 'title-api', text: 'API tier', boundaryIds: ['grp-api', 'frame-region'] }]);
    });
  });

  describe('a board drawn through Excalidraw in Chromium, as the server stored it (drawn-on-the-board.excalidraw)', () => {
    // Drawn with the board's own tools (boxes with typed labels, arrows bound by dropping them on a box, one with
    // Ctrl held so it does not bind, a label typed on an arrow, a note, a group made with Ctrl+G, a box deleted), one
    // box turned by 30° through Excalidraw's API, then saved from GET /api/sessions/:id/diagram: Excalidraw's own ids,
    // fractional indices, wrapped text and bindings, not hand-written ones.
    const scene = fixture('drawn-on-the-board.excalidraw');
    const sut = toComponentGraph(scene);
    const name = (id: string | null) => sut.nodes.find((n) => n.id === id)?.label ?? null;

    it('makes a node of each box from its typed label (a wrapped one read as one line), classified', () => {
      expect(sut.nodes.map((n) => [n.shape, n.label, n.category])).toEqual([
        ['rectangle', 'Mobile app', 'client'],
        ['rectangle', 'API gateway', 'gateway'],
        ['ellipse', 'Orders DB', 'database'],
        ['rectangle', 'Kafka', 'queue'],
        ['rectangle', 'Push workers', 'worker'],
      ]);
    });

    it('reads the bound arrows with their typed label, and the unbound ones by where their ends stop, the turned box included', () => {
      expect(sut.edges.map((e) => [name(e.from), name(e.to), e.label, e.via])).toEqual([
        ['Push workers', 'Kafka', null, 'inferred'],
        ['Mobile app', 'API gateway', null, 'bound'],
        ['API gateway', 'Orders DB', 'writes', 'bound'],
        ['API gateway', 'Kafka', null, 'bound'],
        ['Kafka', 'Orders DB', null, 'inferred'],
      ]);
      const turned = scene.elements.find((e) => e.id === sut.nodes.find((n) => n.label === 'Push workers')!.id)!;
      expect(turned.angle).toBeCloseTo(Math.PI / 6);
      expect(sut.looseArrows).toEqual([{ id: expect.any(String), label: null, from: null, to: null }]);
    });

    it('reads the Ctrl+G group as a boundary, the free text as a note, and nothing of the deleted box', () => {
      expect(sut.boundaries.map((b) => [b.kind, b.label, b.nodeIds.map(name)])).toEqual([['group', null, ['Mobile app', 'API gateway']]]);
      expect(sut.notes.map((n) => n.text)).toEqual(['Assume 10M DAU']);
      // The board sends live elements only (a deleted box never reaches the server); its label is nowhere.
      expect(scene.elements.some((e) => e.isDeleted)).toBe(false);
      expect(JSON.stringify(sut)).not.toContain('Old cache');
    });
  });

  describe('a board drawn in Chromium with a frame and a deleted box, as Excalidraw holds it (framed-on-the-board.excalidraw)', () => {
    // Drawn with the board's own tools: a frame (F) renamed by a double click on its title, two boxes drawn inside it
    // and one outside, bound arrows, and a box drawn and deleted (Delete). Saved from Excalidraw's API
    // (getSceneElementsIncludingDeleted) before the client's toStoredScene leaves deleted elements out: what a
    // board holds, not what the server receives.
    const scene = fixture('framed-on-the-board.excalidraw');
    const sut = toComponentGraph(scene);
    const name = (id: string | null) => sut.nodes.find((n) => n.id === id)?.label ?? null;

    it('ignores the deleted box and its label, which the scene still holds', () => {
      const deleted = scene.elements.filter((e) => e.isDeleted);
      expect(deleted.map((e) => [e.type, e.text ?? null])).toEqual([
        ['rectangle', null],
        ['text', 'Old cache'],
      ]);
      const ids = [...sut.nodes, ...sut.edges, ...sut.looseArrows, ...sut.notes, ...sut.boundaries].map((x) => x.id);
      for (const e of deleted) expect(ids).not.toContain(e.id);
      expect(JSON.stringify(sut)).not.toContain('Old cache');
      expect(sut.notes).toEqual([]);
      expect(sut.looseArrows).toEqual([]);
    });

    it('reads the frame as a boundary named by its title, holding the boxes drawn inside it and not the one outside', () => {
      const frame = scene.elements.find((e) => e.type === 'frame')!;
      expect(sut.boundaries).toEqual([{ id: frame.id, kind: 'frame', label: 'App VPC', nodeIds: expect.any(Array) }]);
      expect(sut.boundaries[0]!.nodeIds.map(name)).toEqual(['API servers', 'Postgres']);
      expect(sut.nodes.map((n) => [n.label, n.category, n.boundaryIds])).toEqual([
        ['API servers', 'service', [frame.id]],
        ['Postgres', 'database', [frame.id]],
        ['Web client', 'client', []],
      ]);
    });

    it('reads the arrows bound across the frame’s edge and inside it', () => {
      expect(sut.edges.map((e) => [name(e.from), name(e.to), e.via])).toEqual([
        ['API servers', 'Postgres', 'bound'],
        ['Web client', 'API servers', 'bound'],
      ]);
    });
  });

  it('is empty for an empty board, and ignores a text whose container was deleted only as a label', () => {
    expect(toComponentGraph({ elements: [] })).toEqual({ nodes: [], edges: [], notes: [], boundaries: [], looseArrows: [] });
    const sut = toComponentGraph({
      elements: [
        { id: 'r', type: 'rectangle', x: 0, y: 0, width: 100, height: 50, isDeleted: true },
        { id: 't', type: 'text', x: 500, y: 500, width: 40, height: 20, text: 'Redis', containerId: 'r' },
      ],
    });
    expect(sut.nodes).toEqual([]);
    expect(sut.notes).toEqual([{ id: 't', text: 'Redis', boundaryIds: [] }]);
  });
});
