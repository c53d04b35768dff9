import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import type { DiagramScene, ServerEvent } from '../../libs/protocol/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

type KeyPointGrade = {
  id: string;
  status: string;
  evidence: string[];
  diagramEvidence?: { source: string; elements: { id: string }[]; text: string }[];
};
type GradeBody = { keyPoints: KeyPointGrade[]; feedback: { improvements: string[] } };

const fixture = (name: string): DiagramScene => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams', name), 'utf8')) as DiagramScene;

/**
 * The board read by the grader and the interviewer: the real api and worker, Postgres, Redis, BullMQ and
 * socket.io-client. Three labelled boxes and two bound arrows, a short design answer, a grade whose coverage cites
 * the board, and a deep-dive follow-up about what the board shows.
 */
describe('a drawn board in grading and follow-ups', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let token: string;
  let c: InterviewClient;
  const env = { QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000', DIAGRAM_SNAPSHOT_MIN_INTERVAL_MS: '0' };

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    const user = await createUser(worker);
    token = (await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
  });
  afterAll(async () => {
    c?.close();
    await Promise.all([api.close(), worker.close()]);
  });

  it('credits a key point from the board with the elements as evidence, and asks about the single Kafka', async () => {
    const res = await request(api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${token}`)
      .send({ questionId: 'realtime-notifications', mode: 'practice' })
      .expect(201);
    const sessionId = res.body.id as string;
    c = await InterviewClient.connect(api.url, token);
    await c.join(sessionId, 0);
    for (const index of [1, 2]) {
      await c.ok('phase:advance', { sessionId });
      await c.waitForEvent('phase:changed', (e) => e.phase.index === index);
    }

    // High-level design: the pipeline is on the board, the words only say how it reaches the user.
    await c.ok('diagram:update', { sessionId, clientId: 'board-1', scene: fixture('three-boxes-two-arrows.excalidraw') });
    const design = await c.ok('answer:submit', {
      sessionId,
      clientId: 'hld-1',
      text: 'Every client keeps a WebSocket open to one of our gateway servers, and each notification is pushed down that socket while the user has the app open; with the app closed it goes out as a mobile push through APNs or FCM.',
    });
    const scored = await c.waitForEvent('grade:scored', (e) => e.turnId === design.turnId);
    const point = (scored.grade as GradeBody).keyPoints.find((k) => k.id === 'realtime-processing')!;
    expect(point.status).toBe('covered');
    expect(point.evidence.length).toBeGreaterThan(0);
    expect(point.diagramEvidence).toEqual([
      {
        source: 'diagram',
        elements: [{ id: 'svc' }, { id: 'a-svc-kafka' }, { id: 'kafka' }, { id: 'a-kafka-worker' }, { id: 'worker' }].map((e) =>
          expect.objectContaining(e),
        ),
        text: 'Notification service → Kafka → Push worker',
      },
      expect.objectContaining({ text: 'Kafka (queue)' }),
    ]);
    // The structure the board shows (one Kafka on the write path, one push worker) is advice, quoting the elements.
    expect((scored.grade as GradeBody).feedback.improvements.join('\n')).toContain('On your board, ‘Notification service → Kafka’');

    // Deep dive: the follow-up names what the board shows.
    await c.ok('phase:advance', { sessionId });
    await c.waitForEvent('phase:changed', (e) => e.phase.index === 3);
    const dive = await c.ok('answer:submit', { sessionId, clientId: 'dd-1', text: 'For the deep dive I would make delivery reliable.' });
    const reply: ServerEvent<'interviewer:message'> = await c.waitForEvent('interviewer:message', (e) => e.replyTo === dive.turnId);
    expect(reply.text).toMatch(/Kafka/);
    expect(reply.text).toMatch(/Notification service/);
    expect(reply.keyPointId).toBe('queue-reliability');
    expect(reply.reason).toContain('the board shows single-stateful-write-path: Notification service → Kafka');
  });
});
