import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { type DestinationStream, pino, type Logger, type LevelWithSilent } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { currentLogContext, withLogContext } from './log-context.js';

export type { Logger } from 'pino';

/**
 * One JSON logger per process; `service` tells the api's lines from the worker's. Lines are written
 * synchronously: pino's default (asynchronous) stdout loses what is still queued when the process ends
 * abruptly (killed by a signal, or forced out by a hung shutdown), and those last lines matter most.
 */
export function createLogger(
  service: string,
  level: LevelWithSilent,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  return pino(
    // The mixin adds the request, socket event or job in hand (see `withLogContext`) to every line.
    { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime, mixin: () => ({ ...currentLogContext() }) },
    destination,
  );
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Request logging with a request id: the caller's `x-request-id` when it is sane, else a new UUID, echoed back. */
export function createHttpLogger(logger: Logger): HttpLogger<IncomingMessage, ServerResponse> {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    // Method, path and id are enough to follow a request; headers carry tokens.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

/**
 * After the request logger: the rest of the request (guards, controller, services, their log lines) runs with its
 * request id as the log context.
 */
export function requestLogContext(): (req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void) => void {
  return (req, _res, next) => withLogContext({ requestId: req.id === undefined ? undefined : String(req.id) }, next);
}

/** Routes Nest's own framework logs into the same JSON stream. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    // Nest's start-up chatter (every module and route) is debug detail, not operations news.
    const chatter = context === 'InstanceLoader' || context === 'RoutesResolver' || context === 'RouterExplorer';
    this.logger[chatter ? 'debug' : 'info']({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
