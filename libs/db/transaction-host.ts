import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

interface Ambient {
  readonly db: DataSource;
  readonly manager: EntityManager;
  /** False once the transaction has ended: work it started and left running (a timer, a cached promise) must not reuse it. */
  open: boolean;
}

/** One store for the process; each entry names its DataSource, so two apps in one process never share a transaction. */
const ambient = new AsyncLocalStorage<Ambient>();

/**
 * The transaction a call runs in, shared across libs without passing a manager along (AsyncLocalStorage).
 *
 * `transaction(fn)` opens a transaction, or joins the one already open in this async context, so a service of one
 * lib can call another lib's public service and both write in the same commit (redeem creates the user through
 * libs/auth; a deletion in libs/review runs under libs/interview's session row lock). A repository reads
 * `manager`: the ambient transaction's manager when there is one, else the DataSource's own.
 */
export class TransactionHost {
  constructor(private readonly db: DataSource) {}

  get manager(): EntityManager {
    return this.current()?.manager ?? this.db.manager;
  }

  get active(): boolean {
    return this.current() !== null;
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    const current = this.current();
    if (current) return fn(current.manager);
    return this.db.transaction(async (manager) => {
      const entry: Ambient = { db: this.db, manager, open: true };
      try {
        return await ambient.run(entry, () => fn(manager));
      } finally {
        entry.open = false;
      }
    });
  }

  private current(): Ambient | null {
    const store = ambient.getStore();
    return store?.db === this.db && store.open ? store : null;
  }
}
