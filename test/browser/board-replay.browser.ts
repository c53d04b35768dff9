import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { AuthService, type UserDto } from '../../libs/auth/index.js';
import type { DiagramScene } from '../../libs/protocol/index.js';
import { type RunningApi, startApi } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { signIn } from './support/candidate.js';

const fixture = (name: string): DiagramScene => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams', name), 'utf8')) as DiagramScene;
const MIN_INTERVAL_MS = 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The board replay in Debian's Chromium against the real api serving the built client: a candidate draws through
 * the socket (`diagram:update`), answers and ends; their coach steps through the board's snapshots (the server's
 * SVG, fetched with the sign-in token and shown from a blob URL under the page's CSP) and jumps to the board as it
 * stood at each answer.
 */
describe('the board replay in the browser', () => {
  let db: OwnDatabase;
  let api: RunningApi;
  let browser: Browser;
  let candidate: UserDto;
  let coach: UserDto;
  let sessionId = '';
  const snapshots: string[] = [];

  beforeAll(async () => {
    db = await createOwnDatabase();
    const env = {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: isolatedQueuePrefix(),
      SOCKET_RATE_LIMIT: '1000',
      DIAGRAM_SNAPSHOT_MIN_INTERVAL_MS: String(MIN_INTERVAL_MS),
    };
    [api, browser] = await Promise.all([startApi(env), launchBrowser()]);
    const admin = await createUser(api.app, 'admin');
    [candidate, coach] = await Promise.all([createUser(api.app, 'candidate'), createUser(api.app, 'coach')]);
    const token = async (u: UserDto) => (await api.app.get(AuthService).issueToken({ userId: u.id, role: u.role })).accessToken;
    await request(api.url)
      .post('/api/admin/coach-assignments')
      .set('authorization', `Bearer ${await token(admin)}`)
      .send({ coachId: coach.id, candidateId: candidate.id })
      .expect(201);

    const candidateToken = await token(candidate);
    const created = await request(api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${candidateToken}`)
      .send({ questionId: 'url-shortener', mode: 'practice' })
      .expect(201);
    sessionId = created.body.id as string;
    const c = await InterviewClient.connect(api.url, candidateToken);
    try {
      await c.join(sessionId, 0);
      await c.ok('answer:submit', { sessionId, clientId: 'a1', text: 'First the requirements: short codes, redirects, analytics.' });
      snapshots.push((await c.ok('diagram:update', { sessionId, clientId: 'd1', scene: fixture('notification-pipeline.excalidraw') })).snapshotId);
      await c.ok('answer:submit', { sessionId, clientId: 'a2', text: 'Requests go through the gateway to the service, which publishes to Kafka.' });
      await pause(MIN_INTERVAL_MS + 50);
      snapshots.push((await c.ok('diagram:update', { sessionId, clientId: 'd2', scene: fixture('regions-groups-rotated.excalidraw') })).snapshotId);
      await c.ok('answer:submit', { sessionId, clientId: 'a3', text: 'Two API servers behind the load balancer write to Cassandra.' });
      await c.ok('session:end', { sessionId });
    } finally {
      c.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  const image = (page: Page) => page.getByTestId('board-replay').getByTestId('board-image');
  const step = (page: Page) => page.getByTestId('board-step');

  /** The picture has been decoded and has a size: the blob URL loaded under the CSP and the SVG parsed. */
  async function shownSnapshot(page: Page): Promise<string | null> {
    await page.waitForFunction(() => {
      const img = (
        globalThis as unknown as { document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null } }
      ).document.querySelector('[data-testid=board-image]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    return image(page).getAttribute('data-snapshot-id');
  }

  it('lets the coach step through the snapshots and open the board as it was at each answer', async () => {
    const p = await openPage(browser, api.url);
    try {
      await signIn(p.page, coach.email, DEFAULT_PASSWORD, '/coach');
      await p.page.goto(`/coach/sessions/${sessionId}`);
      await p.page.getByRole('heading', { name: 'Board', level: 2 }).waitFor();

      // The final board first.
      expect(await shownSnapshot(p.page)).toBe(snapshots[1]);
      await step(p.page)
        .getByText(/^Step 2 of 2 \(final\) · /)
        .waitFor();
      expect(await step(p.page).textContent()).toMatch(/· 6 components, 5 flows$/);
      expect(await image(p.page).getAttribute('src')).toMatch(/^blob:/);

      // Back one step with the button, forward again with the slider.
      await p.page.getByRole('button', { name: 'Previous' }).click();
      await step(p.page)
        .getByText(/^Step 1 of 2 · /)
        .waitFor();
      expect(await shownSnapshot(p.page)).toBe(snapshots[0]);
      expect(await step(p.page).textContent()).toMatch(/· 7 components, 6 flows$/);
      await p.page.getByLabel('Board timeline').fill('2');
      await step(p.page)
        .getByText(/^Step 2 of 2/)
        .waitFor();
      expect(await shownSnapshot(p.page)).toBe(snapshots[1]);

      // Each answer opens the board as it stood then.
      const answers = p.page.getByTestId('review-answer');
      await expect(answers.nth(0).getByText('Nothing was on the board yet at this answer.').isVisible()).resolves.toBe(true);
      await answers.nth(1).getByRole('button', { name: 'Board at this answer' }).click();
      await step(p.page)
        .getByText(/^Step 1 of 2/)
        .waitFor();
      expect(await shownSnapshot(p.page)).toBe(snapshots[0]);
      await expect(
        p.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id),
      ).resolves.toBe('board-replay');
      await answers.nth(2).getByRole('button', { name: 'Board at this answer' }).click();
      await step(p.page)
        .getByText(/^Step 2 of 2/)
        .waitFor();
      expect(await shownSnapshot(p.page)).toBe(snapshots[1]);

      expect(p.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    } finally {
      await saveScreenshot(p.page, 'board-replay-coach').catch(() => undefined);
      await p.context.close();
    }
  });

  it('shows the candidate the final board under their ended session', async () => {
    const p = await openPage(browser, api.url);
    try {
      await signIn(p.page, candidate.email, DEFAULT_PASSWORD, '/dashboard');
      await p.page.goto(`/sessions/${sessionId}`);
      expect(await shownSnapshot(p.page)).toBe(snapshots[1]);
      await step(p.page)
        .getByText(/^Step 2 of 2 \(final\)/)
        .waitFor();
      expect(p.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    } finally {
      await saveScreenshot(p.page, 'board-replay-candidate').catch(() => undefined);
      await p.context.close();
    }
  });
});
