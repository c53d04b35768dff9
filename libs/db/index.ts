export { DbModule } from './db.module.js';
export { assertTestDatabase, createDatabase, dropDatabase, ensureDatabase, runMigrations } from './migrate.js';
