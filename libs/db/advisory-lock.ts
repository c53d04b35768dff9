import type { DataSource, EntityManager } from 'typeorm';

/**
 * A service-wide critical section: `run` opens a transaction that takes `pg_advisory_xact_lock(key)` and runs
 * `fn` in it, so the lock is released by the commit, the rollback, or the death of the connection. Callers in
 * one process queue in memory first, so at most one of the process's pool connections waits on the lock and a
 * burst cannot take the whole pool from everything else.
 */
export class AdvisoryLock {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly key: number,
  ) {}

  run<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    const run = this.tail.then(() =>
      this.db.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock($1)`, [this.key]);
        return fn(m);
      }),
    );
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** Every advisory-lock key in use, in one place so two never collide. */
export const ADVISORY_LOCK_KEYS = { sessionAdmission: 7_001, waitlistSignUp: 7_101 } as const;
