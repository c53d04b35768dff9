import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { ContentService } from '../../libs/content/index.js';
import { type RunningApi } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD, uniqueEmail } from '../support/factories.js';
import { type OwnDatabase } from '../support/own-database.js';
import { startBrowserStack, type BrowserStack } from './support/stack.js';
import { type BrowserPage, openPage, saveScreenshot } from './support/browser.js';
import { answerCard, sendAnswer, signIn, startSession, strongAnswers } from './support/candidate.js';

const QUESTION = 'realtime-notifications';
/** A browser journey with real grading; generous, because `npm test` runs it beside the other tiers on few cores. */
const SLOW = 180_000;

/**
 * People in Debian's Chromium against the real api (serving the built client), worker, Postgres and Redis,
 * graded by the offline rubric grader. The database is this file's own: the waitlist and rollout limits are
 * global state.
 */
describe('web client in the browser', () => {
  let db: OwnDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let browser: Browser;

  let stack: BrowserStack;
  beforeAll(async () => {
    stack = await startBrowserStack();
    ({ db, api, worker, browser } = stack);
  });
  afterAll(() => stack?.stop());

  /** A fresh page; its last screen is saved whatever happens. */
  async function withPage(name: string, fn: (p: BrowserPage) => Promise<void>): Promise<void> {
    const p = await openPage(browser, api.url);
    try {
      await fn(p);
    } finally {
      await saveScreenshot(p.page, name).catch(() => undefined);
      await p.context.close();
    }
  }

  /** A fresh candidate signed in on a fresh page; the page's last screen is saved whatever happens. */
  async function asCandidate(name: string, fn: (p: BrowserPage, user: { id: string; email: string }) => Promise<void>): Promise<void> {
    const user = await createUser(worker, 'candidate');
    await withPage(name, async (p) => {
      await signIn(p.page, user.email, DEFAULT_PASSWORD, '/dashboard');
      await fn(p, user);
    });
  }

  async function inviteCodeFor(email: string): Promise<string> {
    const { rows } = await db.sql.query(`SELECT body FROM outbox_messages WHERE kind = 'invite' AND to_email = $1`, [email]);
    expect(rows).toHaveLength(1);
    return /invite code: (\S+)/.exec(rows[0].body as string)![1]!;
  }

  async function transcript(p: BrowserPage, sessionId: string) {
    return p.page.evaluate(async (id) => {
      const { localStorage } = globalThis as unknown as { localStorage: { getItem(key: string): string | null } };
      const res = await fetch(`/api/sessions/${id}`, { headers: { authorization: `Bearer ${localStorage.getItem('mi.accessToken')}` } });
      return (await res.json()) as { transcript: { speaker: string; text: string; clientId?: string }[]; state: { status: string } };
    }, sessionId);
  }

  it(
    'signs up on the waitlist, is invited by an admin, redeems, and runs a practice session through every phase to the report',
    async () => {
      const email = uniqueEmail('waitlisted');
      await withPage('waitlist-signup', async ({ page }) => {
        await page.goto('/');
        await page.getByRole('heading', { name: 'Join the waitlist' }).waitFor();
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Years of experience (optional)').fill('9');
        await page.getByRole('button', { name: 'Join the waitlist' }).click();
        // The answer never says whether the email was listed: the place and the private link come by mail.
        await page.getByTestId('waitlist-received').getByText(email).waitFor();
        const { rows } = await db.sql.query(`SELECT body FROM outbox_messages WHERE kind = 'waitlist-welcome' AND to_email = $1`, [email]);
        const statusPath = new URL(/(http\S+\/waitlist\/[\w-]+)/.exec(rows[0].body as string)![1]!).pathname;
        await page.goto(statusPath);
        expect(await page.getByTestId('waitlist-position').textContent()).toMatch(/^#\d+$/);
        expect(await page.getByTestId('referral-link').inputValue()).toMatch(new RegExp(`^${api.url.replace(/[.]/g, '\\.')}/\\?ref=\\w+`));
      });

      const admin = await createUser(worker, 'admin');
      await withPage('admin-invites-cohort', async ({ page }) => {
        await signIn(page, admin.email, DEFAULT_PASSWORD, '/admin');
        await page.getByTestId('waitlist-table').getByText(email).waitFor();
        await page.getByLabel('Cohort name').fill('browser-cohort');
        await page.getByLabel('Or these emails (one per line; overrides the count)').fill(email);
        await page.getByRole('button', { name: 'Send invites' }).click();
        await page.getByTestId('invite-result').getByText(email).waitFor();
        await page.getByLabel('Status').selectOption('invited');
        await page.getByTestId('waitlist-table').getByRole('cell', { name: 'browser-cohort' }).waitFor();
      });

      const code = await inviteCodeFor(email);
      await withPage('practice-session', async ({ page, errors }) => {
        await page.goto(`/redeem?code=${encodeURIComponent(code)}`);
        await page.getByLabel('Choose a password (12 characters or more)').fill('a-new-long-password');
        await page.getByLabel('Repeat the password').fill('a-new-long-password');
        await page.getByRole('button', { name: 'Create my account' }).click();
        await page.waitForURL((url) => url.pathname === '/dashboard');

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

        // The dashboard's progress charts now have a point per dimension.
        await page.getByRole('link', { name: 'Dashboard' }).click();
        await page.getByTestId('progress-chart').locator('circle').first().waitFor();
      });
    },
    SLOW,
  );

  it('ships a bundle without server code (the protocol is shared as types only)', () => {
    const dir = join(process.cwd(), 'dist/web/assets');
    const js = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const marker of ['@nestjs', 'typeorm', 'ZodError', 'bullmq', 'ioredis']) expect(js).not.toContain(marker);
  });

  it(
    'says plainly when a rollout limit refuses a new session',
    async () => {
      const admin = await createUser(worker, 'admin');
      await withPage('rollout-limit', async ({ page }) => {
        await signIn(page, admin.email, DEFAULT_PASSWORD, '/admin');
        await page.getByTestId('rollout-usage').waitFor(); // the form holds the current limits
        const { rows } = await db.sql.query(`SELECT count(*)::int AS live FROM interview_sessions WHERE status = 'active'`);
        await page.getByLabel('Live sessions at once').fill(String(rows[0].live + 1)); // room for exactly one more
        const saved = page.getByText('Limits saved.');
        await page.getByRole('button', { name: 'Save limits' }).click();
        await saved.waitFor();
      });
      try {
        await asCandidate('rollout-refusal', async ({ page }) => {
          await startSession(page, QUESTION, 'practice'); // takes the last slot
          await page.goto('/dashboard');
          await page.getByRole('button', { name: 'Start session' }).click();
          const refusal = await page.getByTestId('start-error').textContent();
          expect(refusal).toMatch(/^A session cannot start right now: all interview slots are taken/);
          expect(refusal).toMatch(/You can try again after /);
        });
      } finally {
        await db.sql.query(`UPDATE rollout_settings SET max_live_sessions = 0`);
      }
    },
    SLOW,
  );

  it(
    'starts a realistic session from the question browser, shows no grade during it, then every grade and the report',
    async () => {
      await asCandidate('realistic-session', async ({ page }) => {
        await page.getByRole('link', { name: 'Questions' }).click();
        await page.getByLabel('Kind').selectOption('system-design');
        await page.getByLabel('Search').fill('notification');
        const list = page.getByTestId('question-list');
        const title = worker.get(ContentService).question(QUESTION).title;
        await list.getByRole('link', { name: title }).waitFor();
        for (const card of await list.locator('li').allTextContents()) expect(card.toLowerCase()).toContain('notification');
        await list.getByRole('link', { name: title }).click();
        await page.getByRole('heading', { name: 'How to answer' }).waitFor();
        await page.getByRole('radio', { name: /^realistic/i }).check();
        await page.getByRole('button', { name: 'Start session' }).click();
        await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
        await page.getByTestId('countdown').waitFor();
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
        // Two answers leave key points to study: each with why it matters, where to read and what to practise.
        const study = page.getByTestId('report-study-plan').getByTestId('study-item');
        expect(await study.count()).toBeGreaterThan(0);
        expect(await study.first().getByTestId('study-practice').textContent()).toMatch(/^Practise: \S/);
        expect(await study.first().locator('cite').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('report-model-answer').getByRole('heading', { name: 'Model answer' }).count()).toBe(1);
        expect(await page.getByTestId('report-dimension-comments').locator('li').count()).toBeGreaterThan(0);
      });
    },
    SLOW,
  );

  it(
    'resumes after the network drops mid-session, without losing or doubling an answer',
    async () => {
      await asCandidate('offline-resume', async (p) => {
        const { page, context } = p;
        const sessionId = await startSession(page, QUESTION, 'practice');
        const [first, second, third] = strongAnswers(worker, QUESTION, 3);

        // Sent, then the link drops at once: either the answer left in time (its grade events are missed live and
        // resumed from `seq`) or it waits in the outbox with the next one.
        await sendAnswer(page, first!);
        await context.setOffline(true);
        await page.getByTestId('connection-banner').waitFor();

        // Typed while offline: kept, shown as waiting, sent on reconnect with the same clientId.
        await sendAnswer(page, second!);
        await page.getByTestId('pending-answer').filter({ hasText: second! }).getByText('Waiting for the connection', { exact: false }).waitFor();

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
    },
    SLOW,
  );

  it(
    'asks the interviewer a question: answered, never graded, and the next answer is graded as usual',
    async () => {
      await asCandidate('ask-the-interviewer', async ({ page, errors }) => {
        await startSession(page, QUESTION, 'practice');
        await page.getByTestId('interviewer-message').first().waitFor(); // the phase's opening line
        const ask = page.getByRole('button', { name: 'Ask the interviewer' });
        expect(await ask.isDisabled()).toBe(true); // nothing typed yet
        await page.getByText('questions are answered and not graded').waitFor();

        // Worded for the scenario fact `users-and-concurrency` (rubrics/questions/realtime-notifications.yaml).
        const question = 'How many users does the system have, and how many of them are connected at the same time?';
        await page.getByLabel('Your answer').fill(question);
        await ask.click();
        const card = answerCard(page, question).and(page.locator('[data-kind="question"]'));
        await card.waitFor();
        expect(await card.getAttribute('data-status')).toBe('not-graded');
        expect(await card.getByTestId('turn-kind').textContent()).toBe('Question · not graded');
        expect(await card.getByTestId('grade-status').count()).toBe(0);

        // The interviewer's answer lands after the question (a streamed draft, if any, is replaced by it).
        const turnId = (await card.getAttribute('data-turn-id'))!;
        const reply = page.locator(`[data-testid="answer"][data-turn-id="${turnId}"] ~ [data-testid="interviewer-message"]`).first();
        await reply.waitFor({ timeout: 30_000 });
        const replyId = (await reply.getAttribute('data-turn-id'))!;
        expect(await reply.locator('.turn-text').textContent()).toContain('2 million');
        const replyTo = await reply.getAttribute('data-reply-to');
        if (replyTo !== null) expect(replyTo).toBe(turnId);
        await page.getByTestId('interviewer-draft').first().waitFor({ state: 'detached' });

        // An answer after it is graded; by then a grade of the question would have shown too.
        const [answer] = strongAnswers(worker, QUESTION, 1);
        await sendAnswer(page, answer!);
        await answerCard(page, answer!).and(page.locator('[data-status="scored"]')).waitFor({ timeout: 30_000 });
        expect(await card.getAttribute('data-status')).toBe('not-graded');
        expect(await card.getByText('Queued for grading').count()).toBe(0);

        // A reload (a fresh join from seq 0) shows the same: the question once, not graded, answered once.
        await page.reload();
        await answerCard(page, answer!).waitFor();
        expect(await page.getByTestId('answer').count()).toBe(2);
        expect(await card.getByTestId('turn-kind').textContent()).toBe('Question · not graded');
        expect(await page.locator(`[data-testid="interviewer-message"][data-turn-id="${replyId}"]`).count()).toBe(1);
        expect(errors).toEqual([]);
      });
    },
    SLOW,
  );

  it(
    'shows an answer containing HTML as text, never as markup',
    async () => {
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
    },
    SLOW,
  );

  it(
    'lets a coach correct a score with a reason, and the candidate sees the correction in the report',
    async () => {
      const candidate = await createUser(worker, 'candidate');
      const coach = await createUser(worker, 'coach');
      const admin = await createUser(worker, 'admin');
      const adminToken = (await api.app.get(AuthService).issueToken({ userId: admin.id, role: 'admin' })).accessToken;
      await request(api.url)
        .post('/api/admin/coach-assignments')
        .set('authorization', `Bearer ${adminToken}`)
        .send({ coachId: coach.id, candidateId: candidate.id })
        .expect(201);
      const [answer] = strongAnswers(worker, QUESTION, 1);
      let sessionUrl = '';

      await withPage('candidate-before-review', async ({ page }) => {
        await signIn(page, candidate.email, DEFAULT_PASSWORD, '/dashboard');
        await startSession(page, QUESTION, 'practice');
        sessionUrl = new URL(page.url()).pathname;
        await sendAnswer(page, answer!);
        await answerCard(page, answer!).and(page.locator('[data-status="scored"]')).waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: 'End session' }).click();
        await page.getByTestId('report').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('report-corrections').count()).toBe(0);
      });

      let corrected = '';
      await withPage('coach-review', async ({ page }) => {
        await signIn(page, coach.email, DEFAULT_PASSWORD, '/coach');
        const title = worker.get(ContentService).question(QUESTION).title;
        await page
          .getByTestId('review-queue')
          .getByRole('link', { name: `Review ${candidate.email}'s ${title} session` })
          .click();
        await page.getByTestId('review-answer').getByText(answer!, { exact: true }).waitFor();
        const score = page.getByLabel('Coach score for Requirements clarification');
        const ai = await score.inputValue();
        corrected = ai === '1' ? '2' : '1';
        await score.selectOption(corrected);
        await page.getByRole('button', { name: 'Save review' }).click();
        await page.getByText('Give a reason for the change to Requirements clarification.').waitFor(); // refused without a reason
        await page.getByLabel('Reason for the Requirements clarification score').fill('Named the users but no non-functional requirement.');
        await page.getByLabel('Mark the review complete').check();
        await page.getByRole('button', { name: 'Save review' }).click();
        await page.getByText('Saved.').waitFor();
        expect(await page.getByLabel('Coach score for Requirements clarification').inputValue()).toBe(corrected);
        await page.getByTestId('report-corrections').waitFor();
        await page.getByRole('link', { name: 'Calibration' }).click();
        await page.getByTestId('calibration-group').first().waitFor();
      });

      await withPage('candidate-sees-correction', async ({ page }) => {
        await signIn(page, candidate.email, DEFAULT_PASSWORD, '/dashboard');
        await page.goto(sessionUrl);
        const corrections = page.getByTestId('report-corrections');
        await corrections.waitFor();
        const line = corrections.getByTestId('answer-corrections').locator('li');
        expect(await line.textContent()).toMatch(
          new RegExp(`Requirements clarification: \\d → ${corrected} — “Named the users but no non-functional requirement\\.”`),
        );
        expect(await page.getByTestId('report-dimensions').locator('svg').getAttribute('aria-label')).toContain(
          `Requirements clarification ${corrected} / 4`,
        );
      });
    },
    SLOW,
  );
});

async function expectPhase(page: import('playwright-core').Page, n: number): Promise<void> {
  await page
    .getByTestId('countdown')
    .getByText(new RegExp(`^Phase ${n} of`))
    .waitFor()
    .catch(async () => {
      throw new Error(`expected phase ${n}, countdown says: ${await page.getByTestId('countdown').textContent()}`);
    });
}
