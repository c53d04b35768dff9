import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD } from '../support/factories.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { answerCard, sendAnswer, signIn, startSession, strongAnswers } from './support/candidate.js';

const QUESTION = 'realtime-notifications';
const SLOW = 120_000;

/**
 * Issue 18, point 8: an answer sent while the api cannot reach Postgres is refused as retryable
 * (`UNAVAILABLE`); the page keeps it, says it will be sent again, and sends it (same clientId) once the
 * database is back: graded, shown once. Before, the client dropped any refusal but `RATE_LIMITED`.
 */
describe('the web client through a database outage', () => {
  let db: OwnDatabase;
  let proxy: TcpProxy;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let browser: Browser;

  beforeAll(async () => {
    db = await createOwnDatabase();
    const target = new URL(db.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const env = { QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000' };
    const bounds = { DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1500', DB_READ_TIMEOUT_MS: '2000' };
    // The worker first, on the default bounds: its boot records the content versions in this fresh database, so
    // the api's boot on the short bounds only reads them (the bounds are for the outage, not for a loaded boot).
    [worker, browser] = await Promise.all([startWorker({ ...env, DATABASE_URL: db.url }), launchBrowser()]);
    api = await startApi({ ...env, ...bounds, DATABASE_URL: proxy.urlFor(db.url) });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), worker?.close()]);
    await proxy?.close();
    await db?.drop();
  });

  it(
    'keeps an answer refused while the database is cut off, says so, and sends it once the database is back',
    async () => {
      const user = await createUser(worker, 'candidate');
      const p = await openPage(browser, api.url);
      try {
        const { page } = p;
        await signIn(page, user.email, DEFAULT_PASSWORD, '/dashboard');
        await startSession(page, QUESTION, 'practice');
        const [answer] = strongAnswers(worker, QUESTION, 1);

        proxy.partition();
        await sendAnswer(page, answer!);
        const pending = page.getByTestId('pending-answer').filter({ hasText: answer! });
        await pending.getByText('it is kept here and sent again in a moment', { exact: false }).waitFor({ timeout: 15_000 });
        await saveScreenshot(page, 'database-outage-kept');

        proxy.heal();
        await answerCard(page, answer!).and(page.locator('[data-status="scored"]')).waitFor({ timeout: 60_000 });
        expect(await page.getByTestId('pending-answer').count()).toBe(0);
        expect(await page.getByTestId('answer').count()).toBe(1);
        const { rows } = await db.sql.query(`SELECT count(*)::int AS n FROM session_turns WHERE speaker = 'candidate' AND text = $1`, [answer]);
        expect(rows[0].n).toBe(1);
      } finally {
        await saveScreenshot(p.page, 'database-outage').catch(() => undefined);
        await p.context.close();
      }
    },
    SLOW,
  );
});
