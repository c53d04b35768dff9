import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { AuthService, createSocketAuthMiddleware, type Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { parsePayload } from '#libs/errors';
import { SessionsService } from '#libs/interview';
import { LOGGER, type Logger } from '#libs/logging';
import { type Ack, type ClientAckData, type ClientEventName, type ClientPayload, clientPayloadSchemas, INTERVIEW_NAMESPACE } from '#libs/protocol';
import { SessionDeliveryService } from './session-delivery.service.js';
import { SocketRateLimiter } from './socket-rate-limiter.js';
import { toSocketError } from './socket-errors.js';

/** The live-session socket. Every connection is authenticated in `io.use` before any event reaches it. */
@WebSocketGateway({ namespace: INTERVIEW_NAMESPACE })
export class InterviewGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket>, OnGatewayDisconnect<Socket> {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly delivery: SessionDeliveryService,
    private readonly limiter: SocketRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(createSocketAuthMiddleware(this.auth, this.config.http.allowedOrigins));
  }

  /**
   * The handshake (headers, auth) is already copied onto `socket.handshake`; the raw upgrade request is
   * never read again, and keeping it costs several KB per idle socket.
   */
  handleConnection(socket: Socket): void {
    (socket.conn as unknown as { request: unknown }).request = null;
  }

  handleDisconnect(socket: Socket): void {
    this.delivery.leave(socket);
    this.limiter.forget(socket.id);
  }

  @SubscribeMessage('session:join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, 'session:join', body, async (principal, input) => {
      const { state } = await this.sessions.join(principal, { sessionId: input.sessionId, lastSeq: 0 });
      const events = await this.delivery.join(socket, input.sessionId, input.lastSeq ?? 0);
      return { state, events };
    });
  }

  @SubscribeMessage('answer:submit')
  submit(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, 'answer:submit', body, (principal, input) => this.sessions.submitAnswer(principal, input));
  }

  @SubscribeMessage('phase:advance')
  advance(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, 'phase:advance', body, (principal, input) => this.sessions.advance(principal, input.sessionId));
  }

  @SubscribeMessage('session:end')
  end(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, 'session:end', body, (principal, input) => this.sessions.end(principal, input.sessionId));
  }

  @SubscribeMessage('grade:retry')
  retry(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, 'grade:retry', body, (principal, input) => this.sessions.retryGrade(principal, input));
  }

  /** Rate-limit, validate, call the service; every refusal is an ack with a code (and an `error` event). */
  private async run<E extends ClientEventName>(
    socket: Socket,
    event: E,
    body: unknown,
    fn: (principal: Principal, input: ClientPayload<E>) => Promise<ClientAckData[E]>,
  ): Promise<Ack<ClientAckData[E]>> {
    const principal = socket.data.principal as Principal;
    try {
      await this.limiter.check(socket.id, principal.userId);
      const input = parsePayload(clientPayloadSchemas[event], body) as ClientPayload<E>;
      return { ok: true, data: await fn(principal, input) };
    } catch (err) {
      const { dto, unexpected } = toSocketError(err);
      if (unexpected) {
        const errorId = randomUUID();
        this.logger.error({ err, event, errorId, userId: principal.userId }, 'socket handler failed');
        dto.details = { errorId };
      }
      socket.emit('error', dto);
      return { ok: false, error: dto };
    }
  }
}
