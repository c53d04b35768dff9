import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { type RunningApi, startApi, startWorker } from '../../support/apps.js';
import { createOwnDatabase, type OwnDatabase } from '../../support/own-database.js';
import { isolatedQueuePrefix } from '../../support/test-config.js';
import { launchBrowser } from './browser.js';

export interface BrowserStack {
  db: OwnDatabase;
  api: RunningApi;
  worker: INestApplicationContext;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * A browser test file's stack: its own database (the waitlist and rollout limits are global state), the real api
 * serving the built client and the worker on it (`env` on top), and Chromium.
 */
export async function startBrowserStack(env: Record<string, string> = {}): Promise<BrowserStack> {
  const db = await createOwnDatabase();
  const config = { DATABASE_URL: db.url, QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000', ...env };
  const [api, worker, browser] = await Promise.all([startApi(config), startWorker(config), launchBrowser()]);
  return {
    db,
    api,
    worker,
    browser,
    stop: async () => {
      await browser.close();
      await Promise.all([api.close(), worker.close()]);
      await db.drop();
    },
  };
}
