import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { AuthService, type UserDto } from '../../libs/auth/index.js';
import type { StoredDiagramGraph } from '../../libs/interview/index.js';
import type { DiagramScene } from '../../libs/protocol/index.js';
import { type RunningApi } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { waitFor } from '../support/wait-for.js';
import { startBrowserStack, type BrowserStack } from './support/stack.js';
import { type BrowserPage, openPage, saveScreenshot } from './support/browser.js';
import { answerCard, sendAnswer, signIn, startSession } from './support/candidate.js';

/**
 * The whiteboard of a system-design session in Debian's Chromium against the real api serving the built client:
 * drawn through Excalidraw's own UI (keyboard tools, mouse drags), saved as debounced snapshots, opened again on a
 * second context of the same user, all under the api's CSP with nothing fetched from another origin.
 */
describe('the system-design whiteboard in the browser', () => {
  let api: RunningApi;
  let browser: Browser;

  let stack: BrowserStack;
  beforeAll(async () => {
    stack = await startBrowserStack();
    ({ api, browser } = stack);
  });
  afterAll(() => stack?.stop());

  async function latestGraph(user: UserDto, sessionId: string): Promise<StoredDiagramGraph | null> {
    const { accessToken } = await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role });
    const res = await request(api.url).get(`/api/sessions/${sessionId}/diagram`).set('authorization', `Bearer ${accessToken}`).expect(200);
    return (res.body.latest?.graph as StoredDiagramGraph | undefined) ?? null;
  }

  /** The canvas's top-left corner on the page: drawing coordinates are relative to it. */
  async function origin(page: Page): Promise<{ x: number; y: number }> {
    const box = await page.getByTestId('diagram-board').locator('canvas.interactive').boundingBox();
    if (!box) throw new Error('the board has no canvas');
    return { x: box.x, y: box.y };
  }

  /** Tool shortcuts reach the board only when it has the focus: a click on an empty spot gives it. */
  async function focusBoard(page: Page): Promise<{ x: number; y: number }> {
    const o = await origin(page);
    await page.mouse.click(o.x + 20, o.y + 480);
    return o;
  }

  /**
   * Each phase opens with an interviewer message, which changes the page's layout when it arrives: drawing before
   * it does can start a gesture at one place and end it at another (a box cut short, an arrow bound to nothing).
   */
  async function phaseOpened(page: Page, phase: number): Promise<void> {
    await waitFor(async () => ((await page.getByTestId('interviewer-message').count()) >= phase ? true : undefined), { timeoutMs: 15_000 });
  }

  async function drawBox(page: Page, at: { x: number; y: number }, label: string): Promise<void> {
    const o = await focusBoard(page);
    await page.keyboard.press('r');
    await page.mouse.move(o.x + at.x, o.y + at.y);
    await page.mouse.down();
    await page.mouse.move(o.x + at.x + 140, o.y + at.y + 70, { steps: 5 });
    await page.mouse.up();
    // Enter on the selected shape edits its bound text.
    await page.keyboard.press('Enter');
    await page.keyboard.type(label);
    await page.keyboard.press('Escape');
  }

  async function drawArrow(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const o = await focusBoard(page);
    await page.keyboard.press('a');
    await page.mouse.move(o.x + from.x, o.y + from.y);
    await page.mouse.down();
    await page.mouse.move(o.x + to.x, o.y + to.y, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.press('Escape');
  }

  it('draws three labelled boxes and two bound arrows, stores them as a graph, and opens them on a second context', async () => {
    const user = await createUser(api.app, 'candidate');
    const first = await openPage(browser, api.url);
    const foreign: string[] = [];
    first.page.on(
      'request',
      (r) => !r.url().startsWith(api.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && foreign.push(r.url()),
    );
    let sessionId = '';
    try {
      await signIn(first.page, user.email, DEFAULT_PASSWORD, '/dashboard');
      sessionId = await startSession(first.page, 'url-shortener', 'practice');
      await first.page.getByTestId('diagram-board').locator('canvas.interactive').waitFor();
      await phaseOpened(first.page, 1);

      await drawBox(first.page, { x: 60, y: 160 }, 'Web client');
      await drawBox(first.page, { x: 300, y: 160 }, 'API service');
      await drawBox(first.page, { x: 300, y: 360 }, 'Postgres');
      // Excalidraw binds an arrow's end that stops near a shape's outline.
      await drawArrow(first.page, { x: 196, y: 195 }, { x: 304, y: 195 });
      await drawArrow(first.page, { x: 370, y: 226 }, { x: 370, y: 364 });

      const graph = await waitFor(
        async () => {
          const g = await latestGraph(user, sessionId);
          return g && g.nodes.length === 3 && g.edges.length === 2 ? g : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(graph.nodes.map((n) => [n.label, n.category])).toEqual([
        ['Web client', 'client'],
        ['API service', 'service'],
        ['Postgres', 'database'],
      ]);
      const label = (id: string) => graph.nodes.find((n) => n.id === id)?.label;
      expect(graph.edges.map((e) => [label(e.from), label(e.to), e.via])).toEqual([
        ['Web client', 'API service', 'bound'],
        ['API service', 'Postgres', 'bound'],
      ]);
      expect(foreign).toEqual([]);
      expect(first.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    } finally {
      await saveScreenshot(first.page, 'diagram-board-first').catch(() => undefined);
      await first.context.close();
    }

    // The same user on another device: the board opens with the stored scene, and drawing on goes on from it.
    const second: BrowserPage = await openPage(browser, api.url);
    try {
      await signIn(second.page, user.email, DEFAULT_PASSWORD, '/dashboard');
      await second.page.goto(`/sessions/${sessionId}`);
      await second.page.getByTestId('diagram-board').locator('canvas.interactive').waitFor();
      await drawBox(second.page, { x: 60, y: 360 }, 'Redis cache');
      const graph = await waitFor(
        async () => {
          const g = await latestGraph(user, sessionId);
          return g && g.nodes.length === 4 ? g : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(graph.nodes.map((n) => n.label)).toEqual(['Web client', 'API service', 'Postgres', 'Redis cache']);
      expect(graph.edges).toHaveLength(2);
      expect(second.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    } finally {
      await saveScreenshot(second.page, 'diagram-board-second').catch(() => undefined);
      await second.context.close();
    }
  });

  it('grades a design answer with the board drawn in the session: the strength names the flow on the board', async () => {
    const user = await createUser(api.app, 'candidate');
    const p = await openPage(browser, api.url);
    try {
      await signIn(p.page, user.email, DEFAULT_PASSWORD, '/dashboard');
      const sessionId = await startSession(p.page, 'realtime-notifications', 'practice');
      for (const phase of [2, 3]) {
        await p.page.getByRole('button', { name: 'Next phase' }).click();
        await p.page
          .getByTestId('countdown')
          .getByText(new RegExp(`^Phase ${phase} of`))
          .waitFor();
      }
      await p.page.getByTestId('diagram-board').locator('canvas.interactive').waitFor();
      await phaseOpened(p.page, 3);
      await drawBox(p.page, { x: 60, y: 160 }, 'Notification service');
      await drawBox(p.page, { x: 300, y: 160 }, 'Kafka');
      await drawBox(p.page, { x: 300, y: 360 }, 'Push worker');
      await drawArrow(p.page, { x: 196, y: 195 }, { x: 304, y: 195 });
      await drawArrow(p.page, { x: 370, y: 226 }, { x: 370, y: 364 });
      await waitFor(
        async () => {
          const g = await latestGraph(user, sessionId);
          return g && g.nodes.length === 3 && g.edges.length === 2 ? g : undefined;
        },
        { timeoutMs: 15_000 },
      );

      // The words say how a notification reaches the user; the pipeline that gets it there is on the board.
      const answer =
        'Every client keeps a WebSocket open to one of our gateway servers, and each notification is pushed down that socket while the user has the app open; with the app closed it goes out as a mobile push through APNs or FCM.';
      await sendAnswer(p.page, answer);
      const card = answerCard(p.page, answer);
      await card.and(p.page.locator('[data-status="scored"]')).waitFor({ timeout: 60_000 });
      await card.getByText('‘Notification service → Kafka → Push worker’ on your board', { exact: false }).waitFor();
      // The key point the board helped cover says so, by the board's elements: in the coverage map, then in the report.
      const fromBoard = 'from your board: Notification service → Kafka → Push worker';
      await p.page.getByTestId('coverage-map').getByTestId('keypoint-board-evidence').getByText(fromBoard, { exact: false }).waitFor();
      await p.page.getByRole('button', { name: 'End session' }).click(); // the confirm dialog is accepted
      await p.page
        .getByTestId('report-keypoints')
        .getByTestId('keypoint-board-evidence')
        .getByText(fromBoard, { exact: false })
        .waitFor({ timeout: 60_000 });
    } finally {
      await saveScreenshot(p.page, 'diagram-board-graded').catch(() => undefined);
      await p.context.close();
    }
  });

  it('shows a drawing from another device at once and never sends it back erased', async () => {
    const user = await createUser(api.app, 'candidate');
    const { accessToken } = await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role });
    const scene = JSON.parse(readFileSync('test/fixtures/diagrams/notification-pipeline.excalidraw', 'utf8')) as DiagramScene;
    const p = await openPage(browser, api.url);
    const device = await InterviewClient.connect(api.url, accessToken);
    try {
      await signIn(p.page, user.email, DEFAULT_PASSWORD, '/dashboard');
      const sessionId = await startSession(p.page, 'realtime-notifications', 'practice');
      // The other device draws while this page's board is still starting (its empty first scene loading).
      await device.join(sessionId);
      await device.ok('diagram:update', { sessionId, clientId: 'other-device', scene });
      await p.page.getByTestId('diagram-board').locator('canvas.interactive').waitFor();
      const drawn = (await latestGraph(user, sessionId))!.nodes.map((n) => n.label);
      expect(drawn.length).toBeGreaterThan(2);

      // Long past the board's debounce: nothing was sent back (an empty or stale scene would erase the drawing).
      await new Promise((r) => setTimeout(r, 4_000));
      expect((await latestGraph(user, sessionId))!.nodes.map((n) => n.label)).toEqual(drawn);

      // Drawing on this page goes on from the other device's board.
      await drawBox(p.page, { x: 60, y: 420 }, 'Redis cache');
      const graph = await waitFor(
        async () => {
          const g = await latestGraph(user, sessionId);
          return g && g.nodes.length === drawn.length + 1 ? g : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(graph.nodes.map((n) => n.label)).toEqual([...drawn, 'Redis cache']);
    } finally {
      device.close();
      await saveScreenshot(p.page, 'diagram-board-other-device').catch(() => undefined);
      await p.context.close();
    }
  });

  it('does not load the board on the landing page, the dashboard or a coding session', async () => {
    const user = await createUser(api.app, 'candidate');
    const p = await openPage(browser, api.url);
    // Any request for the board's chunk: its script, its stylesheet, a preload of either.
    const board: string[] = [];
    p.page.on('request', (r) => new URL(r.url()).pathname.includes('diagram-board') && board.push(`${r.resourceType()} ${r.url()}`));
    // A page's lazy chunks are requested as it renders; a moment more catches a prefetch once it is idle.
    const loadedOn = async (rendered: () => Promise<unknown>) => {
      await rendered();
      await p.page.waitForTimeout(750);
      return board.splice(0);
    };
    try {
      await p.page.goto('/');
      expect(await loadedOn(() => p.page.getByRole('heading', { level: 1 }).first().waitFor())).toEqual([]);
      await signIn(p.page, user.email, DEFAULT_PASSWORD, '/dashboard');
      expect(await loadedOn(() => p.page.getByRole('heading', { name: 'Your practice' }).waitFor())).toEqual([]);
      await startSession(p.page, 'lru-cache', 'practice');
      expect(await loadedOn(() => p.page.getByLabel('Your code').waitFor())).toEqual([]);
      expect(await p.page.getByTestId('diagram-board').count()).toBe(0);
      // The same watch sees the chunk where it belongs: it is named so, and it is requested.
      await p.page.goto('/dashboard');
      await startSession(p.page, 'url-shortener', 'practice');
      expect(await loadedOn(() => p.page.getByTestId('diagram-board').locator('canvas.interactive').waitFor())).toEqual(
        expect.arrayContaining([expect.stringMatching(/^script .*\/assets\/diagram-board-[\w-]+\.js$/)]),
      );
    } finally {
      await p.context.close();
    }
  });
});
