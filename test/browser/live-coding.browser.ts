import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { type CodingQuestion, ContentService } from '../../libs/content/index.js';
import { type RunningApi, startApi, startCodeRunner, startWorker } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD } from '../support/factories.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { type BrowserPage, launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { answerCard, sendAnswer, signIn, startSession } from './support/candidate.js';
import { codeEditor, editorText, editorTextOnce, fillEditor } from './support/code-editor.js';

const QUESTION = 'lru-cache';
/** Real sandbox runs and real grading beside the other tiers on few cores: generous. */
const SLOW = 180_000;
const RUN_TIMEOUT = 60_000;

/** A first draft that never evicts (the e2e's): one visible test passes, one fails. */
const WRONG = [
  'def lru_cache_operations(capacity, operations):',
  '    cache = {}',
  '    out = []',
  '    for op in operations:',
  '        if op[0] == "put":',
  '            cache[op[1]] = op[2]',
  '            out.append(None)',
  '        else:',
  '            out.append(cache.get(op[1], -1))',
  '    return out',
  '',
].join('\n');

/**
 * A live coding session in Debian's Chromium against the real api (serving the built client), the worker running
 * the code in bubblewrap, Postgres and Redis; graded by the offline rubric grader. The snapshot interval is the
 * server's default (500 ms), so the editor's debounce and its flush-before-run are what keeps it within it.
 */
