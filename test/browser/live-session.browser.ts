import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD } from '../support/factories.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { type BrowserPage, launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { answerCard, sendAnswer, signIn, startSession, strongAnswers } from './support/candidate.js';

const QUESTION = 'realtime-notifications';

/**
 * A candidate in Debian's Chromium against the real api (serving the built client), worker, Postgres and
 * Redis, graded by the offline rubric grader.
 */
describe('live session in the browser', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  const env = { QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000' };

  beforeAll(async () => {
    [api, worker, browser] = await Promise.all([startApi(env), startWorker(env), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), worker?.close()]);
  });

  /** A fresh candidate signed in on a fresh page; the page's last screen is saved whatever happens. */
  async function asCandidate(name: string, fn: (p: BrowserPage, user: { id: string; email: string }) => Promise<void>): Promise<void> {
    const user = await createUser(worker, 'candidate');
    const p = await openPage(browser, api.url);
    try {
      await signIn(p.page, user.email, DEFAULT_PASSWORD, '/dashboard');
      await fn(p, user);
    } finally {
      await saveScreenshot(p.page, name).catch(() => undefined);
      await p.context.close();
    }
  }

  async function transcript(p: BrowserPage, sessionId: string) {
    return p.page.evaluate(async (id) => {
      const { localStorage } = globalThis as unknown as { localStorage: { getItem(key: string): string | null } };
      const res = await fetch(`/api/sessions/${id}`, { headers: { authorization: `Bearer ${localStorage.getItem('mi.accessToken')}` } });
      return (await res.json()) as { transcript: { speaker: string; text: string; clientId?: string }[]; state: { status: string } };
    }, sessionId);
  }

  it('runs a practice session through every phase, with live feedback, and shows the report', async () => {
    await asCandidate('practice-session', async ({ page, errors }) => {
      await startSession(page, QUESTION, 'practice');
      const answers = strongAnswers(worker, QUESTION, 5);
      for (let i = 0; i < 5; i++) {
        await expectPhase(page, i + 1);
        await sendAnswer(page, answers[i]!);
        const card = answerCard(page, answers[i]!);
        await card.and(page.locator('[data-status="scored"]')).waitFor({ timeout: 30_000 });
        await card.getByTestId('live-feedback').waitFor();
        expect(await card.getByTestId('answer-score').textContent()).toMatch(/^\d+ \/ 100$/);
        await page.getByRole('button', { name: i < 4 ? 'Next phase' : 'Finish interview' }).click();
      }
      expect(await page.getByTestId('coverage-map').locator('li').count()).toBeGreaterThan(0);
      await page.getByTestId('report').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('report-overall').textContent()).toMatch(/^\d+ \/ 100$/);
      await page.getByTestId('report-dimensions').locator('svg').waitFor();
      expect(await page.getByTestId('answer').count()).toBe(5);
      expect(errors).toEqual([]);
    });
  });

  it('shows no grade during a realistic session, then every grade and the report at the end', async () => {
    await asCandidate('realistic-session', async ({ page }) => {
      await startSession(page, QUESTION, 'realistic');
      const answers = strongAnswers(worker, QUESTION, 2);
      for (const [i, text] of answers.entries()) {
        await sendAnswer(page, text);
        // Graded in the background: the status says so, the score waits for the end.
        await answerCard(page, text).and(page.locator('[data-status="scored"]')).waitFor({ timeout: 30_000 });
        if (i === 0) await page.getByRole('button', { name: 'Next phase' }).click();
      }
      expect(await page.getByTestId('live-feedback').count()).toBe(0);
      expect(await page.getByTestId('answer-score').count()).toBe(0);
      expect(await page.getByText('revealed in the report at the end').count()).toBe(2);
      expect(await page.getByTestId('coverage-map').count()).toBe(0);

      await page.getByRole('button', { name: 'End session' }).click(); // the confirm dialog is accepted
      await page.getByTestId('report').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('answer-score').count()).toBe(2);
    });
  });

  it('resumes after the network drops mid-session, without losing or doubling an answer', async () => {
    await asCandidate('offline-resume', async (p) => {
      const { page, context } = p;
      const sessionId = await startSession(page, QUESTION, 'practice');
      const [first, second, third] = strongAnswers(worker, QUESTION, 3);

      // Sent, then the link drops at once: the grade events that follow are missed live and resumed from `seq`.
      await sendAnswer(page, first!);
      await context.setOffline(true);
      await page.getByTestId('connection-banner').waitFor();

      // Typed while offline: kept, shown as waiting, sent on reconnect with the same clientId.
      await sendAnswer(page, second!);
      await page.getByTestId('pending-answer').getByText('Waiting for the connection', { exact: false }).waitFor();

      await context.setOffline(false);
      await page.getByTestId('connection-banner').waitFor({ state: 'detached' });
      for (const text of [first!, second!]) await answerCard(page, text).and(page.locator('[data-status="scored"]')).waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('pending-answer').count()).toBe(0);

      // The link drops just as an answer goes out (acknowledged or not, it is re-sent with its clientId).
      await sendAnswer(page, third!);
      await context.setOffline(true);
      await page.getByTestId('connection-banner').waitFor();
      await context.setOffline(false);
      await answerCard(page, third!).and(page.locator('[data-status="scored"]')).waitFor({ timeout: 30_000 });

      // A reload (a fresh join from seq 0) shows the same three answers once each.
      await page.reload();
      await answerCard(page, third!).waitFor();
      expect(await page.getByTestId('answer').count()).toBe(3);
      const { transcript: turns } = await transcript(p, sessionId);
      const answersStored = turns.filter((t) => t.speaker === 'candidate').map((t) => t.text);
      expect(answersStored).toEqual([first, second, third]);
      expect(new Set(turns.filter((t) => t.speaker === 'candidate').map((t) => t.clientId)).size).toBe(3);
    });
  });

  it('shows an answer containing HTML as text, never as markup', async () => {
    await asCandidate('xss-answer', async ({ page, dialogs }) => {
      await startSession(page, QUESTION, 'practice');
      const payload = '<img src=x onerror=alert(1)> and <script>alert(2)</script> <b>bold?</b>';
      await sendAnswer(page, payload);
      const text = answerCard(page, payload).getByTestId('answer-text');
      await text.waitFor();
      expect(await text.textContent()).toBe(payload);
      expect(await page.getByTestId('timeline').locator('img, script, b').count()).toBe(0);
      await answerCard(page, payload).and(page.locator('[data-status="scored"], [data-status="failed"]')).waitFor({ timeout: 30_000 });
      await page.reload();
      await answerCard(page, payload).waitFor();
      expect(await page.getByTestId('timeline').locator('img, script, b').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  });
});

async function expectPhase(page: import('playwright-core').Page, n: number): Promise<void> {
  await page.getByTestId('countdown').getByText(new RegExp(`^Phase ${n} of`)).waitFor().catch(async () => {
    throw new Error(`expected phase ${n}, countdown says: ${await page.getByTestId('countdown').textContent()}`);
  });
}
