import 'reflect-metadata';
import { runMigrations } from '#libs/db';
import { startProcess } from '#libs/runtime';
import { createApiApp } from './create-api-app.js';
import { drainApi } from './drain.js';

await startProcess('api', async (config, logger) => {
  if (config.database.migrateOnStart) {
    const applied = await runMigrations(config.database.url);
    logger.info({ applied }, applied.length ? 'migrations applied' : 'schema up to date');
  }
  const app = await createApiApp(config, logger);
  await app.listen(config.port);
  logger.info({ url: await app.getUrl() }, 'api listening');
  // SIGTERM drains before the app closes: readiness fails, then sockets close once their acks are sent.
  return { close: () => drainApi(app, config, logger).then(() => app.close()) };
});
