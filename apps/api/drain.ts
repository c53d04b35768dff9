import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '#libs/config';
import { Readiness } from '#libs/health';
import type { Logger } from '#libs/logging';
import { SocketDrain } from '#libs/realtime';

/**
 * The api's drain on SIGTERM, before the app closes: readiness fails at once (a load balancer stops sending new
 * clients), DRAIN_DELAY_MS later every socket is closed as soon as its in-flight events are acknowledged (within
 * half of SHUTDOWN_TIMEOUT_MS), so clients reconnect to another api and re-join with their last seq.
 */
export async function drainApi(app: INestApplication, config: AppConfig, logger: Logger): Promise<void> {
  app.get(Readiness).startDraining();
  logger.info({ delayMs: config.drain.delayMs }, 'draining: readiness fails; sockets close after the delay');
  await new Promise((r) => setTimeout(r, config.drain.delayMs));
  const drained = await app.get(SocketDrain, { strict: false }).drain(config.queue.shutdownTimeoutMs / 2);
  logger.info(drained, 'drained: every socket closed');
}
