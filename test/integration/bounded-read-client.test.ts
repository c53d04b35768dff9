import pg from 'pg';
import { BoundedReadClient } from '../../libs/db/bounded-read-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from '../support/wait-for.js';

const READ_TIMEOUT_MS = 500;

/**
 * A connection whose reply never comes (a half-open link) is dropped, not handed out again. Checked the way
 * TypeORM uses the pool: check a client out, query, release it without an error. A plain pg client stays in the
 * pool after its read timeout and fails every later query on it (tried: ten in a row, then the pool's idle reaper).
 */
describe(BoundedReadClient.name, () => {
  let proxy: TcpProxy;
  let pool: pg.Pool;

  beforeEach(async () => {
    const database = new URL(process.env.DATABASE_URL as string);
    proxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    pool = new pg.Pool({
      connectionString: proxy.urlFor(database.toString()),
      Client: BoundedReadClient,
      max: 3,
      query_timeout: READ_TIMEOUT_MS,
      connectionTimeoutMillis: READ_TIMEOUT_MS,
    });
    pool.on('error', () => undefined); // a dropped idle connection: the pool removes it
  });
  afterEach(async () => {
    await pool.end();
    await proxy.close();
  });

  async function select(): Promise<'ok' | string> {
    const client = await pool.connect();
    try {
      await client.query('SELECT 1');
      return 'ok';
    } catch (err) {
      return (err as Error).message;
    } finally {
      client.release();
    }
  }

  it('drops a connection at its first late reply, so the pool holds only live connections once the network heals', async () => {
    expect(await Promise.all([select(), select(), select()])).toEqual(['ok', 'ok', 'ok']);
    expect(pool.totalCount).toBe(3);

    proxy.partition(); // the three open connections will never answer again
    expect(await select()).toBe('Query read timeout');
    await waitFor(async () => (pool.totalCount === 2 ? true : undefined), { timeoutMs: 2_000 });

    proxy.heal();
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(await select());
    // The two other frozen connections fail once each (the first time they are used) and are gone; then only live ones.
    expect(outcomes).toEqual(['Query read timeout', 'Query read timeout', 'ok', 'ok', 'ok', 'ok']);
  });

  it('answers a query that replies in time as pg does', async () => {
    const client = await pool.connect();
    try {
      expect((await client.query<{ n: number }>('SELECT $1::int AS n', [7])).rows).toEqual([{ n: 7 }]);
      await expect(client.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ code: '42P01' });
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      client.release();
    }
  });
});
