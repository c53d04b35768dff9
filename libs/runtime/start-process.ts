import { type AppConfig, loadConfig } from '#libs/config';
import { createLogger, type Logger } from '#libs/logging';
import { flushTracing } from '#libs/tracing';

interface Closable {
  close(): Promise<void>;
}

/**
 * The shared start-up of every long-running app: parse config once (a bad value exits 1 with a one-line
 * message naming the variable), start, and on SIGTERM/SIGINT close the app (Nest's shutdown hooks) within a
 * bound. The signal is handled here rather than by Nest's `enableShutdownHooks`, whose listener exists only
 * once start-up is over: a signal that came during start-up was swallowed and the process lingered until
 * the bound killed it. Here a signal during start-up waits for the start to finish, then closes.
 */
export async function startProcess(name: string, start: (config: AppConfig, logger: Logger) => Promise<Closable>): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${name}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(name, config.logLevel);
  const started = start(config, logger);
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // A second signal (SIGINT after SIGTERM) does not close twice; the bound below still holds.
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      // The hooks close everything; this only stops a hung shutdown from hanging forever.
      setTimeout(
        () => {
          logger.error('shutdown took too long; exiting');
          process.exit(1);
        },
        config.drain.delayMs + config.queue.shutdownTimeoutMs + 2_000,
      ).unref();
      void started
        .then((app) => app.close())
        .then(flushTracing)
        .then(
          () => process.exit(process.exitCode ?? 0),
          (err: unknown) => {
            logger.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
    });
  }
  try {
    await started;
  } catch (err) {
    logger.fatal({ err }, `${name} failed to start`);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  }
}
