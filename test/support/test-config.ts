import { type AppConfig, loadConfig } from '../../libs/config/index.js';

/** The app config a test process would parse, from the environment global setup prepared, plus overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...overrides });
}

/** A BullMQ key prefix of its own, so apps started by one test file never take another file's jobs. */
export function isolatedQueuePrefix(): string {
  return `${process.env.QUEUE_PREFIX ?? 'test'}-${Math.random().toString(36).slice(2, 8)}`;
}
