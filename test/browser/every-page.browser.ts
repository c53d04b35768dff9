import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import type { DiagramScene } from '../../libs/protocol/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD, uniqueEmail } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { answerCard, sendAnswer, signIn, startSession, strongAnswers } from './support/candidate.js';

const SLOW = 300_000;
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

interface PageCheck {
  name: string;
  path: string;
  /** Shown once the page has loaded what it shows. */
  ready: (page: Page) => Promise<unknown>;
}

/**
 * Every page of the web client, as each role sees it, on a phone (390×844) and a laptop (1280×800): nothing wider
 * than the window, no control spilling out of its card, chart text readable, a title of its own in the tab, and no
 * serious or critical axe-core violation. Screenshots go to test-artifacts/browser/ for review.
 */
describe('every page at phone and laptop sizes', () => {
  let db: OwnDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  const users = {} as Record<'candidate' | 'coach' | 'admin', { id: string; email: string }>;
  let endedSession = '';
  let codingSession = '';
  let waitlistPath = '';

  beforeAll(async () => {
    db = await createOwnDatabase();
    const env = { DATABASE_URL: db.url, QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000' };
    [api, worker, browser] = await Promise.all([startApi(env), startWorker(env), launchBrowser()]);
    users.candidate = await createUser(worker, 'candidate');
    users.coach = await createUser(worker, 'coach');
    users.admin = await createUser(worker, 'admin');
    const adminToken = (await api.app.get(AuthService).issueToken({ userId: users.admin.id, role: 'admin' })).accessToken;
    await request(api.url)
      .post('/api/admin/coach-assignments')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ coachId: users.coach.id, candidateId: users.candidate.id })
      .expect(201);

    const email = uniqueEmail('waitlisted');
    await request(api.url).post('/api/waitlist').send({ email }).expect(200);
    const { rows } = await db.sql.query(`SELECT body FROM outbox_messages WHERE kind = 'waitlist-welcome' AND to_email = $1`, [email]);
    waitlistPath = new URL(/(http\S+\/waitlist\/[\w-]+)/.exec(rows[0].body as string)![1]!).pathname;

    // An ended, graded session (report, progress charts, a review to open) and a coding session in progress.
    const p = await openPage(browser, api.url);
    try {
      await signIn(p.page, users.candidate.email, DEFAULT_PASSWORD, '/dashboard');
      endedSession = await startSession(p.page, 'realtime-notifications', 'practice');
      await drawBoard(
        api.url,
        endedSession,
        (await api.app.get(AuthService).issueToken({ userId: users.candidate.id, role: 'candidate' })).accessToken,
      );
      // An answer in every phase: a complete session, so the progress charts have points.
      const answers = strongAnswers(worker, 'realtime-notifications', 5);
      for (const [i, answer] of answers.entries()) {
        await p.page
          .getByTestId('countdown')
          .getByText(new RegExp(`^Phase ${i + 1} of`))
          .waitFor();
        await sendAnswer(p.page, answer);
        await answerCard(p.page, answer).and(p.page.locator('[data-status="scored"]')).waitFor({ timeout: 60_000 });
        await p.page.getByRole('button', { name: i < answers.length - 1 ? 'Next phase' : 'Finish interview' }).click(); // a confirm is accepted
      }
      await p.page.getByTestId('report').waitFor({ timeout: 60_000 });
      await p.page.goto('/dashboard');
      codingSession = await startSession(p.page, 'lru-cache', 'practice');
    } finally {
      await p.context.close();
    }
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), worker?.close()]);
    await db?.drop();
  });

  const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { name, level: 1 }).first().waitFor();
  const pagesOf: Record<'public' | 'candidate' | 'coach' | 'admin', () => PageCheck[]> = {
    public: () => [
      { name: 'landing', path: '/', ready: heading(/./) },
      { name: 'sign-in', path: '/sign-in', ready: (page) => page.getByLabel('Password').waitFor() },
      { name: 'redeem', path: '/redeem?code=not-a-real-code', ready: (page) => page.getByRole('button', { name: 'Create my account' }).waitFor() },
      { name: 'waitlist-status', path: waitlistPath, ready: (page) => page.getByTestId('referral-link').waitFor() },
    ],
    candidate: () => [
      { name: 'dashboard', path: '/dashboard', ready: (page) => page.getByTestId('progress-chart').locator('circle').first().waitFor() },
      { name: 'questions', path: '/questions', ready: (page) => page.getByTestId('question-list').locator('li').first().waitFor() },
      { name: 'question', path: '/questions/url-shortener', ready: (page) => page.getByRole('heading', { name: 'How to answer' }).waitFor() },
      {
        name: 'session-ended',
        path: `/sessions/${endedSession}`,
        ready: async (page) => {
          await page.getByTestId('report-dimensions').locator('svg').waitFor();
          await page.getByTestId('board-image').waitFor();
        },
      },
      { name: 'session-coding', path: `/sessions/${codingSession}`, ready: (page) => page.getByLabel('Your code').waitFor() },
    ],
    coach: () => [
      { name: 'coach-queue', path: '/coach', ready: (page) => page.getByTestId('review-queue').waitFor() },
      { name: 'coach-calibration', path: '/coach/calibration', ready: heading(/^Calibration/) },
      {
        name: 'coach-review',
        path: `/coach/sessions/${endedSession}`,
        ready: async (page) => {
          await page.getByTestId('review-answer').first().waitFor();
          await page.getByTestId('board-image').waitFor();
        },
      },
    ],
    admin: () => [{ name: 'admin', path: '/admin', ready: (page) => page.getByTestId('waitlist-table').waitFor() }],
  };

  for (const size of SIZES) {
    for (const role of ['public', 'candidate', 'coach', 'admin'] as const) {
      it(
        `${role} pages at ${size.width}×${size.height}`,
        async () => {
          const { context, page } = await openPage(browser, api.url, size);
          const problems: string[] = [];
          const titles = new Map<string, string>();
          try {
            if (role !== 'public')
              await signIn(page, users[role].email, DEFAULT_PASSWORD, role === 'candidate' ? '/dashboard' : role === 'coach' ? '/coach' : '/admin');
            for (const check of pagesOf[role]()) {
              await page.goto(check.path);
              await check.ready(page);
              await page.waitForTimeout(300); // late layout (fonts, charts)
              const where = `${check.name} at ${size.width}px`;
              problems.push(...(await layoutProblems(page)).map((p) => `${where}: ${p}`));
              problems.push(...(await axeProblems(page)).map((p) => `${where}: ${p}`));
              titles.set(check.name, await page.title());
              await saveScreenshot(page, `page-${check.name}-${size.width}x${size.height}`);
            }
          } finally {
            await context.close();
          }
          expect(problems).toEqual([]);
          // Each page names itself in the tab (a history list of "Mock Interview" says nothing).
          for (const [name, title] of titles) expect({ name, title }).toEqual({ name, title: expect.stringMatching(/^.+ · Mock Interview$/) });
          expect(new Set(titles.values()).size).toBe(titles.size);
        },
        SLOW,
      );
    }
  }
});

