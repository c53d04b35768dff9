import type {
  GradeStatus,
  GradeView,
  InterviewerDelta,
  KeyPointStatus,
  PhaseView,
  ReportView,
  ServerEvent,
  SessionStateDto,
  TurnKind,
} from '../protocol.js';

/** One finished run or submission, as `code:result` says it (hidden tests as pass/fail only). */
export type CodeResult = Omit<ServerEvent<'code:result'>, 'sessionId' | 'type'>;

/** The board as its last snapshot left it (one that carried its scene). */
export type DiagramSnapshot = Pick<ServerEvent<'diagram:updated'>, 'seq' | 'snapshotId' | 'clientId'> & {
  scene: NonNullable<ServerEvent<'diagram:updated'>['scene']>;
};

export type TimelineItem =
  | {
      kind: 'interviewer';
      seq: number;
      turnId: string;
      text: string;
      phaseId: string | null;
      /** The candidate turn this line answers (e.g. the candidate's question), when the server says so. */
      replyTo?: string;
      factIds?: string[];
    }
  | {
      kind: 'answer';
      seq: number;
      turnId: string;
      clientId: string;
      text: string;
      phaseId: string;
      /** How the server read the turn (`answer` when it did not say). */
      turnKind: TurnKind;
      /** Whether a grade follows: a question or a request to move on is never graded. */
      graded: boolean;
      /** The grade's progress; `null` for a turn that is not graded (no grade event will come for it). */
      status: GradeStatus | null;
      grade?: GradeView;
      /** The question's key points by id, sent with the grade (`grade:scored`) so its labels need no other request. */
      keyPointTexts?: Record<string, string>;
      failureCode?: string;
      /** While `delayed`: why, and the times the server gave (the next try, the latest the wait lasts). */
      delay?: { reason: string; retryAt?: string; giveUpAt?: string };
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
  /** Why the report could not be built (`session:report-failed`), until a report replaces it. */
  reportFailure: string | null;
  /** Coding sessions: every run's result in order, at most one per `runId`. */
  codeResults: CodeResult[];
  /** System-design sessions: the board's latest snapshot (`diagram:updated`), the newest by `seq`. */
  diagram: DiagramSnapshot | null;
  /**
   * Interviewer replies being written (`interviewer:delta`), by `turnId`, in the order they started. Outside the
   * event log: never counted in `lastSeq`; a reply's `interviewer:message` replaces its draft.
   */
  drafts: Record<string, DraftReply>;
}

/** A streamed interviewer reply so far: `text` is pieces `0 … nextIndex - 1`; pieces past a gap wait in `ahead`. */
export interface DraftReply {
  turnId: string;
  text: string;
  nextIndex: number;
  ahead: Record<number, string>;
  /** Piece 0's text once it arrived: a different piece 0 later means the reply started over. */
  first: string | null;
  /** When the last piece arrived (ms, the caller's clock). */
  updatedAt: number;
}

export function initialLiveState(sessionId: string): LiveState {
  return {
    sessionId,
    lastSeq: 0,
    session: null,
    phase: null,
    endsAt: null,
    status: 'active',
    endedReason: null,
    items: [],
    report: null,
    reportFailure: null,
    codeResults: [],
    diagram: null,
    drafts: {},
  };
}

/**
 * The join ack: the state as of the join (never older than what we hold), then every event after our `lastSeq`.
 * Drafts are dropped: pieces sent while we were away are never re-sent, and the final messages come from the log.
 */
export function applyJoin(state: LiveState, ack: { state: SessionStateDto; events: ServerEvent[] }): LiveState {
  let next: LiveState = {
    ...state,
    session: ack.state,
    phase: ack.state.phase,
    endsAt: ack.state.phaseEndsAt,
    status: ack.state.status,
    drafts: {},
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
    case 'interviewer:message': {
      const drafts = withoutDraft(state.drafts, event.turnId);
      if (state.items.some((i) => i.kind === 'interviewer' && i.turnId === event.turnId)) return { ...next, drafts };
      const item: TimelineItem = { kind: 'interviewer', seq: event.seq, turnId: event.turnId, text: event.text, phaseId: state.phase?.id ?? null };
      if (event.replyTo !== undefined) item.replyTo = event.replyTo;
      if (event.factIds !== undefined) item.factIds = event.factIds;
      return { ...next, drafts, items: [...state.items, item] };
    }
    case 'answer:accepted': {
      if (state.items.some((i) => i.kind === 'answer' && i.turnId === event.turnId)) return next;
      const turnKind = event.kind ?? 'answer';
      // An older server says neither: every turn was graded then. A question or a move-on never is.
      const graded = event.graded ?? (turnKind !== 'question' && turnKind !== 'move-on');
      return {
        ...next,
        items: [
          ...state.items,
          {
            kind: 'answer',
            seq: event.seq,
            turnId: event.turnId,
            clientId: event.clientId,
            text: event.text,
            phaseId: event.phaseId,
            turnKind,
            graded,
            status: graded ? 'queued' : null,
          },
        ],
      };
    }
    // A grade event is the server's word that the turn is graded after all: shown as it comes.
    case 'grade:status':
      return updateAnswer(next, event.turnId, (a) => ({
        ...a,
        graded: true,
        status: event.status,
        failureCode: event.status === 'failed' ? a.failureCode : undefined,
        delay:
          event.status === 'delayed'
            ? { reason: event.reason ?? 'PROVIDER_RATE_LIMITED', retryAt: event.retryAt, giveUpAt: event.giveUpAt }
            : undefined,
      }));
    case 'grade:scored':
      return updateAnswer(next, event.turnId, (a) => ({
        ...a,
        graded: true,
        status: 'scored',
        grade: event.grade,
        ...(event.keyPointTexts ? { keyPointTexts: event.keyPointTexts } : {}),
        failureCode: undefined,
      }));
    case 'grade:failed':
      return updateAnswer(next, event.turnId, (a) => ({ ...a, graded: true, status: 'failed', failureCode: event.code }));
    case 'session:report':
      return { ...next, report: event.report, reportFailure: null };
    case 'session:report-failed':
      return { ...next, reportFailure: event.code };
    case 'session:ended':
      return { ...next, status: 'ended', endedReason: event.reason, drafts: {} };
    case 'code:result': {
      if (state.codeResults.some((r) => r.runId === event.runId)) return next;
      const { sessionId: _sessionId, type: _type, ...result } = event;
      return { ...next, codeResults: [...state.codeResults, result] };
    }
    case 'diagram:updated':
      // A join's earlier snapshots come without their scene: the batch's latest one carries the board.
      if (!event.scene) return next;
      return { ...next, diagram: { seq: event.seq, snapshotId: event.snapshotId, clientId: event.clientId, scene: event.scene } };
  }
}

