import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { type RunningApi } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD } from '../support/factories.js';
import { type OwnDatabase } from '../support/own-database.js';
import { openPage, saveScreenshot } from './support/browser.js';
import { startBrowserStack, type BrowserStack } from './support/stack.js';
import { answerCard, sendAnswer, signIn, startSession, strongAnswers } from './support/candidate.js';

const SLOW = 180_000;
const QUESTION = 'realtime-notifications';
/** The access token's life, shortened by config as a 15-minute token is against a 60-minute session. */
const TTL_S = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 20, point 2: a session outlives its access token. The page renews the token before it expires (the
 * refresh cookie), so a network drop past the expiry ends in a reconnect with a fresh token, not a sign-in
 * prompt, and the answer typed while offline is delivered. A spent refresh token is refused, and once its
 * family is revoked the page says so in its connection banner.
 */
describe('a live session outlives its access token', () => {
  let db: OwnDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let browser: Browser;

  let stack: BrowserStack;
  beforeAll(async () => {
    stack = await startBrowserStack({ JWT_TTL_SECONDS: String(TTL_S) });
    ({ db, api, worker, browser } = stack);
  });
  afterAll(() => stack?.stop());

  it(
    'survives a network drop past the token expiry without asking to sign in, and delivers the queued answer',
    async () => {
      const user = await createUser(worker, 'candidate');
      const p = await openPage(browser, api.url);
      const { page, context } = p;
      try {
        await signIn(page, user.email, DEFAULT_PASSWORD, '/dashboard');
        const firstRefresh = (await context.cookies()).find((c) => c.name === 'mi_refresh');
        expect(firstRefresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/refresh' });
        const sessionId = await startSession(page, QUESTION, 'practice');
        const [first, second] = strongAnswers(worker, QUESTION, 2);
        await sendAnswer(page, first!);
        await answerCard(page, first!).and(page.locator('[data-status="scored"]')).waitFor({ timeout: 60_000 });

        // Several token lifetimes online: the page keeps renewing, the socket keeps working.
        await sleep(TTL_S * 2_500);
        expect(await page.getByText('Your sign-in has expired').count()).toBe(0);

        await context.setOffline(true);
        await page.getByTestId('connection-banner').waitFor();
        await sendAnswer(page, second!);
        await page.getByTestId('pending-answer').filter({ hasText: second! }).getByText('will be sent automatically').waitFor();
        await sleep(TTL_S * 1_000 + 2_500); // the token the page holds has expired meanwhile
        await saveScreenshot(page, 'session-refresh-offline');
        await context.setOffline(false);

        await answerCard(page, second!).waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('pending-answer').count()).toBe(0);
        expect(await page.getByText('Your sign-in has expired').count()).toBe(0);
        expect(new URL(page.url()).pathname).toBe(`/sessions/${sessionId}`);
        const { rows } = await db.sql.query(`SELECT count(*)::int AS n FROM session_turns WHERE speaker = 'candidate' AND text = $1`, [second]);
        expect(rows[0].n).toBe(1);

        // The first refresh token was spent long ago: presented again it is refused, and its family revoked,
        await request(api.url).post('/api/auth/refresh').set('cookie', `mi_refresh=${firstRefresh!.value}`).expect(401);
        // so the page's next renewal fails, and the page says so where the candidate is looking.
        const banner = page.getByTestId('connection-banner');
        await banner.getByText('sign in again', { exact: false }).waitFor({ timeout: TTL_S * 3_000 });
        expect(await banner.getByRole('link', { name: 'Sign in again' }).count()).toBe(1);
        expect(new URL(page.url()).pathname).toBe(`/sessions/${sessionId}`);
      } finally {
        await saveScreenshot(page, 'session-refresh').catch(() => undefined);
        await context.close();
      }
    },
    SLOW,
  );
});
