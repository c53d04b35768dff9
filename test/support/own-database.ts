import pg from 'pg';
import { createDatabase, dropDatabase, runMigrations } from '../../libs/db/index.js';
import { ADMIN_DATABASE_URL, databaseUrlFor, newTestDatabaseName } from './test-env.js';

export interface OwnDatabase {
  url: string;
  /** A plain pg pool on it, for the assertions a test makes on rows. */
  sql: pg.Pool;
  drop(): Promise<void>;
}

/**
 * A migrated database of the test file's own, for tests whose global state (the waitlist's positions, the
 * rollout's settings row and live-session count) other files running at the same time must not disturb.
 */
export async function createOwnDatabase(): Promise<OwnDatabase> {
  const name = newTestDatabaseName();
  const url = databaseUrlFor(name);
  await createDatabase(ADMIN_DATABASE_URL, name);
  await runMigrations(url);
  const sql = new pg.Pool({ connectionString: url, max: 4 });
  // pg-pool's end() resolves once it has asked its idle clients to end, not once they have: the drop below (WITH FORCE)
  // can then terminate one still closing, whose error the pool re-emits. Nothing is using the pool by then.
  sql.on('error', () => undefined);
  return {
    url,
    sql,
    async drop() {
      await sql.end();
      await dropDatabase(ADMIN_DATABASE_URL, name);
    },
  };
}
