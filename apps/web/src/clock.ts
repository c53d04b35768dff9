/**
 * The server's clock as seen from the browser. The server owns every deadline (`endsAt`), so a countdown
 * must use server time: `now() = Date.now() + offset`. Each observation bounds the offset:
 * - an HTTP `Date` header (1 s resolution) was stamped between the request leaving and the reply arriving;
 * - an event's `at` was stamped before the event arrived, so `at - receivedAt` is a lower bound.
 * The estimate is the middle of the tightest bounds seen.
 */
export class ServerClock {
  private lower = -Infinity;
  private upper = Infinity;

  constructor(private readonly local: () => number = Date.now) {}

  /** `date` is the reply's `Date` header; `sentAt`/`receivedAt` are local times around the request. */
  observeHttpDate(date: string | null, sentAt: number, receivedAt: number): void {
    const stamped = date ? Date.parse(date) : NaN;
    if (Number.isNaN(stamped)) return;
    this.bound(stamped - receivedAt, stamped + 1000 - sentAt);
  }

  /** `at` is a server event's ISO time, received now. */
  observeEvent(at: string, receivedAt: number = this.local()): void {
    const stamped = Date.parse(at);
    if (!Number.isNaN(stamped)) this.bound(stamped - receivedAt, Infinity);
  }

  /** Milliseconds to add to the local clock to get the server's. */
  get offsetMs(): number {
    if (this.lower === -Infinity) return this.upper === Infinity ? 0 : this.upper;
    if (this.upper === Infinity) return this.lower;
    return (this.lower + this.upper) / 2;
  }

  now(): number {
    return this.local() + this.offsetMs;
  }

  /** Milliseconds left until a server time (never negative). */
  remainingMs(endsAt: string): number {
    return Math.max(0, Date.parse(endsAt) - this.now());
  }

  private bound(lower: number, upper: number): void {
    // A bound that contradicts the others means the local clock jumped: start again from this observation.
    if (lower > this.upper || upper < this.lower) {
      this.lower = lower;
      this.upper = upper;
      return;
    }
    this.lower = Math.max(this.lower, lower);
    this.upper = Math.min(this.upper, upper);
  }
}

export const serverClock = new ServerClock();

export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