/** Pieces held past a gap, per draft: a gap that never fills only means waiting for the final message. */
const MAX_AHEAD = 500;
/** A draft no piece has reached for this long is dropped (its writer gave up); its final message still shows if it comes. */
const DRAFT_IDLE_MS = 45_000;

/**
 * Adds a piece of a streamed interviewer reply, received at `now` (ms). Pieces are joined in `index` order (a
 * later piece waits for the ones before it). A piece already held, a reply whose final message has arrived,
 * another session's or an ended session's piece change nothing (the same state object is returned). A piece 0
 * unlike the one held means the writer started the reply over (a retried job streams again under the same
 * `turnId`): the draft starts over with it.
 */
export function applyDelta(state: LiveState, delta: InterviewerDelta, now: number): LiveState {
  if (delta.sessionId !== state.sessionId || state.status === 'ended') return state;
  if (typeof delta.turnId !== 'string' || typeof delta.text !== 'string' || !Number.isSafeInteger(delta.index) || delta.index < 0) return state;
  if (state.items.some((i) => i.kind === 'interviewer' && i.turnId === delta.turnId)) return state;
  const held = Object.hasOwn(state.drafts, delta.turnId) ? state.drafts[delta.turnId]! : undefined;
  const restarted = held !== undefined && delta.index === 0 && held.first !== null && held.first !== delta.text;
  const draft: DraftReply = held && !restarted ? held : { turnId: delta.turnId, text: '', nextIndex: 0, ahead: {}, first: null, updatedAt: now };
  if (delta.index < draft.nextIndex || Object.hasOwn(draft.ahead, delta.index)) return state;
  let updated: DraftReply;
  if (delta.index > draft.nextIndex) {
    if (Object.keys(draft.ahead).length >= MAX_AHEAD) return state;
    updated = { ...draft, ahead: { ...draft.ahead, [delta.index]: delta.text }, updatedAt: now };
  } else {
    let text = draft.text + delta.text;
    let nextIndex = delta.index + 1;
    const ahead = { ...draft.ahead };
    while (Object.hasOwn(ahead, nextIndex)) {
      text += ahead[nextIndex]!;
      delete ahead[nextIndex];
      nextIndex += 1;
    }
    updated = { turnId: draft.turnId, text, nextIndex, ahead, first: delta.index === 0 ? delta.text : draft.first, updatedAt: now };
  }
  return { ...state, drafts: { ...state.drafts, [delta.turnId]: updated } };
}

/** Drops drafts no piece has reached for `maxIdleMs`: a writer that gave up sends no final message. */
export function dropIdleDrafts(state: LiveState, now: number, maxIdleMs: number = DRAFT_IDLE_MS): LiveState {
  const idle = Object.values(state.drafts).filter((d) => now - d.updatedAt >= maxIdleMs);
  if (idle.length === 0) return state;
  let drafts = state.drafts;
  for (const d of idle) drafts = withoutDraft(drafts, d.turnId);
  return { ...state, drafts };
}

/** The replies being written, in the order they started: shown after the timeline, where their final messages will land. */
export function draftReplies(state: Pick<LiveState, 'drafts'>): DraftReply[] {
  return Object.values(state.drafts);
}

function withoutDraft(drafts: Record<string, DraftReply>, turnId: string): Record<string, DraftReply> {
  if (!Object.hasOwn(drafts, turnId)) return drafts;
  const { [turnId]: _dropped, ...rest } = drafts;
  return rest;
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

/**
 * Best status per key point over the grades so far (practice mode): the coverage map. `board`: what the board showed
 * for the point in the grades that reached that status (each line once), empty when it showed nothing. `text`: the
 * point as the rubric words it, when a grade event carried it.
 */
export function keyPointCoverage(items: TimelineItem[]): { id: string; status: KeyPointStatus; board: string[]; text?: string }[] {
  const best = new Map<string, { status: KeyPointStatus; board: string[] }>();
  const texts = new Map<string, string>();
  for (const item of items) {
    if (item.kind !== 'answer' || !item.grade) continue;
    for (const [id, text] of Object.entries(item.keyPointTexts ?? {})) texts.set(id, text);
    for (const kp of item.grade.keyPoints) {
      const seen = best.get(kp.id);
      const board = (kp.diagramEvidence ?? []).map((e) => e.text);
      if (seen === undefined || RANK[kp.status] > RANK[seen.status]) best.set(kp.id, { status: kp.status, board });
      else if (kp.status === seen.status) seen.board.push(...board.filter((b) => !seen.board.includes(b)));
    }
  }
  return [...best].map(([id, { status, board }]) => {
    const text = texts.get(id);
    return { id, status, board, ...(text ? { text } : {}) };
  });
}

/** `chat-semantics` → `Chat semantics`. */
export function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
