import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { ContentService, type CodingQuestion } from '../../libs/content/index.js';
import { type RunningApi, startApi, startCodeRunner, startWorker } from './apps.js';
import { createUser } from './factories.js';
import { InterviewClient } from './interview-client.js';
import { isolatedQueuePrefix } from './test-config.js';

export interface CodingStack {
  api: RunningApi;
  worker: INestApplicationContext;
  token: string;
  question: CodingQuestion;
  /** A new practice session of the question, its candidate joined on a fresh socket. */
  start(): Promise<{ c: InterviewClient; sessionId: string }>;
  /** Another socket of the candidate (closed after the block). */
  connect(): Promise<InterviewClient>;
}

/**
 * The api, the worker and the code runner (real sandbox) for a describe block, with one candidate and the coding
 * question `questionId`; `env` on top of an own queue prefix. Registers its own beforeAll/afterAll; read the
 * fields inside tests.
 */
export function codingStack(env: Record<string, string> = {}, questionId = 'lru-cache'): CodingStack {
  const stack = {} as CodingStack;
  let codeRunner: INestApplicationContext;
  const clients: InterviewClient[] = [];
  const config = { QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000', CODE_SNAPSHOT_MIN_INTERVAL_MS: '0', ...env };
  beforeAll(async () => {
    [stack.api, stack.worker, codeRunner] = await Promise.all([startApi(config), startWorker(config), startCodeRunner(config)]);
    const user = await createUser(stack.worker);
    stack.token = (await stack.api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
    stack.question = stack.worker.get(ContentService).question(questionId) as CodingQuestion;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([stack.api?.close(), stack.worker?.close(), codeRunner?.close()]);
  });
  stack.connect = async () => {
    const c = await InterviewClient.connect(stack.api.url, stack.token);
    clients.push(c);
    return c;
  };
  stack.start = async () => {
    const res = await request(stack.api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${stack.token}`)
      .send({ questionId, mode: 'practice' })
      .expect(201);
    const c = await stack.connect();
    await c.join(res.body.id as string, 0);
    return { c, sessionId: res.body.id as string };
  };
  return stack;
}
