import type { Ack, ClientAckData, ClientPayload, CodeLanguageName, ErrorDto } from '../protocol.js';
import { retryAfter } from './live-connection.js';
import { newClientId } from './outbox.js';

/** The editor's languages, in the order the language choice lists them. */
export const LANGUAGES: readonly { id: CodeLanguageName; label: string }[] = [
  { id: 'python', label: 'Python' },
  { id: 'javascript', label: 'JavaScript' },
];

export type RunKind = 'run' | 'submit';

/**
 * A coding session's editor as `localStorage` keeps it (per session), so that neither a dropped connection nor a
 * reload loses code: what is in the editor per language, the latest snapshot not yet acknowledged, runs asked for
 * but not yet acknowledged, and runs acknowledged but without a result yet. Every snapshot and run keeps the
 * `clientId` it was first sent with: the server stores one per `clientId`, so a re-send never doubles it.
 */
export interface CodeDraft {
  language: CodeLanguageName;
  code: Partial<Record<CodeLanguageName, string>>;
  /** The latest snapshot the server has acknowledged (null: none from this browser yet). */
  sent: { language: CodeLanguageName; code: string } | null;
  /** The snapshot to send; a newer edit replaces it (only the latest code matters). */
  snapshot: { clientId: string; language: CodeLanguageName; code: string } | null;
  /** `input`: a run on the candidate's own input (the console's text) instead of the visible tests. */
  commands: { clientId: string; kind: RunKind; input?: string }[];
  running: { runId: string; kind: RunKind; custom?: boolean }[];
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class CodeDraftStore {
  private readonly key: string;

  constructor(
    sessionId: string,
    private readonly storage: Store,
  ) {
    this.key = `mi.code.${sessionId}`;
  }

  /**
   * Whether this browser holds code of its own for the session (else the server's last snapshot is the starting
   * point). Bookkeeping alone (a join's settled runs, an empty snapshot pass) is not a draft.
   */
  has(): boolean {
    const draft = this.read();
    return Object.keys(draft.code).length > 0 || draft.snapshot !== null || draft.commands.length > 0;
  }

  read(): CodeDraft {
    const empty: CodeDraft = { language: 'python', code: {}, sent: null, snapshot: null, commands: [], running: [] };
    try {
      const raw = this.storage.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as Partial<CodeDraft>) : {};
      return {
        language: LANGUAGES.some((l) => l.id === parsed.language) ? parsed.language! : empty.language,
        code: parsed.code && typeof parsed.code === 'object' ? parsed.code : {},
        sent: parsed.sent ?? null,
        snapshot: parsed.snapshot ?? null,
        commands: Array.isArray(parsed.commands) ? parsed.commands : [],
        running: Array.isArray(parsed.running) ? parsed.running : [],
      };
    } catch {
      return empty;
    }
  }

  /** Writes only a change: an update that changes nothing leaves the storage (and a fresh browser's "no draft") as it was. */
  update(fn: (draft: CodeDraft) => CodeDraft): CodeDraft {
    const current = this.read();
    const next = fn(current);
    if (next !== current) this.storage.setItem(this.key, JSON.stringify(next));
    return next;
  }
}

type CodeEvent = 'code:update' | 'code:run' | 'code:submit';
export type CodeRequest = <E extends CodeEvent>(event: E, payload: ClientPayload<E>) => Promise<Ack<ClientAckData[E]>>;

/** How long typing must pause before a snapshot goes out (the server refuses two closer than 500 ms by default). */
const SNAPSHOT_DEBOUNCE_MS = 1_000;

/**
 * Keeps the server's copy of the editor up to date: debounced `code:update` snapshots, then queued runs and
 * submissions, one request at a time and in that order, so a run always follows the latest code's acknowledged
 * snapshot. Offline, everything waits in the store and goes out on the next `resume()` (the hook calls it on every
 * join). A retryable refusal (rate limit, timeout, a dependency down) is retried after the server's `retryAfterMs`; any other refusal drops what it refused and
 * is reported.
 */
export class CodeSync {
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private flushing = false;
  private flushAgain = false;
  private stopped = false;

  constructor(
    private readonly sessionId: string,
    private readonly store: CodeDraftStore,
    private readonly request: CodeRequest,
    private readonly onChange: (draft: CodeDraft) => void,
    private readonly onRefused: (error: ErrorDto) => void,
    private readonly debounceMs = SNAPSHOT_DEBOUNCE_MS,
  ) {}

  draft(): CodeDraft {
    return this.store.read();
  }

  hasDraft(): boolean {
    return this.store.has();
  }

  /** Starts from the server's last snapshot (another browser's work) when this one holds nothing. */
  restore(language: CodeLanguageName, code: string): void {
    if (this.store.has()) return;
    this.changed(this.store.update((d) => ({ ...d, language, code: { ...d.code, [language]: code }, sent: { language, code } })));
  }

