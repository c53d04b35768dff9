import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '#libs/config';
import { type Logger, NestPinoLogger } from '#libs/logging';
import { WorkerModule } from './worker.module.js';

/** A Nest application context with the BullMQ processors and no HTTP server. */
export async function createWorkerApp(config: AppConfig, logger: Logger): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
  });
  // Signals are handled by startProcess (libs/runtime), which closes the app.
  await app.init();
  return app;
}
