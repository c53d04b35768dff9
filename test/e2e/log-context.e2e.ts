import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/create-api-app.js';
import { createWorkerApp } from '../../apps/worker/create-worker-app.js';
import { AuthService } from '../../libs/auth/index.js';
import { createLogger } from '../../libs/logging/index.js';
import { createUser } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix, testConfig } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

type Line = Record<string, unknown> & { msg: string };

function capturingLogger(service: string, level: 'info' | 'debug') {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Line);
      done();
    },
  });
  return { lines, logger: createLogger(service, level, sink) };
}

/** Issue 21, point 6: the log lines written while handling a request, a socket event or a job carry its id. */
describe('logs with context', () => {
  const env = { QUEUE_PREFIX: isolatedQueuePrefix() };
  const apiLog = capturingLogger('api', 'debug');
  const workerLog = capturingLogger('worker', 'info');
  let api: INestApplication;
  let url: string;
  let worker: INestApplicationContext;
  let client: InterviewClient | undefined;

  beforeAll(async () => {
    [api, worker] = await Promise.all([createApiApp(testConfig(env), apiLog.logger), createWorkerApp(testConfig(env), workerLog.logger)]);
    await api.listen(0, '127.0.0.1');
    url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    client?.close();
    await Promise.all([api?.close(), worker?.close()]);
  });

  it('a request id on the request, the event, socket and session on a socket event, the job on a job', async () => {
    const requestId = `log-ctx-${randomUUID()}`;
    const email = `log-ctx-${randomUUID()}@example.test`;
    await request(url).post('/api/waitlist').set('x-request-id', requestId).send({ email }).expect(200);
    expect(apiLog.lines.filter((l) => l.requestId === requestId).map((l) => l.msg)).toContain('request completed');

    // The welcome mail is sent by the worker's mail.dispatch job; without SMTP it is logged, inside the job.
    const mailLine = await waitFor(async () =>
      workerLog.lines.find((l) => l.msg.startsWith('mail (no SMTP_URL') && JSON.stringify(l.mail).includes(email)),
    );
    expect(mailLine).toMatchObject({ queue: 'mail', job: 'mail.dispatch', jobId: expect.any(String) });
    expect(mailLine).not.toHaveProperty('requestId');

    const user = await createUser(api);
    const { accessToken } = await api.get(AuthService).issueToken({ userId: user.id, role: user.role });
    const sessionId = (
      await request(url)
        .post('/api/sessions')
        .set('authorization', `Bearer ${accessToken}`)
        .send({ questionId: 'realtime-notifications', mode: 'practice' })
        .expect(201)
    ).body.id as string;
    client = await InterviewClient.connect(url, accessToken);
    await client.join(sessionId);
    await client.ok('answer:submit', {
      sessionId,
      clientId: 'ctx',
      text: 'A queue between the api and the push workers, with retries and idempotency keys.',
    });
    const handled = apiLog.lines.filter((l) => l.msg === 'socket event handled');
    expect(handled.find((l) => l.socketEvent === 'answer:submit')).toMatchObject({ sessionId, socketId: client.socket.id, ok: true });
    expect(handled.find((l) => l.socketEvent === 'session:join')).toMatchObject({ sessionId, socketId: client.socket.id });
    // Nothing leaks from one unit of work into lines written outside it.
    expect(apiLog.lines.filter((l) => l.requestId !== undefined && l.socketEvent !== undefined)).toEqual([]);
  });
});
