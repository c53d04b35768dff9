import { io, type Socket } from 'socket.io-client';
import { serverClock } from '../clock.js';
import type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ErrorDto,
  INTERVIEW_NAMESPACE,
  InterviewerDelta,
  ServerEvent,
  ServerEventType,
  ServerToClientEvents,
  SessionStateDto,
  SubmitIntent,
} from '../protocol.js';
import { type Outbox, type OutboxEntry, submitPayload } from './outbox.js';

const NAMESPACE: typeof INTERVIEW_NAMESPACE = '/interview';
const EVENT_TYPES: ServerEventType[] = [
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
const ACK_TIMEOUT_MS = 15_000;

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthenticated';

/** A fresh access token from the refresh cookie: `refused` means sign in again; `unreachable`, try later. */
export type RenewToken = () => Promise<{ ok: true } | { ok: false; reason: 'refused' | 'unreachable'; message: string }>;

export interface LiveConnectionHandlers {
  /** The highest `seq` applied so far: the join asks for everything after it. */
  lastSeq(): number;
  onJoin(ack: { state: SessionStateDto; events: ServerEvent[] }): void;
  onEvent(event: ServerEvent): void;
  /** A piece of an interviewer reply being written: not in the log (no `seq`), never replayed. */
  onDelta(delta: InterviewerDelta): void;
  onStatus(status: ConnectionStatus, detail?: string): void;
  /** The outbox changed (an answer was queued, acknowledged or refused). */
  onOutbox(entries: OutboxEntry[]): void;
  /** The server refused an answer for good (e.g. too long, session ended): it leaves the outbox. */
  onRefused(entry: OutboxEntry, error: ErrorDto): void;
}

/**
 * One live session over socket.io. On every (re)connect it joins with the last `seq` it holds, so the server
 * sends exactly the events it missed, then (re-)sends every unacknowledged answer with its original
 * `clientId`. Answers go out only after a join, never through socket.io's own buffer.
 */
export class LiveConnection {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private joined = false;
  private readonly inFlight = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing = false;
  private flushAgain = false;
  /** An answer was refused as retryable and waits for its re-send: the page says so until one is accepted. */
  private delayed = false;
  /** Bumped on every disconnect: a send loop from an older connection stops instead of blocking the new one. */
  private generation = 0;
  /** A handshake refused for its token was followed by one renewal since the last connect: a second refusal is final. */
  private renewed = false;

  constructor(
    private readonly sessionId: string,
    private readonly token: () => string | null,
    private readonly outbox: Outbox,
    private readonly handlers: LiveConnectionHandlers,
    /** Renews the token `token()` reads; without it a token refusal asks to sign in at once. */
    private readonly renew?: RenewToken,
  ) {}

  start(): void {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(NAMESPACE, {
      auth: (cb) => cb({ token: this.token() }),
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 4_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.renewed = false;
      void this.join();
    });
    socket.on('disconnect', (reason) => {
      this.joined = false;
      this.generation += 1;
      this.flushing = false;
      this.inFlight.clear();
      // The server closed us (its shutdown, or the token's expiry: the reconnect reads the renewed token): socket.io
      // does not retry that by itself. Reconnecting at once is not worth a "connection lost" banner.
      const reconnect = reason === 'io server disconnect' && navigator.onLine;
      this.handlers.onStatus(reconnect ? 'connecting' : 'offline', reason);
      if (reconnect) socket.connect();
    });
    socket.on('connect_error', (err: Error & { data?: ErrorDto }) => {
      const code = err.data?.code ?? err.message;
      if (code === 'UNAUTHENTICATED') void this.reauthenticate(socket, err.data?.message);
      else this.handlers.onStatus('offline', err.data?.message ?? err.message);
      // A refusal by the server's handshake check (not a lost link) is not retried by socket.io itself.
      if (!socket.active && err.data?.retryable) {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => socket.connect(), retryAfter(err.data));
      }
    });
    for (const type of EVENT_TYPES) {
      socket.on(type, (event: ServerEvent) => {
        serverClock.observeEvent(event.at);
        this.handlers.onEvent(event);
        if (event.type === 'answer:accepted') this.settle(event.clientId);
      });
    }
    // Ephemeral: no `seq` and no `at`, so neither the resume point nor the server clock moves.
    socket.on('interviewer:delta', (delta) => this.handlers.onDelta(delta));
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    this.handlers.onStatus('connecting');
    this.handlers.onOutbox(this.outbox.list());
  }

  stop(): void {
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Queues an answer, or with `intent: 'question'` a question to the interviewer (kept across reloads), and sends it when joined. */
  submit(text: string, intent?: SubmitIntent): OutboxEntry {
    const entry = this.outbox.add(text, intent);
    this.handlers.onOutbox(this.outbox.list());
    void this.flush();
    return entry;
  }

  /** A command that needs the connection (advance, end, retry): refused at once when offline. */
  async request<E extends Exclude<ClientEventName, 'session:join' | 'answer:submit'>>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<Ack<ClientAckData[E]>> {
    const socket = this.socket;
    if (!socket || !this.joined)
      return { ok: false, error: { code: 'OFFLINE', message: 'Not connected: try again when the connection is back.', retryable: true } };
    try {
      // socket.io's typed emitWithAck cannot narrow a generic event name; payload and ack are the protocol's for `E`.
      const untyped = socket as unknown as Socket;
      return (await untyped.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<ClientAckData[E]>;
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: 'The server did not answer in time.', retryable: true } };
    }
  }

  /** Simulating a dropped link is what the browser's offline event means; socket.io alone would wait for a ping timeout. */
  private readonly goOffline = () => {
    this.socket?.disconnect();
    this.handlers.onStatus('offline', 'You are offline.');
  };

  private readonly goOnline = () => {
    if (this.socket && !this.socket.connected) {
      this.handlers.onStatus('connecting');
      this.socket.connect();
    }
  };

  /**
   * The handshake was refused for its token (expired while offline, say): renew it once and reconnect, so a
   * network drop longer than the token's life does not sign the candidate out. Only a refused renewal (or a second
   * refusal) asks to sign in again; an unreachable refresh endpoint is retried.
   */
  private async reauthenticate(socket: Socket<ServerToClientEvents, ClientToServerEvents>, detail?: string): Promise<void> {
    if (!this.renew || this.renewed) {
      this.handlers.onStatus('unauthenticated', detail ?? 'Your sign-in has expired.');
      return;
    }
    this.renewed = true;
    this.handlers.onStatus('connecting');
    const result = await this.renew();
    if (this.socket !== socket) return; // stopped meanwhile
    if (result.ok) {
      socket.connect();
      return;
    }
    this.renewed = false;
    if (result.reason === 'refused') {
      this.handlers.onStatus('unauthenticated', result.message);
      return;
    }
    this.handlers.onStatus('offline', result.message);
    // Offline: the online event reconnects. Online but the server is away: try again shortly.
    if (navigator.onLine) {
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => socket.connect(), 3_000);
    }
  }

  private async join(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const lastSeq = this.handlers.lastSeq();
    let ack: Ack<ClientAckData['session:join']>;
    try {
      ack = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('session:join', lastSeq > 0 ? { sessionId: this.sessionId, lastSeq } : { sessionId: this.sessionId });
    } catch {
      socket.disconnect().connect();
      return;
    }
    if (!ack.ok) {
      this.handlers.onStatus('offline', ack.error.message);
      if (ack.error.retryable) this.retryTimer = setTimeout(() => void this.join(), retryAfter(ack.error));
      return;
    }
    this.handlers.onJoin(ack.data);
    for (const event of ack.data.events) if (event.type === 'answer:accepted') this.settle(event.clientId);
    this.joined = true;
    this.handlers.onStatus('online');
    await this.flush();
  }

  /** Sends queued answers one at a time, in the order they were typed. */
  private async flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    const generation = this.generation;
    try {
      do {
        this.flushAgain = false;
        await this.sendQueued(generation);
      } while (this.flushAgain && this.joined && generation === this.generation);
    } finally {
      if (generation === this.generation) this.flushing = false;
    }
  }

  private async sendQueued(generation: number): Promise<void> {
    const socket = this.socket;
    if (!socket || !this.joined) return;
    for (const entry of this.outbox.list()) {
      if (generation !== this.generation) return;
      if (this.inFlight.has(entry.clientId)) continue;
      this.inFlight.add(entry.clientId);
      let ack: Ack<ClientAckData['answer:submit']>;
      try {
        ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('answer:submit', submitPayload(this.sessionId, entry));
      } catch {
        this.inFlight.delete(entry.clientId); // no ack: it stays queued and goes again on the next join
        return;
      }
      this.inFlight.delete(entry.clientId);
      if (ack.ok) {
        this.settle(entry.clientId);
        if (this.delayed) this.handlers.onStatus('online');
        this.delayed = false;
      } else if (ack.error.retryable) {
        // Refused for now (load, a dependency down): kept, and sent again with the same clientId, so at most once.
        this.delayed = true;
        this.handlers.onStatus('online', 'The server could not take your answer just now; it is kept here and sent again in a moment.');
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.flush(), retryAfter(ack.error));
        return;
      } else {
        this.outbox.remove(entry.clientId);
        this.handlers.onOutbox(this.outbox.list());
        this.handlers.onRefused(entry, ack.error);
      }
    }
  }

  private settle(clientId: string): void {
    if (!this.outbox.list().some((e) => e.clientId === clientId)) return;
    this.outbox.remove(clientId);
    this.handlers.onOutbox(this.outbox.list());
  }
}

/** The server's `details.retryAfterMs` of a retryable refusal (2 s when it says nothing usable). */
export function retryAfter(error: ErrorDto): number {
  const ms = Number(error.details?.retryAfterMs);
  return Number.isFinite(ms) && ms > 0 ? ms : 2_000;
}
