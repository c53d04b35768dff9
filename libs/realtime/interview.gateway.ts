import { Inject } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { AuthService, createSocketAuthMiddleware } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';

export const INTERVIEW_NAMESPACE = '/interview';

/** The live-session socket. Every connection is authenticated in `io.use` before any event reaches it. */
@WebSocketGateway({ namespace: INTERVIEW_NAMESPACE })
export class InterviewGateway implements OnGatewayInit<Namespace> {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(createSocketAuthMiddleware(this.auth, this.config.http.allowedOrigins));
  }
}
