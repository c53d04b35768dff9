import type { INestApplicationContext } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { InterviewModule, SessionsRepository } from '../../libs/interview/index.js';
import { SessionNotifier } from '../../libs/interview/session-notifier.js';
import { MetricsModule } from '../../libs/metrics/index.js';
import type { DiagramScene, ServerEvent } from '../../libs/protocol/index.js';
import { SessionDeliveryService } from '../../libs/realtime/session-delivery.service.js';
import { startServiceContext, startSession } from '../support/service-context.js';
import { waitFor } from '../support/wait-for.js';

/** A socket as delivery sees it, which records what it is sent. */
function recordingSocket(): { socket: Socket; seqs: number[]; emitted: ServerEvent[] } {
  const seqs: number[] = [];
  const emitted: ServerEvent[] = [];
  const socket = {
    id: `s-${Math.random().toString(36).slice(2)}`,
    data: {},
    disconnected: false,
    emit: (_type: string, e: ServerEvent) => {
      seqs.push(e.seq);
      emitted.push(e);
    },
  };
  return { socket: socket as unknown as Socket, seqs, emitted };
}

/** Delivery from the event log to an api process's sockets, on the real Postgres and Redis pub/sub. */
describe(SessionDeliveryService.name, () => {
  let app: INestApplicationContext;
  let sut: SessionDeliveryService;
  let sessions: SessionsRepository;

  beforeAll(async () => {
    app = await startServiceContext([InterviewModule, MetricsModule], {}, [SessionDeliveryService]);
    sut = app.get(SessionDeliveryService);
    sessions = app.get(SessionsRepository);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** One transaction's event (a status said of a turn), committed; its notice is published only when `told`. */
  async function append(sessionId: string, told: boolean): Promise<number> {
    const done = await sessions.inSession(sessionId, (tx) => tx.appendEvent('grade:status', { turnId: crypto.randomUUID(), status: 'queued' }));
    if (told) await app.get(SessionNotifier).notify(done!.appended);
    return done!.result;
  }

  it('fills the gap from the log when a notice arrives ahead of the socket (an earlier notice was lost)', async () => {
    const { sessionId } = await startSession(app);
    const { socket, seqs } = recordingSocket();
    const joined = await sut.join(socket, sessionId, 0);
    const lost = await append(sessionId, false);
    const told = await append(sessionId, true);

    await waitFor(async () => (seqs.includes(told) ? true : undefined));
    expect(seqs).toEqual([lost, told]);
    expect(lost).toBe(joined.at(-1)!.seq + 1);
  });

  it('sends the scene only in the latest diagram:updated of a join, every seq still there; an emit carries its scene', async () => {
    const { sessionId } = await startSession(app);
    const scene = (label: string) => ({ type: 'excalidraw', version: 2, elements: [{ id: label, type: 'rectangle' }], appState: {} }) as DiagramScene;
    const snapshot = async (n: number, told = false) => {
      const done = await sessions.inSession(sessionId, (tx) =>
        tx.appendEvent('diagram:updated', { snapshotId: crypto.randomUUID(), clientId: `c${n}`, phaseId: 'p', scene: scene(`box-${n}`) }),
      );
      if (told) await app.get(SessionNotifier).notify(done!.appended);
      return done!.result;
    };
    for (const n of [1, 2, 3]) await snapshot(n);
    const after = await append(sessionId, false);

    const { socket, emitted } = recordingSocket();
    const joined = await sut.join(socket, sessionId, 0);
    expect(joined.map((e) => e.seq)).toEqual(joined.map((_, i) => i + 1));
    expect(joined.map((e) => e.seq)).toContain(after);
    const boards = joined.filter((e): e is ServerEvent<'diagram:updated'> => e.type === 'diagram:updated');
    expect(boards.map((e) => [e.clientId, e.scene ?? null])).toEqual([
      ['c1', null],
      ['c2', null],
      ['c3', scene('box-3')],
    ]);
    // A resume from the second snapshot gets the third with its scene.
    expect((await sut.join(recordingSocket().socket, sessionId, boards[1]!.seq)).find((e) => e.type === 'diagram:updated')).toMatchObject({
      clientId: 'c3',
      scene: scene('box-3'),
    });

    const live = await snapshot(4, true);
    await waitFor(async () => (emitted.some((e) => e.seq === live) ? true : undefined));
    expect(emitted.find((e) => e.seq === live)).toMatchObject({ type: 'diagram:updated', scene: scene('box-4') });
  });

  it('delivers each event once, in order, to every socket of the session from its own cursor', async () => {
    const { sessionId } = await startSession(app);
    const a = recordingSocket();
    const b = recordingSocket();
    const joined = await sut.join(a.socket, sessionId, 0);
    await sut.join(b.socket, sessionId, joined.at(-1)!.seq);
    const first = await append(sessionId, true);
    const second = await append(sessionId, true);
    // The marker: a later event whose arrival bounds the window in which a duplicate would have arrived.
    const marker = await append(sessionId, true);

    await waitFor(async () => (a.seqs.includes(marker) && b.seqs.includes(marker) ? true : undefined));
    expect(a.seqs).toEqual([first, second, marker]);
    expect(b.seqs).toEqual([first, second, marker]);
  });
});
