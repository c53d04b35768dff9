import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { auth } from '../api.js';
import { renewAccessToken } from '../auth-token.js';
import type { Ack, ClientAckData, DiagramScene, ErrorDto, SubmitIntent } from '../protocol.js';
import { type CodeDraft, CodeDraftStore, CodeSync } from './code-sync.js';
import { type ConnectionStatus, LiveConnection } from './live-connection.js';
import { Outbox, type OutboxEntry } from './outbox.js';
import { applyDelta, applyEvent, applyJoin, dropIdleDrafts, initialLiveState, type LiveState } from './session-state.js';

export interface LiveSession {
  state: LiveState;
  connection: { status: ConnectionStatus; detail?: string };
  /** Answers (and questions) typed but not yet acknowledged (shown as "sending" or "waiting for the connection"). */
  pending: OutboxEntry[];
  refused: { entry: OutboxEntry; error: ErrorDto }[];
  /** Sends an answer; with `intent: 'question'`, a question to the interviewer (answered, never graded). */
  submit(text: string, intent?: SubmitIntent): void;
  advance(): Promise<Ack<ClientAckData['phase:advance']>>;
  end(): Promise<Ack<ClientAckData['session:end']>>;
  retry(turnId: string): Promise<Ack<ClientAckData['grade:retry']>>;
  /** Coding sessions: the editor's state as kept in `localStorage`, and the sync that sends it. */
  code: { draft: CodeDraft; sync: CodeSync | null; refused: ErrorDto | null };
  /** System-design sessions: sends one board snapshot (`diagram:update`). */
  sendDiagram(payload: { clientId: string; scene: DiagramScene }): Promise<Ack<ClientAckData['diagram:update']>>;
}

const OFFLINE = { ok: false as const, error: { code: 'OFFLINE', message: 'Not connected.', retryable: true } };

export function useLiveSession(sessionId: string): LiveSession {
  const [state, setState] = useState(() => initialLiveState(sessionId));
  const [connection, setConnection] = useState<LiveSession['connection']>({ status: 'connecting' });
  const [pending, setPending] = useState<OutboxEntry[]>([]);
  const [refused, setRefused] = useState<LiveSession['refused']>([]);
  // The connection reads the latest seq synchronously on every reconnect, not a stale render's copy.
  const stateRef = useRef(state);
  const connRef = useRef<LiveConnection | null>(null);
  const [codeDraft, setCodeDraft] = useState<CodeDraft>(() => new CodeDraftStore(sessionId, localStorage).read());
  const [codeRefused, setCodeRefused] = useState<ErrorDto | null>(null);
  const [codeSync, setCodeSync] = useState<CodeSync | null>(null);

  useEffect(() => {
    stateRef.current = initialLiveState(sessionId);
    setState(stateRef.current);
    const update = (fn: (s: LiveState) => LiveState) => {
      stateRef.current = fn(stateRef.current);
      setState(stateRef.current);
    };
    // Snapshots and runs go through the connection's requests; after every join, whatever waited goes out.
    const sync = new CodeSync(
      sessionId,
      new CodeDraftStore(sessionId, localStorage),
      (event, payload) => conn.request(event, payload),
      setCodeDraft,
      setCodeRefused,
    );
    const settleRuns = () => sync.settle(new Set(stateRef.current.codeResults.map((r) => r.runId)));
    const conn = new LiveConnection(
      sessionId,
      () => auth.token(),
      new Outbox(sessionId, localStorage),
      {
        lastSeq: () => stateRef.current.lastSeq,
        onJoin: (ack) => {
          update((s) => applyJoin(s, ack));
          settleRuns();
        },
        onEvent: (event) => {
          update((s) => applyEvent(s, event));
          if (event.type === 'code:result') settleRuns();
        },
        // A piece that changes nothing returns the same state object, and React skips that render.
        onDelta: (delta) => update((s) => applyDelta(s, delta, Date.now())),
        onStatus: (status, detail) => {
          setConnection({ status, detail });
          if (status === 'online') sync.resume();
        },
        onOutbox: (entries) => setPending(entries),
        onRefused: (entry, error) => setRefused((r) => [...r, { entry, error }]),
      },
      renewAccessToken,
    );
    connRef.current = conn;
    setCodeDraft(sync.draft());
    setCodeSync(sync);
    conn.start();
    // A reply whose writer gave up (no final message will come) stops showing as being typed.
    const sweep = setInterval(() => update((s) => dropIdleDrafts(s, Date.now())), 10_000);
    return () => {
      clearInterval(sweep);
      sync.stop();
      conn.stop();
      connRef.current = null;
    };
  }, [sessionId]);

  const submit = useCallback((text: string, intent?: SubmitIntent) => void connRef.current?.submit(text, intent), []);
  const advance = useCallback(async () => (await connRef.current?.request('phase:advance', { sessionId })) ?? OFFLINE, [sessionId]);
  const end = useCallback(async () => (await connRef.current?.request('session:end', { sessionId })) ?? OFFLINE, [sessionId]);
  const retry = useCallback(async (turnId: string) => (await connRef.current?.request('grade:retry', { sessionId, turnId })) ?? OFFLINE, [sessionId]);
  const sendDiagram = useCallback(
    async (payload: { clientId: string; scene: DiagramScene }) =>
      (await connRef.current?.request('diagram:update', { sessionId, ...payload })) ?? OFFLINE,
    [sessionId],
  );
  const code = useMemo(() => ({ draft: codeDraft, sync: codeSync, refused: codeRefused }), [codeDraft, codeSync, codeRefused]);
  return useMemo(
    () => ({ state, connection, pending, refused, submit, advance, end, retry, code, sendDiagram }),
    [state, connection, pending, refused, submit, advance, end, retry, code, sendDiagram],
  );
}
