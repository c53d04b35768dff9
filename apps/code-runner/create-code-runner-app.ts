import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '#libs/config';
import { type Logger, NestPinoLogger } from '#libs/logging';
import { CodeRunnerModule } from './code-runner.module.js';

/** A Nest application context with the `code` queue's processor and no HTTP server. */
export async function createCodeRunnerApp(config: AppConfig, logger: Logger): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(CodeRunnerModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
  });
  // Signals are handled by startProcess (libs/runtime), which closes the app.
  await app.init();
  return app;
}
