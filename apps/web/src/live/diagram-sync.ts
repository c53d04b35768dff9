import type { Ack, ClientAckData, DiagramElementType, DiagramScene, ErrorDto } from '../protocol.js';
import { retryAfter } from './live-connection.js';
import { newClientId } from './outbox.js';

/** Element types the server stores (`DIAGRAM_ELEMENT_TYPES`); anything else (images, embeds) stays on this screen. */
const STORED_ELEMENT_TYPES: readonly DiagramElementType[] = ['rectangle', 'ellipse', 'diamond', 'text', 'arrow', 'line', 'freedraw', 'frame'];

export type DiagramRequest = (payload: { clientId: string; scene: DiagramScene }) => Promise<Ack<ClientAckData['diagram:update']>>;

/** How long drawing must pause before a snapshot goes out (the server refuses two closer than 1 s by default). */
const DIAGRAM_DEBOUNCE_MS = 1_200;

/**
 * The largest scene sent, in UTF-8 bytes of its JSON: the server's `DIAGRAM_MAX_BYTES` default (libs/config). The
 * client is not told the configured value, so it uses the documented default. A scene past the socket's frame limit
 * (about twice the server's) would drop the connection with no code and be re-sent on every reconnect; refused here,
 * it is reported as the server would report it (`DIAGRAM_TOO_LARGE`) and never sent.
 */
export const DIAGRAM_MAX_BYTES = 1_000_000;

interface BoardElement {
  id: string;
  type: string;
  version?: number;
  isDeleted?: boolean;
}

/** What the board shows, as the server stores it: live elements of the stored types, and no app state beyond the background. */
export function toStoredScene(elements: readonly BoardElement[], viewBackgroundColor?: string): { scene: DiagramScene; left: number } {
  const live = elements.filter((e) => !e.isDeleted);
  const kept = live.filter((e) => (STORED_ELEMENT_TYPES as readonly string[]).includes(e.type));
  const scene = {
    type: 'excalidraw',
    version: 2,
    elements: kept,
    appState: viewBackgroundColor ? { viewBackgroundColor } : {},
  } as unknown as DiagramScene;
  return { scene, left: live.length - kept.length };
}

/** Changes when an element is added, removed or edited (Excalidraw bumps `version` on every edit), not on a pan or a selection. */
function fingerprint(elements: readonly BoardElement[]): string {
  return elements
    .filter((e) => !e.isDeleted)
    .map((e) => `${e.id}:${e.version ?? 0}`)
    .join(',');
}

/**
 * Keeps the server's copy of the board up to date: only the latest scene matters, so a newer drawing replaces
 * one not yet sent (it keeps its `clientId` only while it is being re-sent unchanged). Offline the scene waits for
 * `resume()` (called after every join); a retryable refusal (rate limit, timeout, a dependency down) is retried after `retryAfterMs`; any other
 * refusal (too large, invalid) is reported and the scene dropped until the next edit. A scene over `maxBytes` is
 * refused here the same way, without being sent.
 */
export class DiagramSync {
  private pending: { clientId: string; scene: DiagramScene; fingerprint: string } | null = null;
  private sentFingerprint: string | null = null;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private sending = false;
  private stopped = false;
  /** Snapshots this browser sent: a `diagram:updated` with one of these is our own echo, not another device's drawing. */
  readonly ownClientIds = new Set<string>();

  constructor(
    private readonly request: DiagramRequest,
    private readonly onRefused: (error: ErrorDto | null) => void,
    private readonly debounceMs = DIAGRAM_DEBOUNCE_MS,
    private readonly maxBytes = DIAGRAM_MAX_BYTES,
  ) {}

  /** The board now shows a scene the server already has (loaded, or another device's): nothing to send for it. */
  known(elements: readonly BoardElement[]): void {
    this.sentFingerprint = fingerprint(elements);
  }

  /** The board changed: sent when drawing pauses, unless it is what the server already has. */
  changed(elements: readonly BoardElement[], viewBackgroundColor?: string): void {
    const print = fingerprint(elements);
    if (print === this.sentFingerprint || print === this.pending?.fingerprint) return;
    const { scene } = toStoredScene(elements, viewBackgroundColor);
    this.pending = { clientId: newClientId(), scene, fingerprint: print };
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.flush(), this.debounceMs);
  }

  resume(): void {
    void this.flush();
  }

  /** (Again) after `stop()`: a remounted board. */
  start(): void {
    this.stopped = false;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
  }

  async flush(): Promise<void> {
    if (this.stopped || this.sending || !this.pending) return;
    const snap = this.pending;
    const bytes = new TextEncoder().encode(JSON.stringify(snap.scene)).length;
    if (bytes > this.maxBytes) {
      this.pending = null;
      this.onRefused({
        code: 'DIAGRAM_TOO_LARGE',
        message: `the scene is ${bytes} bytes; the limit is ${this.maxBytes}`,
        retryable: false,
        details: { limit: this.maxBytes, bytes },
      });
      return;
    }
    this.sending = true;
    this.ownClientIds.add(snap.clientId);
    let ack: Ack<ClientAckData['diagram:update']>;
    try {
      ack = await this.request({ clientId: snap.clientId, scene: snap.scene });
    } finally {
      this.sending = false;
    }
    if (ack.ok) {
      this.sentFingerprint = snap.fingerprint;
      if (this.pending === snap) this.pending = null;
      this.onRefused(null);
    } else if (ack.error.code === 'OFFLINE') {
      return; // the next join resumes
    } else if (ack.error.retryable) {
      clearTimeout(this.retry);
      this.retry = setTimeout(() => void this.flush(), retryAfter(ack.error));
      return;
    } else {
      if (this.pending === snap) this.pending = null;
      this.onRefused(ack.error);
    }
    if (this.pending && this.pending !== snap) void this.flush(); // drawn meanwhile
  }
}
