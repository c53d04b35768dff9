import type { Ack, ErrorDto } from '../protocol.js';
import { CodeDraftStore, CodeSync, type CodeRequest } from './code-sync.js';

const S = '00000000-0000-4000-8000-000000000001';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

type Sent = { event: string; payload: Record<string, unknown> };

/** A server stand-in: records each request and answers with `reply` (by default: accepted). */
function server(reply: (s: Sent, n: number) => Ack<unknown> | undefined = () => undefined) {
  const sent: Sent[] = [];
  let runs = 0;
  const request = (async (event: string, payload: Record<string, unknown>) => {
    const s = { event, payload };
    sent.push(s);
    const custom = reply(s, sent.length);
    if (custom) return custom;
    return event === 'code:update'
      ? { ok: true, data: { snapshotId: `snap-${sent.length}`, at: '' } }
      : { ok: true, data: { runId: `run-${++runs}`, status: 'queued' } };
  }) as CodeRequest;
  return { sent, request };
}

const RETRYABLE = new Set(['RATE_LIMITED', 'UNAVAILABLE', 'OFFLINE', 'TIMEOUT']);
const refusal = (code: string, details?: Record<string, unknown>): Ack<never> => ({
  ok: false,
  error: { code, message: code, retryable: RETRYABLE.has(code), details },
});
const settled = () => new Promise((r) => setTimeout(r, 20));

