import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { AuthService, type UserDto } from '../../libs/auth/index.js';
import type { DiagramScene } from '../../libs/protocol/index.js';
import { type RunningApi, startApi } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

const fixture = (name: string): DiagramScene => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams', name), 'utf8')) as DiagramScene;
const MIN_INTERVAL_MS = 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Reads a body as text whatever its type (superagent keeps image/* as a Buffer, or not at all). */
const asText = (res: unknown, done: (err: Error | null, body: string) => void) => {
  const stream = res as NodeJS.ReadableStream;
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (body += chunk));
  stream.on('end', () => done(null, body));
};

/** Replaying and exporting the board: the timeline, one snapshot, the board at each answer, the server's SVG. */
describe('diagram replay and export', () => {
  let api: RunningApi;
  let candidate: UserDto;
  let coach: UserDto;
  let otherCoach: UserDto;
  let admin: UserDto;
  let stranger: UserDto;
  const tokens = new Map<string, string>();
  const clients: InterviewClient[] = [];
  const bearer = (u: UserDto) => ({ authorization: `Bearer ${tokens.get(u.id)}` });
  const get = (u: UserDto, path: string) => request(api.url).get(path).set(bearer(u)).buffer(true).parse(asText);
  const errorCode = (res: { text: string; body: unknown }) =>
    (JSON.parse(typeof res.body === 'string' ? res.body : res.text) as { error: { code: string } }).error.code;

  beforeAll(async () => {
    api = await startApi({
      QUEUE_PREFIX: isolatedQueuePrefix(),
      SOCKET_RATE_LIMIT: '1000',
      DIAGRAM_SNAPSHOT_MIN_INTERVAL_MS: String(MIN_INTERVAL_MS),
    });
    [admin, candidate, coach, otherCoach, stranger] = await Promise.all([
      createUser(api.app, 'admin'),
      createUser(api.app),
      createUser(api.app, 'coach'),
      createUser(api.app, 'coach'),
      createUser(api.app),
    ]);
    for (const u of [admin, candidate, coach, otherCoach, stranger])
      tokens.set(u.id, (await api.app.get(AuthService).issueToken({ userId: u.id, role: u.role })).accessToken);
    await request(api.url).post('/api/admin/coach-assignments').set(bearer(admin)).send({ coachId: coach.id, candidateId: candidate.id }).expect(201);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await api.close();
  });

  async function start(questionId = 'url-shortener'): Promise<{ c: InterviewClient; sessionId: string }> {
    const res = await request(api.url).post('/api/sessions').set(bearer(candidate)).send({ questionId, mode: 'practice' }).expect(201);
    const c = await InterviewClient.connect(api.url, tokens.get(candidate.id)!);
    clients.push(c);
    await c.join(res.body.id as string, 0);
    return { c, sessionId: res.body.id as string };
  }

  async function draw(c: InterviewClient, sessionId: string, clientId: string, scene: DiagramScene) {
    await pause(MIN_INTERVAL_MS + 30);
    return c.ok('diagram:update', { sessionId, clientId, scene });
  }

  it('lists the snapshots in order without scenes, serves one scene, and ties each answer to the board at that moment', async () => {
    const { c, sessionId } = await start();
    const a1 = await c.ok('answer:submit', { sessionId, clientId: 'a1', text: 'Before drawing: the service shortens URLs and redirects.' });
    const d1 = await draw(c, sessionId, 'd1', fixture('notification-pipeline.excalidraw'));
    const a2 = await c.ok('answer:submit', { sessionId, clientId: 'a2', text: 'The pipeline goes through Kafka to a worker.' });
    const d2 = await draw(c, sessionId, 'd2', fixture('regions-groups-rotated.excalidraw'));
    const advanced = await c.ok('phase:advance', { sessionId });
    const d3 = await draw(c, sessionId, 'd3', fixture('notification-pipeline.excalidraw'));
    const a3 = await c.ok('answer:submit', { sessionId, clientId: 'a3', text: 'Cassandra holds the writes.' });

    for (const who of [candidate, coach, admin]) {
      const res = await get(who, `/api/sessions/${sessionId}/diagram-timeline`).expect(200);
      const timeline = JSON.parse(res.body as string);
      expect(timeline.sessionId).toBe(sessionId);
      expect(timeline.snapshots.map((s: { snapshotId: string; seq: number }) => [s.snapshotId, s.seq])).toEqual([
        [d1.snapshotId, d1.seq],
        [d2.snapshotId, d2.seq],
        [d3.snapshotId, d3.seq],
      ]);
      expect(timeline.snapshots[0]).toEqual({
        snapshotId: d1.snapshotId,
        seq: d1.seq,
        at: d1.at,
        offsetMs: expect.any(Number),
        phaseId: expect.any(String),
        phaseTitle: expect.any(String),
        elementCount: fixture('notification-pipeline.excalidraw').elements.length,
        graph: { nodes: 7, edges: 6 },
      });
      expect(timeline.snapshots[2].phaseId).toBe('phase' in advanced ? advanced.phase.id : null);
      expect(timeline.snapshots[2].phaseTitle).not.toBe(timeline.snapshots[0].phaseTitle);
      expect(res.body).not.toContain('"scene"');
    }

    const one = await request(api.url).get(`/api/sessions/${sessionId}/diagram-timeline/${d2.snapshotId}`).set(bearer(coach)).expect(200);
    expect(one.body).toMatchObject({
      sessionId,
      snapshotId: d2.snapshotId,
      seq: d2.seq,
      clientId: 'd2',
      scene: fixture('regions-groups-rotated.excalidraw'),
    });
    expect(one.body.graph.nodes).toContainEqual(expect.objectContaining({ id: 'cassandra', category: 'database' }));

    // Snapshot ids: unknown, malformed, or another session's, all not found.
    const other = await start();
    const foreign = await draw(other.c, other.sessionId, 'o1', fixture('notification-pipeline.excalidraw'));
    for (const path of [
      `${sessionId}/diagram-timeline/${UNKNOWN_ID}`,
      `${sessionId}/diagram-timeline/not-a-uuid`,
      `${sessionId}/diagram-timeline/${foreign.snapshotId}`,
    ]) {
      const res = await request(api.url).get(`/api/sessions/${path}`).set(bearer(candidate)).expect(404);
      expect(res.body.error.code).toBe('SNAPSHOT_NOT_FOUND');
    }

    // The access policy of the board: a stranger and a coach not assigned to the candidate see no such session.
    for (const who of [stranger, otherCoach]) {
      for (const path of ['diagram-timeline', `diagram-timeline/${d1.snapshotId}`, 'diagram.svg']) {
        const res = await get(who, `/api/sessions/${sessionId}/${path}`).expect(404);
        expect(errorCode(res)).toBe('SESSION_NOT_FOUND');
      }
    }

    // Each answer carries the board as it stood then: nothing, the first drawing, the last.
    const transcript = await request(api.url).get(`/api/sessions/${sessionId}/transcript`).set(bearer(coach)).expect(200);
    const answers = (transcript.body.turns as { turnId: string; speaker: string; diagramSnapshotId?: string | null }[]).filter(
      (t) => t.speaker === 'candidate',
    );
    expect(answers.map((t) => [t.turnId, t.diagramSnapshotId])).toEqual([
      [a1.turnId, null],
      [a2.turnId, d1.snapshotId],
      [a3.turnId, d3.snapshotId],
    ]);
    for (const t of transcript.body.turns as { speaker: string }[])
      if (t.speaker === 'interviewer') expect(t).not.toHaveProperty('diagramSnapshotId');
  });

  it('serves the board as a download-only SVG, labels escaped, any snapshot by id, and puts it in the transcript downloads', async () => {
    const { c, sessionId } = await start();
    const empty = await get(candidate, `/api/sessions/${sessionId}/diagram.svg`).expect(404);
    expect(errorCode(empty)).toBe('SNAPSHOT_NOT_FOUND');

    const first = await draw(c, sessionId, 'h1', fixture('notification-pipeline.excalidraw'));
    const hostile = fixture('notification-pipeline.excalidraw');
    const label = hostile.elements.find((e) => e.id === 'kafka-label') as { text: string; originalText: string };
    label.text = label.originalText = '<script>alert("x")</script> & "Kafka"';
    (hostile.elements.find((e) => e.id === 'kafka') as Record<string, unknown>).strokeColor = 'red" onload="x';
    const last = await draw(c, sessionId, 'h2', hostile);

    const res = await get(coach, `/api/sessions/${sessionId}/diagram.svg`).expect(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="session-${sessionId}-board-${last.snapshotId}.svg"`);
    const svg = res.body as string;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Kafka&quot;');
    expect(svg).not.toMatch(/<script|onload/);

    const earlier = await get(candidate, `/api/sessions/${sessionId}/diagram.svg?snapshotId=${first.snapshotId}`).expect(200);
    expect(earlier.headers['content-disposition']).toContain(first.snapshotId);
    expect(earlier.body).toContain('>Kafka</tspan>');
    expect(errorCode(await get(candidate, `/api/sessions/${sessionId}/diagram.svg?snapshotId=${UNKNOWN_ID}`).expect(404))).toBe('SNAPSHOT_NOT_FOUND');
    expect(errorCode(await get(candidate, `/api/sessions/${sessionId}/diagram.svg?snapshotId=nope`).expect(400))).toBe('INVALID_PAYLOAD');

    const json = await request(api.url).get(`/api/sessions/${sessionId}/transcript?format=json`).set(bearer(candidate)).expect(200);
    expect(json.body.diagram.finalSvg).toBe(svg);
    expect(json.body.diagram.finalSnapshotId).toBe(last.snapshotId);
    expect(json.body.diagram.snapshots.map((s: { snapshotId: string }) => s.snapshotId)).toEqual([first.snapshotId, last.snapshotId]);
    expect(json.body.diagram.snapshots[0]).not.toHaveProperty('scene');
    // The plain transcript (read by the pages) stays light.
    expect((await request(api.url).get(`/api/sessions/${sessionId}/transcript`).set(bearer(candidate)).expect(200)).body).not.toHaveProperty(
      'diagram',
    );

    const md = await get(candidate, `/api/sessions/${sessionId}/transcript?format=md`).expect(200);
    const text = md.body as string;
    expect(text).toContain('## Board');
    expect(text).toContain(
      '- Mobile client →(HTTPS) API Gateway → Notification service →(publish) &lt;script&gt;alert\\("x"\\)&lt;/script&gt; &amp; "Kafka" →(consume) Push worker → Redis cache',
    );
    expect(text).toContain(`/api/sessions/${sessionId}/diagram.svg`);
    expect(text).not.toContain('<script');
  });

  it('refuses the replay of a session without a board', async () => {
    const { c, sessionId } = await start('lru-cache');
    await c.ok('answer:submit', { sessionId, clientId: 'a1', text: 'A hash map and a doubly linked list.' });
    for (const path of ['diagram-timeline', `diagram-timeline/${UNKNOWN_ID}`, 'diagram.svg']) {
      expect(errorCode(await get(candidate, `/api/sessions/${sessionId}/${path}`).expect(409))).toBe('NOT_A_DESIGN_SESSION');
    }
    const json = await request(api.url).get(`/api/sessions/${sessionId}/transcript?format=json`).set(bearer(candidate)).expect(200);
    expect(json.body.diagram).toBeNull();
    expect(json.body.turns[0]).not.toHaveProperty('diagramSnapshotId');
    expect((await get(candidate, `/api/sessions/${sessionId}/transcript?format=md`).expect(200)).body).not.toContain('## Board');
  });
});