  /** The editor changed (text or language): saved at once, sent when typing pauses. */
  edit(language: CodeLanguageName, code: string): void {
    this.changed(this.store.update((d) => ({ ...d, language, code: { ...d.code, [language]: code } })));
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.resume(), this.debounceMs);
  }

  /**
   * Runs (or submits) the editor's code as it is now (`code`: what it shows): its snapshot goes first, then the run.
   * With `input`, the run calls the code once on those arguments instead of the visible tests.
   */
  run(kind: RunKind, language: CodeLanguageName, code: string, input?: string): void {
    this.store.update((d) => ({ ...d, language, code: { ...d.code, [language]: code } }));
    this.snapshot();
    const command = kind === 'run' && input !== undefined ? { clientId: newClientId(), kind, input } : { clientId: newClientId(), kind };
    this.changed(this.store.update((d) => ({ ...d, commands: [...d.commands, command] })));
    void this.flush();
  }

  /**
   * Sends whatever waits, the editor's unsent text included (typed before a reload or while offline). The hook calls
   * it after every join.
   */
  resume(): void {
    this.snapshot();
    void this.flush();
  }

  /** A result arrived: its run is no longer running. */
  settle(runIds: ReadonlySet<string>): void {
    const draft = this.store.read();
    if (!draft.running.some((r) => runIds.has(r.runId))) return;
    this.changed(this.store.update((d) => ({ ...d, running: d.running.filter((r) => !runIds.has(r.runId)) })));
  }

  /** Sends what is queued; safe to call at any time (a second call while sending makes the loop go round again). */
  async flush(): Promise<void> {
    if (this.stopped) return;
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    try {
      do {
        this.flushAgain = false;
        await this.sendQueued();
      } while (this.flushAgain && !this.stopped);
    } finally {
      this.flushing = false;
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
  }

  /** Queues a snapshot of the editor unless the server already has exactly this code. */
  private snapshot(): void {
    clearTimeout(this.debounce);
    this.changed(
      this.store.update((d) => {
        const code = d.code[d.language];
        if (code === undefined) return d;
        const latest = d.snapshot ?? d.sent;
        if (latest && latest.language === d.language && latest.code === code) return d;
        return { ...d, snapshot: { clientId: newClientId(), language: d.language, code } };
      }),
    );
  }

  /** Returns early (leaving the rest queued) when the connection is not there or the server asks to wait. */
  private async sendQueued(): Promise<void> {
    const snap = this.store.read().snapshot;
    if (snap) {
      const ack = await this.request('code:update', { sessionId: this.sessionId, ...snap });
      // A refused snapshot also drops the runs queued behind it: they would run older code than the editor shows.
      if (
        !this.accepted(ack, () =>
          this.store.update((d) => ({ ...d, snapshot: d.snapshot?.clientId === snap.clientId ? null : d.snapshot, commands: [] })),
        )
      )
        return;
      this.changed(
        this.store.update((d) => ({
          ...d,
          sent: { language: snap.language, code: snap.code },
          snapshot: d.snapshot?.clientId === snap.clientId ? null : d.snapshot,
        })),
      );
      if (this.store.read().snapshot) return void (this.flushAgain = true); // edited meanwhile: that goes first
    }
    for (const cmd of this.store.read().commands) {
      const ack =
        cmd.kind === 'run'
          ? await this.request('code:run', {
              sessionId: this.sessionId,
              clientId: cmd.clientId,
              ...(cmd.input !== undefined ? { input: cmd.input } : {}),
            })
          : await this.request('code:submit', { sessionId: this.sessionId, clientId: cmd.clientId });
      const drop = (d: CodeDraft) => ({ ...d, commands: d.commands.filter((c) => c.clientId !== cmd.clientId) });
      if (!this.accepted(ack, () => this.store.update(drop))) return;
      const running = { runId: ack.data.runId, kind: cmd.kind, ...(cmd.input !== undefined ? { custom: true } : {}) };
      this.changed(
        this.store.update((d) => ({ ...drop(d), running: d.running.some((r) => r.runId === ack.data.runId) ? d.running : [...d.running, running] })),
      );
    }
  }

  /** True when acknowledged; otherwise waits (offline, retryable) or drops the refused item and reports why. */
  private accepted<T>(ack: Ack<T>, drop: () => CodeDraft): ack is { ok: true; data: T } {
    if (ack.ok) return true;
    if (ack.error.code === 'OFFLINE') return false; // the next join flushes
    if (ack.error.retryable) {
      clearTimeout(this.retry);
      this.retry = setTimeout(() => void this.flush(), retryAfter(ack.error));
      return false;
    }
    this.changed(drop());
    this.onRefused(ack.error);
    this.flushAgain = true; // what is queued behind it still goes
    return false;
  }

  private changed(draft: CodeDraft): void {
    if (!this.stopped) this.onChange(draft);
  }
}
