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
      // Room for the longest answer or code snapshot in 4-byte UTF-8 plus the envelope; a bigger frame is refused unparsed.
      maxHttpBufferSize: Math.max(this.config.sessions.answerMaxChars, this.config.coding.maxChars) * 4 + 4096,
    } as ServerOptions) as Server;
  }
}
