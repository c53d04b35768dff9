export { DbModule } from './db.module.js';
export { assertTestDatabase, createDatabase, dropDatabase, ensureDatabase, runMigrations } from './migrate.js';
export { AdvisoryLock, ADVISORY_LOCK_KEYS } from './advisory-lock.js';
