export { createHttpLogger, createLogger, NestPinoLogger, requestLogContext, type Logger } from './logger.js';
export { withLogContext } from './log-context.js';
export { LOGGER, LoggingModule } from './logging.module.js';
