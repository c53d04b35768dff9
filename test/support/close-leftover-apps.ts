import { closeLeftoverApps } from './apps.js';

// After each test file of the tiers that boot apps (jest.config.js, setupFilesAfterEnv): see `closeLeftoverApps`.
afterAll(() => closeLeftoverApps());
