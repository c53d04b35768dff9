/**
 * Answers typed but not yet acknowledged by the server, kept in `localStorage` per session so that neither a
 * dropped connection nor a reload loses them. Each keeps the `clientId` it was first sent with: the server
 * stores one answer per `clientId`, so re-sending after a reconnect can never double it.
 */
export interface OutboxEntry {
  clientId: string;
  text: string;
  createdAt: string;
}

export class Outbox {
  private readonly key: string;

  constructor(
    sessionId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  ) {
    this.key = `mi.outbox.${sessionId}`;
  }

  list(): OutboxEntry[] {
    try {
      const raw = this.storage.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]).filter((e) => typeof e?.clientId === 'string' && typeof e.text === 'string') : [];
    } catch {
      return [];
    }
  }

  add(text: string, clientId: string = newClientId()): OutboxEntry {
    const entry = { clientId, text, createdAt: new Date().toISOString() };
    this.write([...this.list(), entry]);
    return entry;
  }

  remove(clientId: string): void {
    const rest = this.list().filter((e) => e.clientId !== clientId);
    if (rest.length) this.write(rest);
    else this.storage.removeItem(this.key);
  }

  private write(entries: OutboxEntry[]): void {
    this.storage.setItem(this.key, JSON.stringify(entries));
  }
}

/** Matches the protocol's `clientId` rule (letters, digits, `. _ : -`). */
export function newClientId(): string {
  return `web-${crypto.randomUUID()}`;
}
