import type { INestApplicationContext } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { InterviewModule, SessionsRepository } from '../../libs/interview/index.js';
import { SessionNotifier } from '../../libs/interview/session-notifier.js';
import { MetricsModule } from '../../libs/metrics/index.js';
import type { ServerEvent } from '../../libs/protocol/index.js';
import { SessionDeliveryService } from '../../libs/realtime/session-delivery.service.js';
import { startServiceContext, startSession } from '../support/service-context.js';
import { waitFor } from '../support/wait-for.js';

/** A socket as delivery sees it, which records what it is sent. */
function recordingSocket(): { socket: Socket; seqs: number[] } {
  const seqs: number[] = [];
  const socket = {
    id: `s-${Math.random().toString(36).slice(2)}`,
    data: {},
    disconnected: false,
    emit: (_type: string, e: ServerEvent) => seqs.push(e.seq),
  };
  return { socket: socket as unknown as Socket, seqs };
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
