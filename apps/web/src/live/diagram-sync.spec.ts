import type { Ack, ClientAckData, ErrorDto } from '../protocol.js';
import { DIAGRAM_MAX_BYTES, DiagramSync, type DiagramRequest, toStoredScene } from './diagram-sync.js';

type Sent = Parameters<DiagramRequest>[0];

function server(reply: (n: number) => Ack<ClientAckData['diagram:update']> | undefined = () => undefined) {
  const sent: Sent[] = [];
  const request: DiagramRequest = async (payload) => {
    sent.push(payload);
    return reply(sent.length) ?? { ok: true, data: { snapshotId: `s${sent.length}`, seq: sent.length, at: '' } };
  };
  return { sent, request };
}
const settled = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const box = (id: string, version = 1, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'rectangle',
  version,
  x: 0,
  y: 0,
  width: 10,
  height: 10,
  ...extra,
});

describe(DiagramSync.name, () => {
  it('sends the latest drawing once drawing pauses, and nothing for a pan or the same drawing again', async () => {
    const { sent, request } = server();
    const sut = new DiagramSync(request, () => {}, 10);
    sut.changed([box('a')]);
    sut.changed([box('a', 2)]);
    await settled();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.scene.elements).toEqual([box('a', 2)]);
    expect(sut.ownClientIds.has(sent[0]!.clientId)).toBe(true);
    sut.changed([box('a', 2)]);
    await settled();
    expect(sent).toHaveLength(1);
  });

  it('sends nothing for a scene the server already has (loaded or another device’s)', async () => {
    const { sent, request } = server();
    const sut = new DiagramSync(request, () => {}, 10);
    sut.known([box('a', 3)]);
    sut.changed([box('a', 3)]);
    await settled();
    expect(sent).toEqual([]);
  });

  it('retries a rate-limited snapshot with the same clientId, waits offline, and reports other refusals', async () => {
    const refusals: (ErrorDto | null)[] = [];
    const replies: (Ack<never> | undefined)[] = [
      { ok: false, error: { code: 'RATE_LIMITED', message: '', retryable: true, details: { retryAfterMs: 5 } } },
      undefined,
      { ok: false, error: { code: 'OFFLINE', message: '', retryable: true } },
      undefined,
      { ok: false, error: { code: 'DIAGRAM_TOO_LARGE', message: 'too big', retryable: false } },
    ];
    const { sent, request } = server((n) => replies[n - 1]);
    const sut = new DiagramSync(request, (e) => refusals.push(e), 5);
    sut.changed([box('a')]);
    await settled(60);
    expect(sent.map((s) => s.clientId)).toEqual([sent[0]!.clientId, sent[0]!.clientId]);
    sut.changed([box('b')]);
    await settled();
    expect(sent).toHaveLength(3);
    sut.resume();
    await settled();
    expect(sent[3]!.clientId).toBe(sent[2]!.clientId);
    sut.changed([box('c')]);
    await settled();
    expect(refusals.at(-1)).toMatchObject({ code: 'DIAGRAM_TOO_LARGE' });
    sut.stop();
  });

  it('refuses a scene over the size limit without sending it, as the server would, and drops it until the next edit', async () => {
    const refusals: (ErrorDto | null)[] = [];
    const { sent, request } = server();
    const sut = new DiagramSync(request, (e) => refusals.push(e), 5);
    // 'é' is two bytes in UTF-8: a label of 600,000 of them is 1.2 MB though its JSON string is 600,000 characters.
    sut.changed([box('big', 1, { text: 'é'.repeat(600_000) })]);
    await settled();
    expect(sent).toEqual([]);
    expect(refusals).toEqual([
      {
        code: 'DIAGRAM_TOO_LARGE',
        message: expect.stringContaining(`the limit is ${DIAGRAM_MAX_BYTES}`),
        retryable: false,
        details: { limit: DIAGRAM_MAX_BYTES, bytes: expect.any(Number) },
      },
    ]);
    expect((refusals[0]!.details!.bytes as number) > 1_200_000).toBe(true);
    sut.resume();
    await settled();
    expect(sent).toEqual([]);
    expect(refusals).toHaveLength(1);
    sut.changed([box('small')]);
    await settled();
    expect(sent.map((s) => s.scene.elements)).toEqual([[box('small')]]);
    expect(refusals.at(-1)).toBeNull();
    sut.stop();
  });

  it('keeps only live elements the server stores (no images, no deleted elements)', () => {
    const { scene, left } = toStoredScene([box('a'), { ...box('img'), type: 'image' }, box('gone', 1, { isDeleted: true })], '#fff');
    expect(scene).toEqual({ type: 'excalidraw', version: 2, elements: [box('a')], appState: { viewBackgroundColor: '#fff' } });
    expect(left).toBe(1);
  });
});
