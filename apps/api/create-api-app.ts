import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '#libs/config';
import { HttpExceptionFilter, securityHeaders, webClientHandler } from '#libs/http';
import { createHttpLogger, type Logger, NestPinoLogger } from '#libs/logging';
import { ConfiguredIoAdapter } from '#libs/realtime';
import { ApiModule } from './api.module.js';

/** Builds the HTTP + socket.io app; used by main.ts and by the end-to-end tests. */
export async function createApiApp(config: AppConfig, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
    bodyParser: true,
  });
  // Off by default. With N proxies in front, the client IP (for rate limits) is the address the outermost of
  // them appended to X-Forwarded-For, never one a client wrote there itself.
  app.set('trust proxy', config.ipRateLimits.trustProxyHops || false);
  app.use(securityHeaders());
  app.use(createHttpLogger(logger));
  app.useGlobalFilters(new HttpExceptionFilter(logger));
  app.enableCors({ origin: config.http.allowedOrigins, credentials: true });
  app.useWebSocketAdapter(new ConfiguredIoAdapter(app, config));
  // The built web client (apps/web → dist/web), on the same port; /api, /socket.io and /health stay the api's.
  const web = webClientHandler(config.http.webDir);
  if (web) app.use(web);
  else logger.info({ webDir: config.http.webDir }, 'web client not built; serving the api only');
  // Signals are handled by startProcess (libs/runtime), which closes the app.
  return app;
}
