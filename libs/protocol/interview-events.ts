import { z } from 'zod';
import type { CodeComplexityFacts, CodeQualityFacts } from './code-facts.js';
import { diagramScenePayload, type DiagramScene } from './diagram-scene.js';
import { freeText } from './free-text.js';

/**
 * The live-session protocol on the socket.io namespace `/interview`, in one file shared by the gateway,
 * the worker, the tests and the client. Client → server events carry an ack; server → client events
 * carry `{ sessionId, seq, type, at }` with `seq` strictly increasing per session. See docs/protocol.md.
 */

export const INTERVIEW_NAMESPACE = '/interview';

const uuid = z.uuid({ message: 'must be a UUID' });
const clientId = z.string().min(1, 'is required').max(100).regex(/^[\w.:-]+$/, 'must be letters, digits, . _ : -');

/** Languages a candidate can write in during a live coding session. */
export const CODE_LANGUAGES = ['python', 'javascript'] as const;
export type CodeLanguageName = (typeof CODE_LANGUAGES)[number];

export const clientPayloadSchemas = {
  'session:join': z.object({ sessionId: uuid, lastSeq: z.number().int().min(0).optional() }).strict(),
  'answer:submit': z
    .object({
      sessionId: uuid,
      clientId,
      text: freeText(),
      /**
       * `question`: the candidate asks the interviewer (answered, never graded). Without it the server reads
       * the turn: a message made only of questions is a question too (see docs/protocol.md).
       */
      intent: z.enum(['answer', 'question']).optional(),
    })
    .strict(),
  'phase:advance': z.object({ sessionId: uuid }).strict(),
  'session:end': z.object({ sessionId: uuid }).strict(),
  'grade:retry': z.object({ sessionId: uuid, turnId: uuid }).strict(),
  /** A debounced snapshot of the editor; the length cap is the server's `CODE_MAX_CHARS`. */
  'code:update': z
    .object({
      sessionId: uuid,
      clientId,
      language: z.enum(CODE_LANGUAGES),
      code: freeText(),
    })
    .strict(),
  /**
   * Runs the latest snapshot against the visible tests or, with `input`, once on the candidate's own arguments:
   * one JSON value per line, in the order of the question's parameters (the length cap is the server's
   * `CODE_CUSTOM_INPUT_MAX_CHARS`). Never the hidden tests.
   */
  'code:run': z.object({ sessionId: uuid, clientId, input: freeText().optional() }).strict(),
  /** Runs the latest snapshot against the visible and hidden tests; the last submission is graded. */
  'code:submit': z.object({ sessionId: uuid, clientId }).strict(),
  /** A debounced snapshot of the system-design board (an Excalidraw scene, or its JSON text). */
  'diagram:update': z.object({ sessionId: uuid, clientId, scene: diagramScenePayload }).strict(),
} as const;

export type ClientEventName = keyof typeof clientPayloadSchemas;
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientPayloadSchemas)[E]>;

/** `delayed`: the grading provider is rate-limiting; the event says why and until when (never stored as a status). */
export type GradeStatus = 'queued' | 'grading' | 'delayed' | 'scored' | 'failed';

export type CodeRunStatus = 'PASSED' | 'FAILED' | 'COMPILE_ERROR' | 'RUNTIME_ERROR' | 'TIMEOUT' | 'MEMORY_LIMIT' | 'OUTPUT_LIMIT';

/** One test of a run as the candidate sees it: hidden tests carry only `passed` (no time, output or error). */
export interface CodeTestResultDto {
  name: string;
  hidden: boolean;
  passed: boolean;
  expected?: unknown;
  actual?: unknown;
  error?: string;
  stdout?: string;
  stderr?: string;
  /** Visible tests only. */
  timeMs?: number;
  /** Visible tests only: the arguments the test calls the function with (absent on results stored before it). */
  input?: unknown[];
}

/** A run on the candidate's own input (`code:run` with `input`): the one call's arguments and what it did. */
export interface CodeCustomRunDto {
  /** The arguments, parsed from the input. */
  args: unknown[];
  /** The call returned (no exception); `value` is what it returned. */
  returned: boolean;
  value?: unknown;
  error?: string;
  stdout?: string;
  stderr?: string;
  timeMs?: number;
}

/** A coding session's code in its report: the graded code, its tests (hidden ones as pass/fail) and its runs. */
export interface CodeReportSection {
  language: string;
  code: string;
  /** The graded submission's status; null when the code was never submitted. */
  status: string | null;
  tests: CodeTestResultDto[];
  visible: { passed: number; total: number };
  hidden: { passed: number; total: number };
  /** Every run and submission in order (the full replay is `GET /api/sessions/:id/code-timeline`). */
  timeline: { at: string; kind: 'run' | 'submit'; status: string | null; visible: { passed: number; total: number } | null; hidden: { passed: number; total: number } | null }[];
  snapshots: number;
  /** The graded submission's static analysis (`score`, `findings`); absent when it was not computed (see `factsMissing`). */
  quality?: CodeQualityFacts;
  /** The graded submission's measured growth (`summary`: "measured O(n) per put/get (required O(1))", `note`). */
  complexity?: CodeComplexityFacts;
  /** Why a code fact is absent for the graded submission, one sentence each (absent when nothing is missing). */
  factsMissing?: string[];
}

