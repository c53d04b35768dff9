import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { ContentService } from '../../libs/content/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';

describe('content API', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(), startWorker()]);
    for (const role of ['candidate', 'coach'] as const) {
      const user = await createUser(worker, role);
      tokens[role] = (await api.app.get(AuthService).issueToken({ userId: user.id, role })).accessToken;
    }
  });
  afterAll(async () => {
    await Promise.all([api.close(), worker.close()]);
  });

  const get = (path: string, role?: 'candidate' | 'coach') => {
    const req = request(api.url).get(path);
    return role ? req.set('authorization', `Bearer ${tokens[role]}`) : req;
  };

  it('lists role guides publicly, with the system-design phase plan', async () => {
    const res = await get('/api/roles').expect(200);
    expect(res.body.map((r: { slug: string }) => r.slug)).toContain('senior-backend-developer');
    const role = (await get('/api/roles/senior-backend-developer').expect(200)).body;
    expect(role.sessions['system-design'].phases.map((p: { id: string }) => p.id)).toEqual([
      'requirements-clarification',
      'capacity-estimation',
      'high-level-design',
      'deep-dive',
      'trade-offs-scaling',
    ]);
    await get('/api/roles/nope').expect(404);
  });

  it('filters questions by kind and topic', async () => {
    const all = (await get('/api/questions', 'candidate').expect(200)).body as { id: string; kind: string }[];
    expect(all.filter((q) => q.kind === 'system-design').length).toBeGreaterThanOrEqual(10);
    const coding = (await get('/api/questions?kind=coding', 'candidate').expect(200)).body as { kind: string }[];
    expect(coding.length).toBeGreaterThanOrEqual(6);
    expect(new Set(coding.map((q) => q.kind))).toEqual(new Set(['coding']));
    const bad = await get('/api/questions?kind=trivia', 'candidate').expect(400);
    expect(bad.body.error.code).toBe('INVALID_PAYLOAD');
    await get('/api/questions').expect(401);
  });

  it('never shows a candidate the rubric of any question; a coach sees it', async () => {
    const content = worker.get(ContentService);
    for (const q of content.questions()) {
      const body = JSON.stringify((await get(`/api/questions/${q.id}`, 'candidate').expect(200)).body);
      expect(body).toContain(q.title);
      const hidden = [
        ...q.keyPoints.flatMap((k) => [k.text, k.probe, k.explanation ?? k.text, k.practice ?? k.text]),
        ...q.commonMistakes.map((m) => m.text),
        q.referenceAnswer.slice(0, 80),
      ];
      for (const secret of hidden) expect(body).not.toContain(JSON.stringify(secret).slice(1, -1));
      if (q.kind === 'coding') {
        const visible = new Set(q.tests.visible.map((t) => JSON.stringify(t.args)));
        for (const t of q.tests.hidden) {
          const args = JSON.stringify(t.args);
          if (!visible.has(args) && args.length > 15) expect(body).not.toContain(args);
        }
      }
      expect(body).not.toMatch(/"(keyPoints|commonMistakes|referenceAnswer|signals|hidden|explanation|references|practice)"/);
    }
    const coachView = (await get('/api/questions/observability-platform', 'coach').expect(200)).body;
    expect(coachView.keyPoints.map((k: { id: string }) => k.id)).toEqual(['instrumentation-all-layers', 'push-vs-pull', 'realtime-vs-storage-cost']);
  });
});
