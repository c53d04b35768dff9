import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ErrorDto,
  InterviewerDelta,
  ServerEvent,
  ServerToClientEvents,
} from '../../libs/protocol/index.js';
import { waitFor } from './wait-for.js';

const SERVER_EVENTS: ServerEvent['type'][] = [
  'phase:changed',
  'interviewer:message',
  'answer:accepted',
  'grade:status',
  'grade:scored',
  'grade:failed',
  'session:report',
  'session:report-failed',
  'session:ended',
  'code:result',
  'diagram:updated',
];

/** A real socket.io client on `/interview` that records every server event it is sent, in arrival order. */
export class InterviewClient {
  readonly events: ServerEvent[] = [];
  readonly errors: ErrorDto[] = [];
  /** Pieces of streamed interviewer replies (not in the log), with when they arrived. */
  readonly deltas: (InterviewerDelta & { receivedAt: number })[] = [];
  private constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    for (const type of SERVER_EVENTS) {
      (socket as unknown as Socket).on(type, (event: ServerEvent) => this.events.push(event));
    }
    socket.on('interviewer:delta', (delta) => this.deltas.push({ ...delta, receivedAt: performance.now() }));
    socket.on('error', (e) => this.errors.push(e));
  }

  static async connect(baseUrl: string, token: string): Promise<InterviewClient> {
    const socket = io(`${baseUrl}/interview`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new InterviewClient(socket);
  }

  send<E extends ClientEventName>(event: E, payload: ClientPayload<E> | Record<string, unknown>): Promise<Ack<ClientAckData[E]>> {
    return (this.socket as unknown as Socket).timeout(10_000).emitWithAck(event, payload) as Promise<Ack<ClientAckData[E]>>;
  }

  async ok<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<ClientAckData[E]> {
    const ack = await this.send(event, payload);
    if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  }

  /** Joins and records the ack's missed events as if they had arrived live. */
  async join(sessionId: string, lastSeq?: number): Promise<ClientAckData['session:join']> {
    const data = await this.ok('session:join', lastSeq === undefined ? { sessionId } : { sessionId, lastSeq });
    this.events.push(...data.events);
    return data;
  }

  waitForEvent<T extends ServerEvent['type']>(
    type: T,
    where: (e: ServerEvent<T>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<ServerEvent<T>> {
    return waitFor(
      async () => this.events.find((e) => e.type === type && where(e as unknown as ServerEvent<T>)) as unknown as ServerEvent<T> | undefined,
      {
        timeoutMs,
      },
    );
  }

  /**
   * A later action whose event bounds the window: asks the interviewer a question (stored, never graded) and waits
   * for its `answer:accepted`. The log is delivered in order without gaps, so once it is here every event committed
   * before it is here too: "nothing else arrived" is then checked against what the log holds, not after a sleep.
   */
  async marker(sessionId: string): Promise<number> {
    const { seq } = await this.ok('answer:submit', {
      sessionId,
      clientId: `marker-${Math.random().toString(36).slice(2)}`,
      text: 'Is that clear?',
      intent: 'question',
    });
    await waitFor(async () => (this.events.some((e) => e.seq >= seq) ? true : undefined), { timeoutMs: 15_000 });
    return seq;
  }

  close(): void {
    this.socket.close();
  }
}

/** Seqs must be 1..n with no gap and no repeat: what "every event, in order, exactly once" means on the wire. */
export function expectGapless(events: ServerEvent[], from = 1): void {
  const seqs = events.map((e) => e.seq);
  const expected = Array.from({ length: seqs.length }, (_, i) => from + i);
  if (JSON.stringify(seqs) !== JSON.stringify(expected)) {
    throw new Error(`event seqs are not gapless from ${from}: ${seqs.join(',')}`);
  }
}
