// Jest runs in native ESM mode (NestJS 12 is ESM-only): see the `test` script.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  // Integration and e2e hooks boot real apps; unit tests finish far below this.
  testTimeout: 60_000,
  // In native ESM mode a jest process keeps every test file's module graph until it exits: run in band, a tier's
  // heap grew to its 6 GB limit and spent most of its time in GC (the end-to-end tier died of it). Set, this runs the
  // tests in a worker process (even with one worker) that jest replaces after any file that leaves it above the limit.
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/lint/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/test/support/close-leftover-apps.ts'],
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      // Service tier (issue 23): a lib's Nest module under test on the real Postgres and Redis, no worker, no HTTP.
      ...shared,
      displayName: 'service',
      setupFilesAfterEnv: ['<rootDir>/test/support/close-leftover-apps.ts'],
      testMatch: ['<rootDir>/test/service/**/*.service-test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...shared,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/test/support/close-leftover-apps.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      // Hostile-user regressions (issue 17): one test per hardening point, on the real apps, Postgres, Redis and bwrap.
      ...shared,
      displayName: 'security',
      setupFilesAfterEnv: ['<rootDir>/test/support/close-leftover-apps.ts'],
      testMatch: ['<rootDir>/test/security/**/*.security.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      // The web client in Debian's Chromium (playwright-core) against the real api, worker, Postgres and Redis.
      ...shared,
      displayName: 'browser',
      setupFilesAfterEnv: ['<rootDir>/test/support/close-leftover-apps.ts'],
      testMatch: ['<rootDir>/test/browser/**/*.browser.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
