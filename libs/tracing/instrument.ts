import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { loadConfig } from '#libs/config';
import type { Tracing } from './start-tracing.js';

let active: Tracing | null = null;

/**
 * The first thing an app's `main.js` does, before it imports the app itself: with OTEL_EXPORTER_OTLP_ENDPOINT set,
 * register the ESM loader hook (import-in-the-middle, limited to the modules the instrumentations ask for) and
 * start the SDK, so `http`, `pg` and `ioredis` are patched when the app loads them. Without it (or with a bad
 * configuration, which the app's own start reports) nothing is loaded or hooked.
 */
export async function instrumentProcess(service: string): Promise<void> {
  let otlpEndpoint: string | undefined;
  try {
    otlpEndpoint = loadConfig().tracing.otlpEndpoint;
  } catch {
    return;
  }
  if (!otlpEndpoint) return;
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  const { startTracing } = await import('./start-tracing.js');
  active = startTracing(otlpEndpoint, `mock-interview-${service}`);
  await waitForAllMessagesAcknowledged();
}

/** Sends the spans still buffered (before the process exits); nothing when tracing is off. */
export async function flushTracing(): Promise<void> {
  await active?.shutdown().catch(() => undefined);
  active = null;
}
