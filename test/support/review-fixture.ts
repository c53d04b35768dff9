import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService, type Role } from '../../libs/auth/index.js';
import { ContentService } from '../../libs/content/index.js';
import type { RunningApi } from './apps.js';
import { createUser } from './factories.js';
import { InterviewClient } from './interview-client.js';

export interface Actor {
  id: string;
  token: string;
  role: Role;
}

/** A signed-in user of the given role, created through the real service. */
export async function actor(api: RunningApi, worker: INestApplicationContext, role: Role): Promise<Actor> {
  const user = await createUser(worker, role);
  const { accessToken } = await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role });
  return { id: user.id, token: accessToken, role };
}

export const bearer = (a: Actor) => ({ authorization: `Bearer ${a.token}` });

/** Paragraphs of the question's reference answer: a strong candidate's words. */
export function referenceParagraphs(worker: INestApplicationContext, questionId: string): string[] {
  const ref = worker.get(ContentService).question(questionId).referenceAnswer;
  return ref.split(/\n\s*\n/).filter((p) => p.trim().length > 40);
}

/**
 * Drives a real session to its end through socket.io: each answer is graded by the worker (offline grader),
 * then the candidate ends the session and the report is built. Returns the session and its answer turn ids.
 */
export async function finishedSession(
  api: RunningApi,
  candidate: Actor,
  answers: string[],
  opts: { questionId?: string; mode?: 'practice' | 'realistic' } = {},
): Promise<{ sessionId: string; turnIds: string[] }> {
  const res = await request(api.url)
    .post('/api/sessions')
    .set(bearer(candidate))
    .send({ questionId: opts.questionId ?? 'url-shortener', mode: opts.mode ?? 'practice' })
    .expect(201);
  const sessionId = res.body.id as string;
  const c = await InterviewClient.connect(api.url, candidate.token);
  try {
    await c.join(sessionId);
    const turnIds: string[] = [];
    for (const [i, text] of answers.entries()) {
      const { turnId } = await c.ok('answer:submit', { sessionId, clientId: `a-${i}`, text });
      turnIds.push(turnId);
      await c.waitForEvent('grade:status', (e) => e.turnId === turnId && (e.status === 'scored' || e.status === 'failed'));
    }
    await c.ok('session:end', { sessionId });
    await c.waitForEvent('session:report');
    return { sessionId, turnIds };
  } finally {
    c.close();
  }
}
