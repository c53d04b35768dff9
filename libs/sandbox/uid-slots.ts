/**
 * A pool of sandbox uids, one per concurrent run: RLIMIT_NPROC counts the processes of a uid, so two runs
 * sharing one would share (and could exhaust) each other's budget.
 */
export class UidSlots {
  private readonly free: number[];
  private readonly waiting: ((uid: number) => void)[] = [];

  constructor(base: number, count: number) {
    this.free = Array.from({ length: count }, (_, i) => base + i);
  }

  async acquire(): Promise<number> {
    const uid = this.free.shift();
    if (uid !== undefined) return uid;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(uid: number): void {
    const next = this.waiting.shift();
    if (next) next(uid);
    else this.free.push(uid);
  }
}
