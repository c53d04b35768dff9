export { DbModule } from './db.module.js';
export { createDatabase, dropDatabase, ensureDatabase, runMigrations } from './migrate.js';
/** @public test/support/global-setup.mjs imports it from the build (dist/), which knip does not read. */
export { assertTestDatabase } from './migrate.js';
export { AdvisoryLock, ADVISORY_LOCK_KEYS } from './advisory-lock.js';
export { TransactionHost } from './transaction-host.js';
export { affectedCount, firstRow, onlyRow, pgErrorCode, rows, RowShapeError } from './rows.js';
export { col } from './row-types.js';
