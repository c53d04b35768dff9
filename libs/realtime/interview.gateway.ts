import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { AuthService, createSocketAuthMiddleware, type Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { parsePayload } from '#libs/errors';
import { CodeSessionService, DiagramSessionService, SessionsService } from '#libs/interview';
import { LOGGER, type Logger, withLogContext } from '#libs/logging';
import { MetricsService } from '#libs/metrics';
import { type Ack, type ClientAckData, type ClientEventName, type ClientPayload, clientPayloadSchemas, INTERVIEW_NAMESPACE } from '#libs/protocol';
import { withSpan } from '#libs/tracing';
import { SessionDeliveryService } from './session-delivery.service.js';
import { SocketAccessService } from './socket-access.service.js';
import { SocketRateLimiter } from './socket-rate-limiter.js';
import { toSocketError } from './socket-errors.js';

type Handler<E extends ClientEventName> = (principal: Principal, input: ClientPayload<E>, socket: Socket) => Promise<ClientAckData[E]>;

/**
 * The live-session socket. Every connection is authenticated in `io.use` before any event reaches it.
 * Handlers are bound straight on each socket (one listener per event) rather than through
 * `@SubscribeMessage`, whose per-socket observable pipeline doubled the memory of an idle connection.
 */
@WebSocketGateway({ namespace: INTERVIEW_NAMESPACE })
export class InterviewGateway implements OnGatewayInit<Namespace> {
  private readonly handlers: { [E in ClientEventName]: Handler<E> } = {
    'session:join': async (principal, input, socket) => {
      const state = await this.sessions.joinState(principal, input.sessionId);
      const events = await this.delivery.join(socket, input.sessionId, input.lastSeq ?? 0);
      return { state, events };
    },
    'answer:submit': (principal, input) => this.sessions.submitAnswer(principal, input),
    'phase:advance': (principal, input) => this.sessions.advance(principal, input.sessionId),
    'session:end': (principal, input) => this.sessions.end(principal, input.sessionId),
    'grade:retry': (principal, input) => this.sessions.retryGrade(principal, input),
    'code:update': (principal, input) => this.code.update(principal, input),
    'code:run': (principal, input) => this.code.run(principal, input, 'run'),
    'code:submit': (principal, input) => this.code.run(principal, input, 'submit'),
    'diagram:update': (principal, input) => this.diagram.update(principal, input),
  };

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly code: CodeSessionService,
    private readonly diagram: DiagramSessionService,
    private readonly delivery: SessionDeliveryService,
    private readonly limiter: SocketRateLimiter,
    private readonly access: SocketAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: MetricsService,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(createSocketAuthMiddleware(this.auth, this.config.http.allowedOrigins));
    namespace.on('connection', (socket: Socket) => this.bind(socket));
  }

  private bind(socket: Socket): void {
    // The handshake is already copied onto `socket.handshake`; the raw upgrade request is never read again.
    (socket.conn as unknown as { request: unknown }).request = null;
    this.access.track(socket);
    this.metrics.socketOpened();
    for (const event of Object.keys(this.handlers) as ClientEventName[]) {
      socket.on(event, (...args: unknown[]) => {
        // `emit(event, ack)` with no payload puts the callback first: answer it (INVALID_PAYLOAD), never leave it hanging.
        const ack = args.at(-1);
        const body = typeof args[0] === 'function' ? undefined : args[0];
        void this.traced(socket, event, body).then((res) => {
          if (typeof ack === 'function') ack(res);
        });
      });
    }
    socket.on('disconnect', () => {
      this.metrics.socketClosed();
      this.delivery.leave(socket);
      this.limiter.forget(socket.id);
    });
  }

  /** One client event: its log lines carry the event, socket and session; it is one span (the root of an answer's trace). */
  private traced<E extends ClientEventName>(socket: Socket, event: E, body: unknown): Promise<Ack<ClientAckData[E]>> {
    const raw = (body as { sessionId?: unknown } | undefined)?.sessionId;
    const sessionId = typeof raw === 'string' && raw.length <= 64 ? raw : undefined;
    return withLogContext({ socketEvent: event, socketId: socket.id, sessionId }, () =>
      withSpan(
        `socket ${event}`,
        { 'messaging.system': 'socket.io', 'socket.event': event, ...(sessionId ? { 'session.id': sessionId } : {}) },
        async (span) => {
          const started = performance.now();
          const ack = await this.run(socket, event, body);
          if (!ack.ok) span.setAttributes({ 'error.code': ack.error.code });
          // The socket's counterpart of the HTTP request log, at debug: every event, its outcome and time.
          this.logger.debug(
            { ok: ack.ok, code: ack.ok ? undefined : ack.error.code, ms: Math.round(performance.now() - started) },
            'socket event handled',
          );
          return ack;
        },
      ),
    );
  }

  /** Rate-limit, validate, call the service; every refusal is an ack with a code (and an `error` event). */
  private async run<E extends ClientEventName>(socket: Socket, event: E, body: unknown): Promise<Ack<ClientAckData[E]>> {
    const principal = socket.data.principal as Principal;
    try {
      await this.limiter.check(socket.id, principal.userId);
      await this.access.assertCurrent(socket);
      const input = parsePayload(clientPayloadSchemas[event], body) as ClientPayload<E>;
      const handler = this.handlers[event] as Handler<E>;
      return { ok: true, data: await handler(principal, input, socket) };
    } catch (err) {
      const { dto, unexpected } = toSocketError(err);
      this.metrics.refused('socket', dto.code);
      if (unexpected) {
        const errorId = randomUUID();
        this.logger.error({ err, event, errorId, userId: principal.userId }, 'socket handler failed');
        dto.details = { errorId };
      } else if (dto.code === 'UNAVAILABLE') {
        this.logger.warn({ err, event, userId: principal.userId }, 'socket handler refused: a dependency is unavailable');
      }
      socket.emit('error', dto);
      return { ok: false, error: dto };
    }
  }
}
