import type { ClientPayload, SubmitIntent } from '../protocol.js';

/**
 * Answers typed but not yet acknowledged by the server, kept in `localStorage` per session so that neither a
 * dropped connection nor a reload loses them. Each keeps the `clientId` it was first sent with: the server
 * stores one answer per `clientId`, so re-sending after a reconnect can never double it. The `intent` (a
 * question to the interviewer) is kept too, so a re-send means the same thing as the first send.
 */
export interface OutboxEntry {
  clientId: string;
  text: string;
  createdAt: string;
  /** Absent: an answer, as the server reads it (a message made only of questions may still count as one). */
  intent?: SubmitIntent;
}

const INTENTS: readonly unknown[] = ['answer', 'question'] satisfies SubmitIntent[];

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
      if (!Array.isArray(parsed)) return [];
      return (parsed as OutboxEntry[]).flatMap((e) => {
        if (typeof e?.clientId !== 'string' || typeof e.text !== 'string') return [];
        // An intent this client never wrote (an edited or older store) is not sent: the server reads the text.
        if (e.intent !== undefined && !INTENTS.includes(e.intent)) {
          const { intent: _unknown, ...rest } = e;
          return [rest];
        }
        return [e];
      });
    } catch {
      return [];
    }
  }

  add(text: string, intent?: SubmitIntent, clientId: string = newClientId()): OutboxEntry {
    const entry: OutboxEntry = { clientId, text, createdAt: new Date().toISOString(), ...(intent ? { intent } : {}) };
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

/** What goes out for a queued entry, first send or re-send alike: the same `clientId`, text and intent. */
export function submitPayload(sessionId: string, entry: OutboxEntry): ClientPayload<'answer:submit'> {
  return { sessionId, clientId: entry.clientId, text: entry.text, ...(entry.intent ? { intent: entry.intent } : {}) };
}

/** Matches the protocol's `clientId` rule (letters, digits, `. _ : -`). */
export function newClientId(): string {
  return `web-${crypto.randomUUID()}`;
}
