import request from 'supertest';
import type { CodeReportSection, ServerEvent } from '../../libs/protocol/index.js';
import { InterviewClient } from '../support/interview-client.js';
import { codingStack } from '../support/coding-stack.js';

/**
 * `code:run` with `input`: the candidate's own arguments (one JSON value per line) run once in the real sandbox,
 * never beside a hidden test; the result carries the call's value, output and error under the usual limits.
 */
describe('custom-input code runs', () => {
  const stack = codingStack({
    CODE_CUSTOM_INPUT_MAX_CHARS: '200',
    CODE_RUNS_PER_USER: '1',
    SANDBOX_WALL_MS: '2000',
    SANDBOX_OUTPUT_BYTES: '20000',
  });
  const start = () => stack.start();

  const codeResults = (c: InterviewClient) => c.events.filter((e): e is ServerEvent<'code:result'> => e.type === 'code:result');

  it('runs the code once on the input: value, stdout and stderr; no test runs; visible tests show their inputs; never graded', async () => {
    const { c, sessionId } = await start();
    const traced = `import sys\n${stack.question.referenceSolution.python}\n_solve = lru_cache_operations\ndef lru_cache_operations(capacity, operations):\n    print("ops", len(operations))\n    print("capacity", capacity, file=sys.stderr)\n    return _solve(capacity, operations)\n`;
    await c.ok('code:update', { sessionId, clientId: 's1', language: 'python', code: traced });
    const input = '1\n\n[["put", 1, 10], ["put", 2, 20], ["get", 1], ["get", 2]]\n';
    const ack = await c.ok('code:run', { sessionId, clientId: 'custom-1', input });
    expect(ack).toEqual({ runId: expect.any(String), status: 'queued' });
    // The first sandboxed run of the file: up to a minute when the end-to-end tier runs beside the others on two cores.
    const result = await c.waitForEvent('code:result', (e) => e.runId === ack.runId, 60_000);
    expect(result).toMatchObject({ kind: 'run', status: 'PASSED', tests: [], visible: { passed: 0, total: 0 }, hidden: { passed: 0, total: 0 } });
    expect(result.custom).toEqual({
      args: [
        1,
        [
          ['put', 1, 10],
          ['put', 2, 20],
          ['get', 1],
          ['get', 2],
        ],
      ],
      returned: true,
      value: [null, null, -1, 20],
      stdout: 'ops 4\n',
      stderr: 'capacity 1\n',
      timeMs: expect.any(Number),
    });
    // The same clientId again is the same run.
    expect(await c.ok('code:run', { sessionId, clientId: 'custom-1', input })).toEqual({ runId: ack.runId, status: 'done' });

    // An exception on the input is its error; a NUL the code returns reads ␀ (Postgres stores none).
    const raising =
      'def lru_cache_operations(capacity, operations):\n    if capacity == 0:\n        raise ValueError("capacity must be positive")\n    return operations[0]\n';
    await c.ok('code:update', { sessionId, clientId: 's2', language: 'python', code: raising });
    const raised = await c.ok('code:run', { sessionId, clientId: 'custom-2', input: '0\n[]' });
    expect(await c.waitForEvent('code:result', (e) => e.runId === raised.runId, 30_000)).toMatchObject({
      status: 'RUNTIME_ERROR',
      custom: { args: [0, []], returned: false, error: expect.stringContaining('capacity must be positive') },
    });
    const nul = await c.ok('code:run', { sessionId, clientId: 'custom-3', input: '1\n["a\\u0000b"]' });
    expect((await c.waitForEvent('code:result', (e) => e.runId === nul.runId, 30_000)).custom).toMatchObject({ returned: true, value: 'a\u2400b' });

    // A test run shows each visible test's input beside expected and actual.
    await c.ok('code:update', { sessionId, clientId: 's3', language: 'python', code: stack.question.referenceSolution.python });
    const run = await c.ok('code:run', { sessionId, clientId: 'tests-1' });
    const tested = await c.waitForEvent('code:result', (e) => e.runId === run.runId, 30_000);
    expect(tested).toMatchObject({ status: 'PASSED', visible: { passed: 2, total: 2 } });
    expect(tested.custom).toBeUndefined();
    expect(tested.tests.map((t) => t.input)).toEqual(stack.question.tests.visible.map((t) => t.args));

    // The replay keeps each custom run's input; the report's run list and the graded code leave them out.
    const timeline = await request(stack.api.url)
      .get(`/api/sessions/${sessionId}/code-timeline`)
      .set('authorization', `Bearer ${stack.token}`)
      .expect(200);
    const runs = (timeline.body.entries as { type: string; input?: string; result?: { custom?: unknown } }[]).filter((e) => e.type === 'run');
    expect(runs.map((r) => r.input ?? null)).toEqual([input, '0\n[]', '1\n["a\\u0000b"]', null]);
    expect(runs[0]!.result?.custom).toMatchObject({ value: [null, null, -1, 20] });
    await c.ok('session:end', { sessionId });
    const { report } = await c.waitForEvent('session:report', () => true, 30_000);
    expect((report as { code: CodeReportSection }).code.timeline.map((t) => [t.kind, t.status])).toEqual([['run', 'PASSED']]);
  }, 90_000);

  it('refuses a bad input with a code saying what is wrong, and never queues it', async () => {
    const { c, sessionId } = await start();
    await c.ok('code:update', { sessionId, clientId: 's1', language: 'python', code: stack.question.referenceSolution.python });
    const send = (clientId: string, input: unknown) => c.send('code:run', { sessionId, clientId, input });
    expect(await send('one-line', '2')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CODE_INPUT', retryable: false, details: { expected: 2, got: 1, params: ['capacity', 'operations'] } },
    });
    expect(await send('bad-json', '2\n[["put", 1')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CODE_INPUT', details: { line: 2, param: 'operations' } },
    });
    expect(await send('too-long', `1\n[${'1,'.repeat(100)}1]`)).toMatchObject({
      ok: false,
      error: { code: 'CODE_INPUT_TOO_LONG', retryable: false, details: { limit: 200, length: 205 } },
    });
    expect(await send('not-text', [1, []])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', details: { issues: [{ path: 'input' }] } },
    });
    expect(await send('nul', '1\n["\u0000"]')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', details: { issues: [{ path: 'input' }] } },
    });
    // A submission always runs every test: it takes no input.
    expect(await c.send('code:submit', { sessionId, clientId: 'submit-input', input: '1\n[]' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    await c.marker(sessionId);
    expect(codeResults(c)).toEqual([]);
  });

  it('keeps the limits: an input that loops is TIMEOUT, one that prints too much OUTPUT_LIMIT, and CODE_RUNS_PER_USER holds', async () => {
    const { c, sessionId } = await start();
    const hostile =
      'def lru_cache_operations(capacity, operations):\n    if capacity < 0:\n        while True:\n            pass\n    print("x" * capacity)\n    return capacity\n';
    await c.ok('code:update', { sessionId, clientId: 's1', language: 'python', code: hostile });
    const loop = await c.ok('code:run', { sessionId, clientId: 'loop', input: '-1\n[]' });
    // One run in flight is this user's cap (CODE_RUNS_PER_USER=1): a second custom run waits its turn.
    const second = await c.send('code:run', { sessionId, clientId: 'second', input: '1\n[]' });
    expect(second).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryable: true, details: { retryAfterMs: 2000 } } });
    const looped = await c.waitForEvent('code:result', (e) => e.runId === loop.runId, 30_000);
    expect(looped).toMatchObject({ status: 'TIMEOUT', message: expect.stringMatching(/time limit/), custom: { args: [-1, []], returned: false } });
    const loud = await c.ok('code:run', { sessionId, clientId: 'loud', input: '100000\n[]' });
    expect(await c.waitForEvent('code:result', (e) => e.runId === loud.runId, 30_000)).toMatchObject({
      status: 'OUTPUT_LIMIT',
      custom: { returned: false },
    });
  });
});