describe('live coding in the browser', () => {
  let db: OwnDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let codeRunner: INestApplicationContext;
  let browser: Browser;
  let question: CodingQuestion;

  beforeAll(async () => {
    db = await createOwnDatabase();
    const env = { DATABASE_URL: db.url, QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000' };
    [api, worker, codeRunner, browser] = await Promise.all([startApi(env), startWorker(env), startCodeRunner(env), launchBrowser()]);
    question = worker.get(ContentService).question(QUESTION) as CodingQuestion;
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), worker?.close(), codeRunner?.close()]);
    await db?.drop();
  });

  /** A fresh candidate signed in on a fresh page; the page's last screen is saved whatever happens. */
  async function asCandidate(name: string, fn: (p: BrowserPage) => Promise<void>): Promise<void> {
    const user = await createUser(worker, 'candidate');
    const p = await openPage(browser, api.url);
    try {
      await signIn(p.page, user.email, DEFAULT_PASSWORD, '/dashboard');
      await fn(p);
    } finally {
      await saveScreenshot(p.page, name).catch(() => undefined);
      await p.context.close();
    }
  }

  it(
    'writes a wrong then a correct solution, runs and submits it, answers every phase, and sees the code in the report',
    async () => {
      await asCandidate('live-coding-session', async ({ page, errors }) => {
        await startSession(page, QUESTION, 'practice');
        const editor = codeEditor(page);
        expect(await page.getByLabel('Language').inputValue()).toBe('python');
        expect(await editorTextOnce(page, question.starterCode.python)).toBe(question.starterCode.python);

        // Tab indents instead of leaving the editor; Enter after a colon indents the next line (auto-indent).
        await fillEditor(page, 'x');
        await editor.press('End');
        await editor.press('Tab');
        expect(await editorText(page)).toBe('x    ');
        expect(await editor.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(
          true,
        );
        await fillEditor(page, 'def f(x):');
        await editor.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('return [x');
        // Brackets close themselves and the pair is highlighted; keywords are highlighted; lines are numbered.
        expect(await editorText(page)).toBe('def f(x):\n    return [x]');
        expect(await page.locator('.cm-matchingBracket').count()).toBeGreaterThan(0);
        expect(await page.locator('.cm-lineNumbers .cm-gutterElement').filter({ hasText: /^2$/ }).count()).toBe(1);
        const colour = (el: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color;
        expect(await page.locator('.cm-line span').filter({ hasText: /^def$/ }).evaluate(colour)).not.toBe(await editor.evaluate(colour));

        await fillEditor(page, WRONG);
        await page.getByRole('button', { name: 'Run tests' }).click();
        const failed = await latestResult(page, 'run', 'FAILED');
        expect(await failed.getByTestId('code-result-summary').textContent()).toBe('Test run — FAILED · visible 1/2');
        const failing = failed.locator('[data-testid="code-test"][data-passed="false"]');
        expect(await failing.getByTestId('code-test-name').textContent()).toBe(question.tests.visible[0]!.name);
        expect(await failing.getByTestId('code-test-expected').textContent()).toBe(JSON.stringify(question.tests.visible[0]!.expected));
        await failing.getByTestId('code-test-actual').waitFor();
        // Each visible test shows its input beside expected and actual, one argument per line (the console's format).
        expect(await failing.getByTestId('code-test-input').textContent()).toBe(
          question.tests.visible[0]!.args.map((a) => JSON.stringify(a)).join('\n'),
        );

        // JavaScript starts from its own starter code; the reference solution passes every visible test.
        await page.getByLabel('Language').selectOption('javascript');
        expect(await editorTextOnce(page, question.starterCode.javascript)).toBe(question.starterCode.javascript);
        await fillEditor(page, question.referenceSolution.javascript);
        await page.getByRole('button', { name: 'Run tests' }).click();
        const passed = await latestResult(page, 'run', 'PASSED');
        expect(await passed.getByTestId('code-result-summary').textContent()).toBe('Test run — PASSED · visible 2/2');
        expect(await passed.locator('[data-testid="code-test"][data-passed="true"]').count()).toBe(question.tests.visible.length);

        // Submitted: hidden tests show pass/fail only, never their names, inputs or outputs.
        await page.getByRole('button', { name: 'Submit' }).click();
        const submitted = await latestResult(page, 'submit', 'PASSED');
        const hiddenCount = question.tests.hidden.length;
        expect(await submitted.getByTestId('code-result-summary').textContent()).toBe(
          `Submission — PASSED · visible 2/2 · hidden ${hiddenCount}/${hiddenCount}`,
        );
        const hidden = submitted.locator('[data-testid="code-test"][data-hidden="true"]');
        expect(await hidden.count()).toBe(hiddenCount);
        expect(await hidden.locator('dl').count()).toBe(0);
        // No time either: a hidden test's duration would measure its input.
        expect((await hidden.first().textContent())?.trim()).toBe('✓ passed hidden test 1');
        expect(await page.getByTestId('code-results').textContent()).not.toContain(question.tests.hidden[0]!.name);
        expect(await page.getByTestId('code-running').count()).toBe(0);
        // Older results stay, folded.
        expect(await page.getByTestId('code-results').locator('details').count()).toBe(2);

        const answers = [
          'get refreshes recency and put on an existing key updates it; at capacity the least recently used key goes.',
          'A hash map from key to node plus a doubly linked list ordered by recency gives O(1) get and put.',
          'In JavaScript a Map keeps insertion order, so I delete and re-insert a key on every access and evict the first key.',
          'Capacity 1, updating an existing key at capacity, and reading a missing key are the edge cases I tested.',
        ];
        const phases = question.phases.length;
        for (let i = 0; i < phases; i++) {
          await page
            .getByTestId('countdown')
            .getByText(new RegExp(`^Phase ${i + 1} of ${phases}`))
            .waitFor();
          await sendAnswer(page, answers[i % answers.length]!);
          await answerCard(page, answers[i % answers.length]!).waitFor();
          await page.getByRole('button', { name: i < phases - 1 ? 'Next phase' : 'Finish interview' }).click();
        }

        const report = page.getByTestId('report-code');
        await report.waitFor({ timeout: RUN_TIMEOUT });
        expect(await report.getByTestId('report-code-summary').textContent()).toMatch(
          new RegExp(`^JavaScript · submission PASSED · visible 2/2 · hidden ${hiddenCount}/${hiddenCount}`),
        );
        expect(await report.getByTestId('report-code-text').textContent()).toBe(question.referenceSolution.javascript);
        expect(await report.locator('[data-testid="code-test"]').count()).toBe(question.tests.visible.length + hiddenCount);
        const runs = await report.getByTestId('report-code-runs').locator('li').allTextContents();
        expect(runs.map((r) => r.replace(/^[^·]+· /, ''))).toEqual([
          'test run · FAILED · visible 1/2',
          'test run · PASSED · visible 2/2',
          `submission · PASSED · visible 2/2 · hidden ${hiddenCount}/${hiddenCount}`,
        ]);
        // The session is over: the editor is read-only and has no run buttons.
        expect(await editor.getAttribute('aria-readonly')).toBe('true');
        expect(await editor.getAttribute('contenteditable')).toBe('false');
        expect(await page.getByRole('button', { name: 'Run tests' }).count()).toBe(0);
        expect(errors).toEqual([]);
      });
    },
    SLOW,
  );

  it(
    'runs the code on the candidate’s own input from the console: return value, prints and errors; visible tests show their inputs',
    async () => {
      await asCandidate('live-coding-custom-input', async ({ page, errors }) => {
        // The editor is its own chunk: nothing of it is fetched before a coding session opens.
        const editorChunks = () =>
          page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/code-editor-[\w-]+\.js$/.test(e.name)).length);
        expect(await editorChunks()).toBe(0);
        await startSession(page, QUESTION, 'practice');
        await codeEditor(page).waitFor();
        expect(await editorChunks()).toBe(1);

        const traced = [
          'import sys',
          question.referenceSolution.python,
          'solve = lru_cache_operations',
          'def lru_cache_operations(capacity, operations):',
          '    print("ops", len(operations))',
          '    print("capacity", capacity, file=sys.stderr)',
          '    if capacity < 1:',
          '        raise ValueError("capacity must be positive")',
          '    return solve(capacity, operations)',
          '',
        ].join('\n');
        await fillEditor(page, traced);
        // The console starts from the first visible test's arguments, one JSON value per line.
        const input = page.getByLabel('Input, one JSON value per line');
        expect(await input.inputValue()).toBe(question.tests.visible[0]!.args.map((a) => JSON.stringify(a)).join('\n'));
        await input.fill('1\n[["put", 1, 10], ["put", 2, 20], ["get", 1], ["get", 2]]');
        await page.getByRole('button', { name: 'Run with this input' }).click();
        const returned = await latestResult(page, 'run', 'PASSED');
        expect(await returned.getByTestId('code-result-summary').textContent()).toBe('Run on your input — returned');
        const custom = returned.getByTestId('code-custom');
        expect(await custom.getByTestId('code-test-input').textContent()).toBe('1\n[["put",1,10],["put",2,20],["get",1],["get",2]]');
        expect(await custom.getByTestId('code-test-returned').textContent()).toBe('[null,null,-1,20]');
        expect(await custom.getByTestId('code-test-stdout').textContent()).toBe('ops 4\n');
        expect(await custom.getByTestId('code-test-stderr').textContent()).toBe('capacity 1\n');
        expect(await returned.locator('[data-testid="code-test"]').count()).toBe(0);

        // An input the code raises on shows the error; one the server cannot read is refused with why.
        await input.fill('0\n[]');
        await page.getByRole('button', { name: 'Run with this input' }).click();
        const raised = await latestResult(page, 'run', 'RUNTIME_ERROR', 2);
        expect(await raised.getByTestId('code-test-error').textContent()).toContain('capacity must be positive');
        await input.fill('1');
        await page.getByRole('button', { name: 'Run with this input' }).click();
        await page
          .getByRole('alert')
          .filter({
            hasText:
              'The server refused the code: the input has 1 line; write one JSON value per line for each of the 2 parameters (capacity, operations)',
          })
          .waitFor();

        // Run tests: every visible test shows its input beside expected and actual.
        await page.getByRole('button', { name: 'Run tests' }).click();
        const passed = await latestResult(page, 'run', 'PASSED', 3);
        const inputs = await passed.getByTestId('code-test-input').allTextContents();
        expect(inputs).toEqual(question.tests.visible.map((t) => t.args.map((a) => JSON.stringify(a)).join('\n')));
        expect(await passed.getByTestId('code-test-expected').count()).toBe(question.tests.visible.length);
        expect(errors).toEqual([]);
      });
    },
    SLOW,
  );

  it(
    'keeps code through a reload and an outage, and shows printed HTML in a failing run as text',
    async () => {
      await asCandidate('live-coding-xss', async ({ page, context, dialogs, errors }) => {
        await startSession(page, QUESTION, 'practice');
        const payload = '<img src=x onerror=alert(1)>';
        const code = ['def lru_cache_operations(capacity, operations):', `    print("${payload}")`, '    return []', ''].join('\n');
        await fillEditor(page, code);
        // Reloaded before the debounced snapshot went out: the code is kept in this browser and sent after the join.
        await page.reload();
        await page.getByTestId('countdown').waitFor();
        expect(await editorTextOnce(page, code)).toBe(code);

        await page.getByRole('button', { name: 'Run tests' }).click();
        const failed = await latestResult(page, 'run', 'FAILED');
        const stdout = failed.getByTestId('code-test-stdout').first();
        expect(await stdout.textContent()).toBe(`${payload}\n`);
        expect(await page.getByTestId('code-results').locator('img, script').count()).toBe(0);
        expect(await failed.locator('[data-testid="code-test"][data-passed="true"]').count()).toBe(0);

        // Offline, an edit and a run wait in this browser and go out, in that order, when the link is back.
        const fixed = code.replace('return []', 'return [None] * len(operations)');
        await context.setOffline(true);
        await page.getByTestId('connection-banner').waitFor();
        await fillEditor(page, fixed);
        await page.getByRole('button', { name: 'Run tests' }).click();
        await page.getByTestId('code-running').getByText('Test run waiting for the connection', { exact: false }).waitFor();
        expect(await page.getByTestId('code-save-status').textContent()).toBe('Saved in this browser; sent when the connection is back');
        await context.setOffline(false);
        const second = await latestResult(page, 'run', 'FAILED', 2);
        expect(await second.locator('[data-testid="code-test-actual"]').first().textContent()).toMatch(/^\[null(,null)*\]$/);
        await page.getByTestId('code-save-status').getByText('Saved', { exact: true }).waitFor();

        // A reload re-joins from seq 0: each result is shown once, the editor still holds the code.
        await page.reload();
        await latestResult(page, 'run', 'FAILED', 2);
        expect(await page.getByTestId('code-result').count()).toBe(2);
        expect(await editorTextOnce(page, fixed)).toBe(fixed);
        expect(await page.getByTestId('code-results').locator('img, script').count()).toBe(0);
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
      });
    },
    SLOW,
  );
});

/** The newest result (shown unfolded), once it has this kind and status (and there are `count` results). */
async function latestResult(page: Page, kind: 'run' | 'submit', status: string, count?: number) {
  const results = page.getByTestId('code-results');
  const latest = results.locator(`:scope > article[data-testid="code-result"]`);
  const wait = async () => {
    await latest.and(page.locator(`[data-kind="${kind}"][data-status="${status}"]`)).waitFor({ timeout: RUN_TIMEOUT });
    if (count !== undefined) await results.locator(`details:nth-of-type(${count - 1})`).waitFor({ state: 'attached', timeout: RUN_TIMEOUT });
  };
  await wait().catch(async () => {
    throw new Error(
      `expected the latest result to be a ${kind} ${status}; the results panel says: ${await page
        .getByTestId('code-results')
        .textContent()
        .catch(() => '(none)')}`,
    );
  });
  return latest;
}
