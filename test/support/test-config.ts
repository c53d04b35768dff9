import { type AppConfig, loadConfig } from '../../libs/config/index.js';

/** The app config a test process would parse, from the environment global setup prepared, plus overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...overrides });
}