describe(CodeSync.name, () => {
  it('sends the snapshot of the code before the run, and shows the run as running', async () => {
    const storage = memoryStorage();
    const { sent, request } = server();
    const sut = new CodeSync(
      S,
      new CodeDraftStore(S, storage),
      request,
      () => {},
      () => {},
    );
    sut.run('run', 'python', 'def f(): pass');
    await settled();
    expect(sent.map((s) => s.event)).toEqual(['code:update', 'code:run']);
    expect(sent[0]!.payload).toMatchObject({ sessionId: S, language: 'python', code: 'def f(): pass', clientId: expect.stringMatching(/^web-/) });
    expect(sut.draft()).toMatchObject({
      snapshot: null,
      commands: [],
      sent: { language: 'python', code: 'def f(): pass' },
      running: [{ runId: 'run-1', kind: 'run' }],
    });

    // The same code again is not sent again; the result settles the run.
    sut.run('submit', 'python', 'def f(): pass');
    await settled();
    expect(sent.map((s) => s.event)).toEqual(['code:update', 'code:run', 'code:submit']);
    sut.settle(new Set(['run-1']));
    expect(sut.draft().running).toEqual([{ runId: 'run-2', kind: 'submit' }]);
  });

  it('sends a run on the candidate’s input with that input, and keeps it through a reload', async () => {
    const storage = memoryStorage();
    const offline = server(() => refusal('OFFLINE'));
    new CodeSync(
      S,
      new CodeDraftStore(S, storage),
      offline.request,
      () => {},
      () => {},
    ).run('run', 'python', 'def f(x): return x', '[1, 2]');
    await settled();
    const queued = new CodeDraftStore(S, storage).read().commands;
    expect(queued).toEqual([{ clientId: expect.any(String), kind: 'run', input: '[1, 2]' }]);
    const { sent, request } = server();
    const sut = new CodeSync(
      S,
      new CodeDraftStore(S, storage),
      request,
      () => {},
      () => {},
    );
    sut.resume();
    await settled();
    expect(sent.map((s) => [s.event, s.payload.input])).toEqual([
      ['code:update', undefined],
      ['code:run', '[1, 2]'],
    ]);
    expect(sent[1]!.payload.clientId).toBe(queued[0]!.clientId);
    expect(sut.draft().running).toEqual([{ runId: 'run-1', kind: 'run', custom: true }]);
  });

  it('debounces typing into one snapshot of the latest text', async () => {
    const { sent, request } = server();
    const sut = new CodeSync(
      S,
      new CodeDraftStore(S, memoryStorage()),
      request,
      () => {},
      () => {},
      10,
    );
    for (const code of ['d', 'de', 'def']) sut.edit('javascript', code);
    expect(sent).toEqual([]);
    await settled();
    expect(sent.map((s) => [s.event, s.payload.code])).toEqual([['code:update', 'def']]);
  });

  it('keeps code and runs through an outage and a reload, then sends them with their first clientIds', async () => {
    const storage = memoryStorage();
    const offline = server(() => refusal('OFFLINE'));
    const before = new CodeSync(
      S,
      new CodeDraftStore(S, storage),
      offline.request,
      () => {},
      () => {},
    );
    before.run('run', 'python', 'print(1)');
    await settled();
    const [snapshot] = offline.sent; // the run waits behind it
    const [run] = before.draft().commands;
    before.edit('python', 'print(2)'); // typed after, not yet snapshotted when the page goes away
    before.stop();

    const online = server();
    const after = new CodeSync(
      S,
      new CodeDraftStore(S, storage),
      online.request,
      () => {},
      () => {},
    );
    expect(after.draft().code.python).toBe('print(2)');
    after.resume(); // what the hook does after a join
    await settled();
    // The unsent snapshot was replaced by the newer text (only the latest code matters); the run keeps its clientId.
    expect(online.sent.map((s) => [s.event, s.payload.code])).toEqual([
      ['code:update', 'print(2)'],
      ['code:run', undefined],
    ]);
    expect(online.sent[1]!.payload.clientId).toBe(run!.clientId);
    expect(online.sent[0]!.payload.clientId).not.toBe(snapshot!.payload.clientId);
  });

  it('waits out RATE_LIMITED and re-sends the same snapshot', async () => {
    const { sent, request } = server((s, n) => (n === 1 ? refusal('RATE_LIMITED', { retryAfterMs: 5 }) : undefined));
    const sut = new CodeSync(
      S,
      new CodeDraftStore(S, memoryStorage()),
      request,
      () => {},
      () => {},
    );
    sut.run('run', 'python', 'x = 1');
    await settled();
    expect(sent.map((s) => s.event)).toEqual(['code:update', 'code:update', 'code:run']);
    expect(sent[1]!.payload.clientId).toBe(sent[0]!.payload.clientId);
  });

  it('reports a refused snapshot and drops the runs queued behind it (they would run older code)', async () => {
    const refused: ErrorDto[] = [];
    const { sent, request } = server((s) => (s.event === 'code:update' ? refusal('CODE_TOO_LONG') : undefined));
    const sut = new CodeSync(
      S,
      new CodeDraftStore(S, memoryStorage()),
      request,
      () => {},
      (e) => refused.push(e),
    );
    sut.run('submit', 'python', 'x'.repeat(10));
    await settled();
    expect(sent.map((s) => s.event)).toEqual(['code:update']);
    expect(refused.map((e) => e.code)).toEqual(['CODE_TOO_LONG']);
    expect(sut.draft()).toMatchObject({ snapshot: null, commands: [], code: { python: 'x'.repeat(10) } });
  });

  it('starts from the server copy only when this browser holds nothing', () => {
    const storage = memoryStorage();
    const sut = new CodeSync(
      S,
      new CodeDraftStore(S, storage),
      server().request,
      () => {},
      () => {},
    );
    sut.restore('javascript', 'let a;');
    sut.restore('python', 'other');
    expect(sut.draft()).toMatchObject({ language: 'javascript', code: { javascript: 'let a;' }, sent: { language: 'javascript', code: 'let a;' } });
  });

  it('still restores after a join settled runs and resumed with nothing typed (a fresh browser)', () => {
    const storage = memoryStorage();
    const sut = new CodeSync(
      S,
      new CodeDraftStore(S, storage),
      server().request,
      () => {},
      () => {},
    );
    sut.resume();
    sut.settle(new Set(['run-1']));
    expect(sut.hasDraft()).toBe(false);
    expect(storage.data.size).toBe(0);
    sut.restore('javascript', 'let a;');
    expect(sut.draft()).toMatchObject({ language: 'javascript', code: { javascript: 'let a;' } });
  });

  it('survives a corrupt entry in storage', () => {
    const storage = memoryStorage();
    storage.setItem(`mi.code.${S}`, '{not json');
    expect(new CodeDraftStore(S, storage).read()).toMatchObject({ language: 'python', code: {}, commands: [] });
  });
});
