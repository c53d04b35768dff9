import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD, uniqueEmail } from '../support/factories.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { signIn } from './support/candidate.js';

const SLOW = 120_000;

/**
 * Issue 20, point 9: the admin assigns a coach to a candidate by searching users, sees each invite's state and
 * re-sends one; with no SMTP configured the page shows the invite link (it would otherwise be in a log line only).
 */
describe('admin: coach assignments and invites in the browser', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let browser: Browser;

  beforeAll(async () => {
    const env = { QUEUE_PREFIX: isolatedQueuePrefix(), SMTP_URL: '' };
    [api, worker, browser] = await Promise.all([startApi(env), startWorker(env), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), worker?.close()]);
  });

  it(
    'assigns a coach found by search, shows an invite pending, and re-sends it with a link that works',
    async () => {
      const [admin, coach, candidate] = await Promise.all([
        createUser(worker, 'admin'),
        createUser(worker, 'coach'),
        createUser(worker, 'candidate'),
      ]);
      const adminToken = (await api.app.get(AuthService).issueToken({ userId: admin.id, role: 'admin' })).accessToken;
      const asAdmin = { authorization: `Bearer ${adminToken}` };
      const invitee = uniqueEmail('invitee');
      await request(api.url).post('/api/waitlist').send({ email: invitee }).expect(200);
      const batch = await request(api.url)
        .post('/api/admin/invites')
        .set(asAdmin)
        .send({ emails: [invitee], cohort: 'browser', expiresInDays: 3 })
        .expect(201);
      const firstLink: string = batch.body.invited[0].link;
      expect(firstLink).toMatch(/\/redeem\?code=/);

      const p = await openPage(browser, api.url);
      const { page } = p;
      try {
        await signIn(page, admin.email, DEFAULT_PASSWORD, '/admin');

        // Assignment: search each side by part of the email, pick, assign.
        const assign = page.locator('section', { has: page.getByRole('heading', { name: 'Coach assignments' }) });
        await assign.getByLabel('Find a coach by email').fill(coach.email.split('@')[0]!);
        await assign.getByLabel('Pick a coach').locator(`option[value="${coach.id}"]`).waitFor({ state: 'attached' });
        await assign.getByLabel('Pick a coach').selectOption(coach.id);
        await assign.getByLabel('Find a candidate by email').fill(candidate.email.split('@')[0]!);
        await assign.getByLabel('Pick a candidate').locator(`option[value="${candidate.id}"]`).waitFor({ state: 'attached' });
        await assign.getByLabel('Pick a candidate').selectOption(candidate.id);
        await assign.getByRole('button', { name: 'Assign', exact: true }).click();
        await page
          .getByTestId('assignments-table')
          .getByRole('row', { name: new RegExp(candidate.email.replace(/[.+]/g, '\\$&')) })
          .waitFor();
        const assignments = (await request(api.url).get('/api/admin/coach-assignments').set(asAdmin).expect(200)).body;
        expect(assignments).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ coachId: coach.id, candidateId: candidate.id, coachEmail: coach.email, candidateEmail: candidate.email }),
          ]),
        );

        // The invite: pending, its mail went to the log; re-sent, a new link shows and the old code stops working.
        await page.getByLabel('Search invites').fill(invitee);
        const row = page.getByTestId('invite-row').filter({ hasText: invitee });
        await row.getByTestId('invite-state').getByText('pending').waitFor();
        await row.getByRole('button', { name: `Re-send the invite to ${invitee}` }).click();
        const link = page.getByTestId('invite-resent').getByTestId('invite-link');
        await link.waitFor();
        const secondLink = (await link.getAttribute('href'))!;
        expect(secondLink).toMatch(/\/redeem\?code=/);
        expect(secondLink).not.toBe(firstLink);
        await saveScreenshot(page, 'admin-people');

        const codeOf = (l: string) => new URL(l).searchParams.get('code')!;
        await request(api.url)
          .post('/api/auth/redeem')
          .send({ code: codeOf(firstLink), password: 'a-good-long-password' })
          .expect(404);
        await page.goto(new URL(secondLink).pathname + new URL(secondLink).search);
        await page.getByLabel('Choose a password (12 characters or more)').fill('a-good-long-password');
        await page.getByLabel('Repeat the password').fill('a-good-long-password');
        await page.getByRole('button', { name: 'Create my account' }).click();
        await page.waitForURL((url) => url.pathname === '/dashboard');
      } finally {
        await saveScreenshot(page, 'admin-people-last').catch(() => undefined);
        await p.context.close();
      }
    },
    SLOW,
  );

  it(
    'opens the queue dashboard from the admin page (the bearer token becomes the dashboard cookie)',
    async () => {
      const admin = await createUser(worker, 'admin');
      const p = await openPage(browser, api.url);
      const { page } = p;
      try {
        await signIn(page, admin.email, DEFAULT_PASSWORD, '/admin');
        // Every asset of the dashboard loads (a CSP refusal or a wrong base path shows as a failed request).
        const failed: string[] = [];
        page.on('requestfailed', (r) => {
          if (new URL(r.url()).origin === new URL(api.url).origin) failed.push(`${r.url()}: ${r.failure()?.errorText}`);
        });
        await page.getByRole('button', { name: 'Open the queue dashboard' }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/admin/queues'));
        // bull-board's own page, listing the service's queues.
        await page
          .getByRole('link', { name: /grading/ })
          .first()
          .waitFor();
        await saveScreenshot(page, 'admin-queue-dashboard');
        expect(failed).toEqual([]);
      } finally {
        await p.context.close();
      }
    },
    SLOW,
  );
});
