import type { GradeStatus, GradeView, KeyPointStatus, PhaseView, ReportView, ServerEvent, SessionStateDto } from '../protocol.js';

/** One finished run or submission, as `code:result` says it (hidden tests as pass/fail only). */
export type CodeResult = Omit<ServerEvent<'code:result'>, 'sessionId' | 'type'>;

export type TimelineItem =
  | { kind: 'interviewer'; seq: number; turnId: string; text: string; phaseId: string | null }
  | {
      kind: 'answer';
      seq: number;
      turnId: string;
      clientId: string;
      text: string;
      phaseId: string;
      status: GradeStatus;
      grade?: GradeView;
      failureCode?: string;
    };

export type AnswerItem = Extract<TimelineItem, { kind: 'answer' }>;

/** Everything the live-session screen shows, built only from the server's state and its events. */
export interface LiveState {
  sessionId: string;
  lastSeq: number;
  session: SessionStateDto | null;
  phase: PhaseView | null;
  endsAt: string | null;
  status: 'active' | 'ended';
  endedReason: 'candidate' | 'clock' | null;
  items: TimelineItem[];
  report: ReportView | null;
  /** Coding sessions: every run's result in order, at most one per `runId`. */
  codeResults: CodeResult[];
}

export function initialLiveState(sessionId: string): LiveState {
  return { sessionId, lastSeq: 0, session: null, phase: null, endsAt: null, status: 'active', endedReason: null, items: [], report: null, codeResults: [] };
}

/** The join ack: the state as of the join (never older than what we hold), then every event after our `lastSeq`. */
export function applyJoin(state: LiveState, ack: { state: SessionStateDto; events: ServerEvent[] }): LiveState {
  let next: LiveState = {
    ...state,
    session: ack.state,
    phase: ack.state.phase,
    endsAt: ack.state.phaseEndsAt,
    status: ack.state.status,
  };
  for (const event of ack.events) next = applyEvent(next, event);
  return next;
}

/** Applies one server event. An event already seen (by `seq`) changes nothing, so replays are harmless. */
export function applyEvent(state: LiveState, event: ServerEvent): LiveState {
  if (event.sessionId !== state.sessionId || event.seq <= state.lastSeq) return state;
  const next: LiveState = { ...state, lastSeq: event.seq };
  switch (event.type) {
    case 'phase:changed':
      return { ...next, phase: event.phase, endsAt: event.endsAt };
    case 'interviewer:message':
      return { ...next, items: [...state.items, { kind: 'interviewer', seq: event.seq, turnId: event.turnId, text: event.text, phaseId: state.phase?.id ?? null }] };
    case 'answer:accepted':
      if (state.items.some((i) => i.kind === 'answer' && i.turnId === event.turnId)) return next;
      return {
        ...next,
        items: [
          ...state.items,
          { kind: 'answer', seq: event.seq, turnId: event.turnId, clientId: event.clientId, text: event.text, phaseId: event.phaseId, status: 'queued' },
        ],
      };
    case 'grade:status':
      return updateAnswer(next, event.turnId, (a) => ({ ...a, status: event.status, failureCode: event.status === 'failed' ? a.failureCode : undefined }));
    case 'grade:scored':
      return updateAnswer(next, event.turnId, (a) => ({ ...a, status: 'scored', grade: event.grade as GradeView, failureCode: undefined }));
    case 'grade:failed':
      return updateAnswer(next, event.turnId, (a) => ({ ...a, status: 'failed', failureCode: event.code }));
    case 'session:report':
      return { ...next, report: event.report as ReportView };
    case 'session:ended':
      return { ...next, status: 'ended', endedReason: event.reason };
    case 'code:result': {
      if (state.codeResults.some((r) => r.runId === event.runId)) return next;
      const { sessionId: _sessionId, type: _type, ...result } = event;
      return { ...next, codeResults: [...state.codeResults, result] };
    }
  }
}

function updateAnswer(state: LiveState, turnId: string, fn: (a: AnswerItem) => AnswerItem): LiveState {
  return { ...state, items: state.items.map((i) => (i.kind === 'answer' && i.turnId === turnId ? fn(i) : i)) };
}

/** Runs the server accepted whose result has not arrived yet: shown as running. */
export function runningRuns<R extends { runId: string }>(accepted: readonly R[], results: readonly CodeResult[]): R[] {
  const done = new Set(results.map((r) => r.runId));
  return accepted.filter((r) => !done.has(r.runId));
}

const RANK: Record<KeyPointStatus, number> = { missed: 0, partial: 1, covered: 2 };

/** Best status per key point over the grades so far (practice mode): the coverage map. */
export function keyPointCoverage(items: TimelineItem[]): { id: string; status: KeyPointStatus }[] {
  const best = new Map<string, KeyPointStatus>();
  for (const item of items) {
    if (item.kind !== 'answer' || !item.grade) continue;
    for (const kp of item.grade.keyPoints) {
      const seen = best.get(kp.id);
      if (seen === undefined || RANK[kp.status] > RANK[seen]) best.set(kp.id, kp.status);
    }
  }
  return [...best].map(([id, status]) => ({ id, status }));
}

/** `chat-semantics` → `Chat semantics`. */
export function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
