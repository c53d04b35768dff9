import pg from 'pg';
import { dropDatabase, ensureDatabase, runMigrations } from '../../libs/db/index.js';
import { ADMIN_DATABASE_URL, databaseUrlFor, newTestDatabaseName } from '../support/test-env.js';

describe(runMigrations.name, () => {
  it('finds the run database up to date after global setup', async () => {
    await expect(runMigrations(process.env.DATABASE_URL as string)).resolves.toEqual([]);
  });

  it('creates a missing database, migrates it, and is a no-op the second time', async () => {
    const name = newTestDatabaseName();
    const url = databaseUrlFor(name);
    try {
      await expect(ensureDatabase(url)).resolves.toBe(true);
      await expect(runMigrations(url)).resolves.toContain('CreateUsers1764201600000');
      await expect(runMigrations(url)).resolves.toEqual([]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT to_regclass('public.users') AS t`);
      await client.end();
      expect(rows[0].t).toBe('users');
    } finally {
      await dropDatabase(ADMIN_DATABASE_URL, name);
    }
  });
});