/** A board on the system-design session (the candidate's drawing, through the socket), for its replay on the report and review pages. */
async function drawBoard(url: string, sessionId: string, token: string): Promise<void> {
  const c = await InterviewClient.connect(url, token);
  try {
    await c.join(sessionId, 0);
    const scene = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams/notification-pipeline.excalidraw'), 'utf8')) as DiagramScene;
    await c.ok('diagram:update', { sessionId, clientId: 'every-page-board', scene });
  } finally {
    c.close();
  }
}

/** What does not fit: the page wider than the window, a control wider than its card, chart text too small to read. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document, window } = globalThis as unknown as InPage;
    const doc = document.documentElement;
    const out: string[] = [];
    if (doc.scrollWidth > window.innerWidth) out.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
    const describe = (el: InPageElement) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`;
    for (const card of document.querySelectorAll('.card')) {
      const box = card.getBoundingClientRect();
      for (const el of card.querySelectorAll('input, select, textarea, button')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1))
          out.push(
            `${describe(el)} spills out of its card (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`,
          );
      }
    }
    for (const text of document.querySelectorAll('.chart svg text')) {
      const h = text.getBoundingClientRect().height;
      if (h > 0 && h < 10) out.push(`chart text "${text.textContent}" is ${h.toFixed(1)}px high`);
    }
    return out;
  });
}

/** axe-core run inside the page: serious and critical violations, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') rightly refuses an injected <script>.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as InPage & {
      axe: {
        run(
          ctx: unknown,
          opts: object,
        ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
      };
    };
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `axe ${v.impact} ${v.id} (${v.help}): ${v.nodes
            .slice(0, 3)
            .map((n) => JSON.stringify(n.target))
            .join(', ')}`,
      );
  });
}

/** The little of the DOM these checks read (the test project compiles without the DOM library). */
interface InPageElement {
  tagName: string;
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; right: number; width: number; height: number };
  querySelectorAll(selector: string): Iterable<InPageElement>;
}
interface InPage {
  window: { innerWidth: number };
  document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): Iterable<InPageElement> };
}
