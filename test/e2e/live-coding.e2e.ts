import request from 'supertest';
import type { CodeReportSection, ServerEvent } from '../../libs/protocol/index.js';
import { expectGapless } from '../support/interview-client.js';
import { codingStack } from '../support/coding-stack.js';

/** A live coding session end to end: real api and worker, real bubblewrap sandbox, socket.io-client and HTTP. */
describe('live coding session', () => {
  const stack = codingStack();
  const start = () => stack.start();

  it('update → run → submit → grade → report → code-timeline', async () => {
    const { c, sessionId } = await start();
    expect(c.events[0]).toMatchObject({ type: 'phase:changed', phase: { id: 'understand-clarify', count: 4 } });

    await c.ok('answer:submit', {
      sessionId,
      clientId: 'a-clarify',
      text: 'So get also refreshes recency and put on an existing key updates it; at capacity we evict the least recently used key. What about capacity 1?',
    });
    await c.ok('phase:advance', { sessionId });

    // A first, wrong draft: it never evicts. The visible run shows expected and actual.
    const wrong =
      'def lru_cache_operations(capacity, operations):\n    cache = {}\n    out = []\n    for op in operations:\n        if op[0] == "put":\n            cache[op[1]] = op[2]\n            out.append(None)\n        else:\n            out.append(cache.get(op[1], -1))\n    return out\n';
    await c.ok('code:update', { sessionId, clientId: 's1', language: 'python', code: stack.question.starterCode.python });
    await c.ok('code:update', { sessionId, clientId: 's2', language: 'python', code: wrong });
    const run1 = await c.ok('code:run', { sessionId, clientId: 'r1' });
    const result1 = await c.waitForEvent('code:result', (e) => e.runId === run1.runId);
    expect(result1).toMatchObject({ kind: 'run', status: 'FAILED', visible: { passed: 1, total: 2 }, hidden: { passed: 0, total: 0 } });
    expect(result1.tests[0]).toMatchObject({
      name: 'classic sequence',
      hidden: false,
      passed: false,
      expected: stack.question.tests.visible[0]!.expected,
      actual: expect.any(Array),
    });
    // The same clientId again is the same run.
    expect(await c.ok('code:run', { sessionId, clientId: 'r1' })).toEqual({ runId: run1.runId, status: 'done' });

    // The reference solution, in JavaScript, submitted: visible and hidden tests pass; hidden ones show pass/fail only.
    await c.ok('code:update', { sessionId, clientId: 's3', language: 'javascript', code: stack.question.referenceSolution.javascript });
    const submit = await c.ok('code:submit', { sessionId, clientId: 'sub1' });
    const result2 = await c.waitForEvent('code:result', (e) => e.runId === submit.runId);
    expect(result2).toMatchObject({
      kind: 'submit',
      status: 'PASSED',
      visible: { passed: 2, total: 2 },
      hidden: { passed: stack.question.tests.hidden.length, total: stack.question.tests.hidden.length },
    });
    for (const t of result2.tests.filter((x) => x.hidden)) expect(Object.keys(t).sort()).toEqual(['hidden', 'name', 'passed']);
    expect(JSON.stringify(result2)).not.toContain(stack.question.tests.hidden[0]!.name);

    // The explanation is graded with the code: correctness comes from the hidden tests.
    const { turnId } = await c.ok('answer:submit', {
      sessionId,
      clientId: 'a-implement',
      text: 'I combine a hash map from key to node with a doubly linked list ordered by recency, because the map alone cannot tell me the least recently used key in O(1). In JavaScript a Map keeps insertion order, so I delete and re-insert on access.',
    });
    const scored = await c.waitForEvent('grade:scored', (e) => e.turnId === turnId);
    const grade = scored.grade as { dimensions: { id: string; score: number; reason: string }[] };
    expect(grade.dimensions.find((d) => d.id === 'correctness')).toMatchObject({ score: 4, reason: expect.stringContaining('hidden tests') });
    // Code quality is judged from the submitted code (the clean Map LRU), not from the words.
    expect(grade.dimensions.find((d) => d.id === 'code-quality')).toMatchObject({
      score: expect.any(Number),
      reason: expect.stringContaining('static analysis of the submitted javascript code'),
    });
    expect(grade.dimensions.find((d) => d.id === 'code-quality')!.score).toBeGreaterThanOrEqual(3);

    await c.ok('session:end', { sessionId });
    const { report } = await c.waitForEvent('session:report', () => true, 30_000);
    const r = report as { dimensions: { id: string; score: number | null }[]; code: CodeReportSection };
    expect(r.dimensions.find((d) => d.id === 'correctness')?.score).toBe(4);
    expect(r.code).toMatchObject({ language: 'javascript', code: stack.question.referenceSolution.javascript, status: 'PASSED', snapshots: 3 });
    expect(r.code.timeline.map((t) => [t.kind, t.status])).toEqual([
      ['run', 'FAILED'],
      ['submit', 'PASSED'],
    ]);
    // The submission's code facts, measured in the sandbox, for the report and the export.
    expect(r.code.quality!.score).toBeGreaterThanOrEqual(3);
    expect(r.code.complexity).toMatchObject({
      required: 'O(1)',
      operation: 'put/get',
      per: 'operation',
      contradicts: false,
      summary: expect.stringMatching(/^measured .* per put\/get \(required O\(1\)\)$/),
    });
    expect(r.code.factsMissing).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain(stack.question.tests.hidden[0]!.name);
    expectGapless(c.events);

    const timeline = await request(stack.api.url)
      .get(`/api/sessions/${sessionId}/code-timeline`)
      .set('authorization', `Bearer ${stack.token}`)
      .expect(200);
    const entries = timeline.body.entries as { type: string; offsetMs: number; code?: string; kind?: string; result?: { status: string } }[];
    expect(entries.map((e) => e.type)).toEqual(['snapshot', 'snapshot', 'run', 'snapshot', 'run']);
    expect(entries[1]!.code).toBe(wrong);
    expect(entries.map((e) => e.offsetMs)).toEqual([...entries.map((e) => e.offsetMs)].sort((a, b) => a - b));
    expect(entries[4]!.result?.status).toBe('PASSED');
    // A plain run is not analysed; a submission is.
    expect(entries[2]).not.toHaveProperty('result.facts');
    expect(entries[4]).toHaveProperty('result.facts.quality.score');
    expect(JSON.stringify(timeline.body)).not.toContain(stack.question.tests.hidden[0]!.name);
  });

  it('contains hostile code and keeps serving: an infinite loop is TIMEOUT, then a correct run passes', async () => {
    const { c, sessionId } = await start();
    await c.ok('code:update', { sessionId, clientId: 'loop', language: 'javascript', code: 'function lruCacheOperations() { for (;;) {} }' });
    const loop = await c.ok('code:run', { sessionId, clientId: 'run-loop' });
    // The candidate drops off while the run is in the sandbox; on return the result is in what it missed.
    const lastSeq = Math.max(...c.events.map((e) => e.seq));
    c.close();
    const back = await stack.connect();
    await back.join(sessionId, lastSeq);
    // In the join's ack if it finished meanwhile, live otherwise: either way once.
    const looped = await back.waitForEvent('code:result', (e) => e.runId === loop.runId, 30_000);
    await back.marker(sessionId);
    expect(looped.status).toBe('TIMEOUT');
    expect(looped.message).toMatch(/time limit/);
    expect(back.events.filter((e) => e.type === 'code:result')).toHaveLength(1);
    await back.ok('code:update', { sessionId, clientId: 'good', language: 'python', code: stack.question.referenceSolution.python });
    const good = await back.ok('code:run', { sessionId, clientId: 'run-good' });
    expect((await back.waitForEvent('code:result', (e) => e.runId === good.runId)).status).toBe('PASSED');
  });

  it('a submission cannot see the hidden tests inputs: they run in a sandbox of their own', async () => {
    const { c, sessionId } = await start();
    // Reads the harness's own spec (every call it was given) and prints it in a visible test's output.
    const snoop =
      'import sys, json\ndef lru_cache_operations(capacity, operations):\n    print(json.dumps(sys._getframe(1).f_locals["spec"]["calls"]))\n    return []\n';
    await c.ok('code:update', { sessionId, clientId: 'snoop', language: 'python', code: snoop });
    const submit = await c.ok('code:submit', { sessionId, clientId: 'submit-snoop' });
    const result = await c.waitForEvent('code:result', (e) => e.runId === submit.runId);
    expect(result).toMatchObject({ status: 'FAILED', hidden: { passed: 1, total: stack.question.tests.hidden.length } });
    const seen = JSON.parse(result.tests[0]!.stdout!) as { args: unknown[] }[];
    expect(seen.map((call) => call.args)).toEqual(stack.question.tests.visible.map((t) => t.args));
    for (const t of result.tests.filter((x) => x.hidden)) expect(t.stdout).toBeUndefined();
  });

  it('refuses code events outside a coding session, oversized code, and runs with nothing to run', async () => {
    const { c, sessionId } = await start();
    const none = await c.send('code:run', { sessionId, clientId: 'nothing' });
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_CODE' } });
    const big = await c.send('code:update', { sessionId, clientId: 'big', language: 'python', code: 'x'.repeat(20_001) });
    expect(big).toMatchObject({ ok: false, error: { code: 'CODE_TOO_LONG', details: { limit: 20_000 } } });
    const design = await request(stack.api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${stack.token}`)
      .send({ questionId: 'url-shortener', mode: 'practice' })
      .expect(201);
    const refused = await c.send('code:update', { sessionId: design.body.id as string, clientId: 'x', language: 'python', code: 'pass' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_A_CODING_SESSION' } });
    const events = c.events.filter((e): e is ServerEvent<'code:result'> => e.type === 'code:result');
    expect(events).toEqual([]);
  });
});
