import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '#libs/config';

/** socket.io server options that come from config: allowed origins and a payload cap. */
export class ConfiguredIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.http.allowedOrigins, credentials: true },
      // Room for the longest answer or code snapshot in 4-byte UTF-8 plus the envelope, or for twice the largest board
      // scene (so a scene up to twice the limit is refused with DIAGRAM_TOO_LARGE, not by a dropped connection); a
      // bigger frame is refused unparsed.
      maxHttpBufferSize: Math.max(Math.max(this.config.sessions.answerMaxChars, this.config.coding.maxChars) * 4, this.config.diagram.maxBytes * 2) + 4096,
    } as ServerOptions) as Server;
  }
}
