import { dropDatabase } from '../../dist/libs/db/index.js';

export default async function globalTeardown() {
  const run = globalThis.__testRun__;
  if (!run) return;
  run.users -= 1;
  if (run.users > 0) return;
  globalThis.__testRun__ = undefined;
  await dropDatabase(run.admin, run.database);
}
