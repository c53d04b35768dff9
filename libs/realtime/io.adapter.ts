import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '#libs/config';
import { SocketDrain } from './socket-drain.service.js';

/** socket.io server options that come from config (allowed origins, a payload cap), and the drain's hold on the server. */
export class ConfiguredIoAdapter extends IoAdapter {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const drain = this.app.get(SocketDrain, { strict: false });
    const server = super.createIOServer(port, {
      ...options,
      // A draining api (SIGTERM) takes no new connection: the client's reconnection tries again, elsewhere.
      allowRequest: (_req: unknown, answer: (err: string | null, ok: boolean) => void) =>
        answer(drain.accepting ? null : 'draining', drain.accepting),
      cors: { origin: this.config.http.allowedOrigins, credentials: true },
      // Room for the longest answer or code snapshot in 4-byte UTF-8 plus the envelope, or for twice the largest board
      // scene (so a scene up to twice the limit is refused with DIAGRAM_TOO_LARGE, not by a dropped connection); a
      // bigger frame is refused unparsed.
      maxHttpBufferSize:
        Math.max(Math.max(this.config.sessions.answerMaxChars, this.config.coding.maxChars) * 4, this.config.diagram.maxBytes * 2) + 4096,
    } as ServerOptions) as Server;
    drain.attach(server);
    return server;
  }
}
