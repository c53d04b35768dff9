// Once per jest run (shared by the integration and e2e projects): a fresh database with migrations applied and
// a fresh BullMQ key prefix, handed to the test workers through the environment. Plain JS on the built libs,
// because jest loads global setup outside its ESM module graph; `npm test` builds dist/ first.
import { randomBytes } from 'node:crypto';
import { assertTestDatabase, createDatabase, runMigrations } from '../../dist/libs/db/index.js';

const admin = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function globalSetup() {
  if (globalThis.__testRun__) {
    globalThis.__testRun__.users += 1;
    return;
  }
  const database = `test_mi_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(admin);
  url.pathname = `/${database}`;
  assertTestDatabase(url.toString());
  await createDatabase(admin, database);
  await runMigrations(url.toString());
  globalThis.__testRun__ = { admin, database, users: 1 };
  process.env.TEST_ADMIN_DATABASE_URL = admin;
  // TEST_DATABASE_VIA=host:port: the apps (and the tests' own pools) talk to the database through a pooler there
  // (scripts/pgbouncer.sh; with DB_POOL_MODE=transaction); creating, migrating and dropping it stay direct.
  const via = process.env.TEST_DATABASE_VIA ? Object.assign(new URL(url), { host: process.env.TEST_DATABASE_VIA }) : url;
  process.env.DATABASE_URL = via.toString();
  process.env.QUEUE_PREFIX = `test-${randomBytes(4).toString('hex')}`;
  process.env.LOG_LEVEL ??= 'silent';
  process.env.MIGRATE_ON_START = 'false';
  // Every test file shares 127.0.0.1 and this database: the per-IP and rollout limits are tested on their own
  // settings (test/e2e/waitlist.e2e.ts, rollout.e2e.ts), not left to trip the other files.
  process.env.AUTH_RATE_LIMIT ??= '1000000';
  process.env.WAITLIST_RATE_LIMIT ??= '1000000';
  process.env.ROLLOUT_MAX_LIVE_SESSIONS ??= '0';
  process.env.ROLLOUT_SESSIONS_PER_USER_PER_DAY ??= '0';
  process.env.ROLLOUT_DAILY_TOKEN_BUDGET ??= '0';
}
