import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { auth } from '../api.js';
import type { Ack, ClientAckData, ErrorDto } from '../protocol.js';
import { type ConnectionStatus, LiveConnection } from './live-connection.js';
import { Outbox, type OutboxEntry } from './outbox.js';
import { applyEvent, applyJoin, initialLiveState, type LiveState } from './session-state.js';

export interface LiveSession {
  state: LiveState;
  connection: { status: ConnectionStatus; detail?: string };
  /** Answers typed but not yet acknowledged (shown as "sending" or "waiting for the connection"). */
  pending: OutboxEntry[];
  refused: { entry: OutboxEntry; error: ErrorDto }[];
  submit(text: string): void;
  advance(): Promise<Ack<ClientAckData['phase:advance']>>;
  end(): Promise<Ack<ClientAckData['session:end']>>;
  retry(turnId: string): Promise<Ack<ClientAckData['grade:retry']>>;
}

const OFFLINE = { ok: false as const, error: { code: 'OFFLINE', message: 'Not connected.' } };

export function useLiveSession(sessionId: string): LiveSession {
  const [state, setState] = useState(() => initialLiveState(sessionId));
  const [connection, setConnection] = useState<LiveSession['connection']>({ status: 'connecting' });
  const [pending, setPending] = useState<OutboxEntry[]>([]);
  const [refused, setRefused] = useState<LiveSession['refused']>([]);
  // The connection reads the latest seq synchronously on every reconnect, not a stale render's copy.
  const stateRef = useRef(state);
  const connRef = useRef<LiveConnection | null>(null);

  useEffect(() => {
    stateRef.current = initialLiveState(sessionId);
    setState(stateRef.current);
    const update = (fn: (s: LiveState) => LiveState) => {
      stateRef.current = fn(stateRef.current);
      setState(stateRef.current);
    };
    const conn = new LiveConnection(sessionId, () => auth.token(), new Outbox(sessionId, localStorage), {
      lastSeq: () => stateRef.current.lastSeq,
      onJoin: (ack) => update((s) => applyJoin(s, ack)),
      onEvent: (event) => update((s) => applyEvent(s, event)),
      onStatus: (status, detail) => setConnection({ status, detail }),
      onOutbox: (entries) => setPending(entries),
      onRefused: (entry, error) => setRefused((r) => [...r, { entry, error }]),
    });
    connRef.current = conn;
    conn.start();
    return () => {
      conn.stop();
      connRef.current = null;
    };
  }, [sessionId]);

  const submit = useCallback((text: string) => void connRef.current?.submit(text), []);
  const advance = useCallback(async () => (await connRef.current?.request('phase:advance', { sessionId })) ?? OFFLINE, [sessionId]);
  const end = useCallback(async () => (await connRef.current?.request('session:end', { sessionId })) ?? OFFLINE, [sessionId]);
  const retry = useCallback(
    async (turnId: string) => (await connRef.current?.request('grade:retry', { sessionId, turnId })) ?? OFFLINE,
    [sessionId],
  );
  return useMemo(
    () => ({ state, connection, pending, refused, submit, advance, end, retry }),
    [state, connection, pending, refused, submit, advance, end, retry],
  );
}
