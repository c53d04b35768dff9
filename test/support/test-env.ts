import { randomBytes } from 'node:crypto';

/** Where the per-run database is created; its own name need not contain "test", the created one always does. */
export const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function newTestDatabaseName(): string {
  return `test_mi_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export function databaseUrlFor(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
