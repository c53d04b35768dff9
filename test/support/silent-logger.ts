import { createLogger, type Logger } from '../../libs/logging/index.js';

export function testLogger(name = 'test'): Logger {
  return createLogger(name, (process.env.LOG_LEVEL as 'silent' | undefined) ?? 'silent');
}