/**
 * How the server read a candidate's turn: an `answer` (graded), a `question` to the interviewer (answered,
 * not graded), a request to `move-on` (the phase advances; not graded) or `dont-know` (graded, so it counts).
 */
export const TURN_KINDS = ['answer', 'question', 'move-on', 'dont-know'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

export interface PhaseView {
  id: string;
  title: string;
  index: number;
  count: number;
}

/** What the server says, by event type. `grade` and `report` are the stored documents, as JSON. */
export interface ServerEventPayloads {
  'phase:changed': { phase: PhaseView; endsAt: string };
  /**
   * A line of the interviewer. `replyTo` is the candidate turn it answers; `factIds` the scenario facts it
   * gave. A streamed reply (`interviewer:delta`) ends with this event under the same `turnId`.
   */
  'interviewer:message': { turnId: string; text: string; reason: string; keyPointId?: string; replyTo?: string; factIds?: string[] };
  /** `kind` is how the server read the turn; `graded` says whether a grade will follow. */
  'answer:accepted': { turnId: string; clientId: string; phaseId: string; text: string; kind?: TurnKind; graded?: boolean };
  'grade:status': {
    turnId: string;
    status: GradeStatus;
    /** With `delayed`: why (`PROVIDER_RATE_LIMITED`), when the next try is expected, and the latest the wait lasts. */
    reason?: string;
    retryAt?: string;
    giveUpAt?: string;
  };
  'grade:scored': { turnId: string; grade: unknown };
  'grade:failed': { turnId: string; code: string };
  'session:report': { report: unknown };
  /** The report could not be built within the reconciler's bounded re-drives (answers and grades are kept). */
  'session:report-failed': { code: string };
  'session:ended': { reason: 'candidate' | 'clock' };
  'code:result': {
    runId: string;
    kind: 'run' | 'submit';
    status: CodeRunStatus;
    tests: CodeTestResultDto[];
    compileError?: string;
    /** Why the run stopped early (a limit), when it did. */
    message?: string;
    /** Set when the run could not be carried out at all (`CODE_RUN_FAILED`): a terminal RUNTIME_ERROR. */
    errorCode?: string;
    /** A run on the candidate's input: no tests (`tests` empty, counts 0), the one call's outcome here. */
    custom?: CodeCustomRunDto;
    visible: { passed: number; total: number };
    hidden: { passed: number; total: number };
  };
  /** A board snapshot, as stored: watchers (a coach, the candidate's other devices) redraw from `scene`. */
  'diagram:updated': { snapshotId: string; clientId: string; phaseId: string; scene: DiagramScene };
}

export type ServerEventType = keyof ServerEventPayloads;

export type ServerEvent<T extends ServerEventType = ServerEventType> = {
  [K in T]: { sessionId: string; seq: number; type: K; at: string } & ServerEventPayloads[K];
}[T];

export interface SessionStateDto {
  id: string;
  questionId: string;
  mode: 'practice' | 'realistic';
  status: 'active' | 'ended';
  phase: PhaseView;
  phaseEndsAt: string;
  phases: { id: string; title: string; minutes: number }[];
  lastSeq: number;
  startedAt: string;
  endedAt: string | null;
}

export interface ErrorDto {
  code: string;
  message: string;
  /** The same request, sent again unchanged (an answer with its `clientId`), may succeed later: re-send it (after `details.retryAfterMs` when given) rather than show it. */
  retryable: boolean;
  details?: Record<string, unknown>;
}

/** Every ack is one of these: never a bare value, so a client can always tell success from refusal. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorDto };

export interface ClientAckData {
  'session:join': { state: SessionStateDto; events: ServerEvent[] };
  'answer:submit': { turnId: string; seq: number };
  'phase:advance': { phase: PhaseView; endsAt: string } | { ended: true };
  'session:end': { ended: true };
  'grade:retry': { status: GradeStatus };
  'code:update': { snapshotId: string; at: string };
  'code:run': { runId: string; status: 'queued' | 'done' };
  'code:submit': { runId: string; status: 'queued' | 'done' };
  'diagram:update': { snapshotId: string; seq: number; at: string };
}

/**
 * A piece of an interviewer reply while it is being written (an LLM streaming). Not in the event log: no
 * `seq`, never replayed. `index` counts the pieces of one reply from 0; the reply's `interviewer:message`
 * (same `turnId`, in the log) replaces whatever pieces arrived, so a client that missed some loses nothing.
 */
export interface InterviewerDelta {
  sessionId: string;
  turnId: string;
  index: number;
  text: string;
}

/** Typed maps for socket.io's generics (`Socket<ServerToClientEvents, ClientToServerEvents>` on the client). */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (res: Ack<ClientAckData[E]>) => void) => void;
};
export type ServerToClientEvents = {
  [T in ServerEventType]: (event: ServerEvent<T>) => void;
} & { error: (error: ErrorDto) => void; 'interviewer:delta': (delta: InterviewerDelta) => void };
