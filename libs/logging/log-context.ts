import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the work in hand is: an HTTP request (`requestId`), a socket event (`socketEvent`, `socketId`,
 * `sessionId`) or a job (`queue`, `job`, `jobId`). Every log line written inside `withLogContext` carries it
 * (the logger's mixin reads it), whichever logger wrote the line.
 */
export interface LogContext {
  requestId?: string;
  socketEvent?: string;
  socketId?: string;
  sessionId?: string;
  queue?: string;
  job?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` added to the current one (an inner context keeps the outer's fields). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  const outer = storage.getStore();
  return storage.run(outer ? { ...outer, ...context } : context, work);
}

/** The context of the work in hand ({} outside any). */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
