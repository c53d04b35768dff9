import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { AuthService, roleGate } from '#libs/auth';
import type { AppConfig } from '#libs/config';
import { HttpExceptionFilter, securityHeaders, serveOpenApi, webClientHandler, ZodValidationPipe } from '#libs/http';
import { createHttpLogger, type Logger, NestPinoLogger, requestLogContext } from '#libs/logging';
import { httpMetrics, metricsHandler, MetricsService } from '#libs/metrics';
import { QueueDashboard } from '#libs/queue';
import { ConfiguredIoAdapter } from '#libs/realtime';
import { ApiModule } from './api.module.js';

const QUEUE_DASHBOARD_PATH = '/admin/queues';

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
  app.use(requestLogContext());
  const metrics = app.get(MetricsService);
  app.use(httpMetrics(metrics));
  app.useGlobalFilters(new HttpExceptionFilter(logger, (code) => metrics.refused('http', code)));
  // Input is validated once, at the controller boundary, against each handler's zod schema; the same schemas
  // make the OpenAPI document (`/api/docs`, `/api/docs/openapi.json`).
  app.useGlobalPipes(new ZodValidationPipe());
  serveOpenApi(app);
  // Operations, ahead of the web client: Prometheus' scrape (METRICS_TOKEN or private addresses) and the queue
  // dashboard (admins: a bearer token, or the cookie `POST /admin/queues/session` sets for a browser).
  app.use('/metrics', metricsHandler(metrics, config.metrics));
  app.use(
    QUEUE_DASHBOARD_PATH,
    roleGate(app.get(AuthService), {
      roles: ['admin'],
      cookie: { name: 'mi_queues', path: QUEUE_DASHBOARD_PATH, secure: config.auth.secureCookies },
    }),
    app.get(QueueDashboard).router(QUEUE_DASHBOARD_PATH),
  );
  app.enableCors({ origin: config.http.allowedOrigins, credentials: true });
  app.useWebSocketAdapter(new ConfiguredIoAdapter(app, config));
  // The built web client (apps/web → dist/web), on the same port; /api, /socket.io and /health stay the api's.
  const web = webClientHandler(config.http.webDir);
  if (web) app.use(web);
  else logger.info({ webDir: config.http.webDir }, 'web client not built; serving the api only');
  // Signals are handled by startProcess (libs/runtime), which closes the app.
  return app;
}
