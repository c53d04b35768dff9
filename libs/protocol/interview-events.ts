import { z } from 'zod';
import { diagramScenePayload, diagramSceneSchema } from './diagram-scene.js';
import { freeText } from './free-text.js';
import { CODE_RUN_STATUSES, codeCustomRunSchema, codeTestResultSchema, gradeSchema, passCountSchema, sessionReportSchema } from './report-views.js';

/**
 * The live-session protocol on the socket.io namespace `/interview`, in one file shared by the gateway,
 * the worker, the tests and the client. Client → server events carry an ack; server → client events
 * carry `{ sessionId, seq, type, at }` with `seq` strictly increasing per session. See docs/protocol.md.
 */

export const INTERVIEW_NAMESPACE = '/interview';

const uuid = z.uuid({ message: 'must be a UUID' });
const clientId = z
  .string()
  .min(1, 'is required')
  .max(100)
  .regex(/^[\w.:-]+$/, 'must be letters, digits, . _ : -');

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
export const GRADE_STATUSES = ['queued', 'grading', 'delayed', 'scored', 'failed'] as const;
export type GradeStatus = (typeof GRADE_STATUSES)[number];

/**
 * How the server read a candidate's turn: an `answer` (graded), a `question` to the interviewer (answered,
 * not graded), a request to `move-on` (the phase advances; not graded) or `dont-know` (graded, so it counts).
 */
export const TURN_KINDS = ['answer', 'question', 'move-on', 'dont-know'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

const phaseViewSchema = z.object({ id: z.string(), title: z.string(), index: z.number().int(), count: z.number().int() }).meta({ id: 'PhaseView' });
export type PhaseView = z.infer<typeof phaseViewSchema>;

/** What the server says, by event type. `grade` and `report` are the stored documents. */
export const serverEventPayloadSchemas = {
  'phase:changed': z.object({ phase: phaseViewSchema, endsAt: z.string() }),
  /**
   * A line of the interviewer. `replyTo` is the candidate turn it answers; `factIds` the scenario facts it
   * gave. A streamed reply (`interviewer:delta`) ends with this event under the same `turnId`.
   */
  'interviewer:message': z.object({
    turnId: z.string(),
    text: z.string(),
    reason: z.string(),
    keyPointId: z.string().optional(),
    replyTo: z.string().optional(),
    factIds: z.array(z.string()).optional(),
  }),
  /** `kind` is how the server read the turn; `graded` says whether a grade will follow. */
  'answer:accepted': z.object({
    turnId: z.string(),
    clientId: z.string(),
    phaseId: z.string(),
    text: z.string(),
    kind: z.enum(TURN_KINDS).optional(),
    graded: z.boolean().optional(),
  }),
  'grade:status': z.object({
    turnId: z.string(),
    status: z.enum(GRADE_STATUSES),
    /** With `delayed`: why (`PROVIDER_RATE_LIMITED`), when the next try is expected, and the latest the wait lasts. */
    reason: z.string().optional(),
    retryAt: z.string().optional(),
    giveUpAt: z.string().optional(),
  }),
  /**
   * `keyPointTexts`: the question's key points by id, so a client labels the grade's key points as the rubric words
   * them without waiting for the transcript (absent on events stored before it was sent).
   */
  'grade:scored': z.object({ turnId: z.string(), grade: gradeSchema, keyPointTexts: z.record(z.string(), z.string()).optional() }),
  'grade:failed': z.object({ turnId: z.string(), code: z.string() }),
  'session:report': z.object({ report: sessionReportSchema }),
  /** The report could not be built within the reconciler's bounded re-drives (answers and grades are kept). */
  'session:report-failed': z.object({ code: z.string() }),
  'session:ended': z.object({ reason: z.enum(['candidate', 'clock']) }),
  'code:result': z.object({
    runId: z.string(),
    kind: z.enum(['run', 'submit']),
    status: z.enum(CODE_RUN_STATUSES),
    tests: z.array(codeTestResultSchema),
    compileError: z.string().optional(),
    /** Why the run stopped early (a limit), when it did. */
    message: z.string().optional(),
    /** Set when the run could not be carried out at all (`CODE_RUN_FAILED`): a terminal RUNTIME_ERROR. */
    errorCode: z.string().optional(),
    /** A run on the candidate's input: no tests (`tests` empty, counts 0), the one call's outcome here. */
    custom: codeCustomRunSchema.optional(),
    visible: passCountSchema,
    hidden: passCountSchema,
  }),
  /**
   * A board snapshot, as stored: watchers (a coach, the candidate's other devices) redraw from `scene`. In the events
   * of a `session:join` ack only the latest `diagram:updated` carries its `scene` (the board as it is now); the earlier
   * ones come without it, so a join does not replay every whole scene. Emitted events always carry it.
   */
  'diagram:updated': z.object({ snapshotId: z.string(), clientId: z.string(), phaseId: z.string(), scene: diagramSceneSchema.optional() }),
} as const;

export type ServerEventPayloads = { [K in keyof typeof serverEventPayloadSchemas]: z.infer<(typeof serverEventPayloadSchemas)[K]> };

export type ServerEventType = keyof ServerEventPayloads;

export type ServerEvent<T extends ServerEventType = ServerEventType> = {
  [K in T]: { sessionId: string; seq: number; type: K; at: string } & ServerEventPayloads[K];
}[T];

/** The envelope every logged server event carries besides its payload. */
export const serverEventEnvelopeSchema = z.object({ sessionId: z.string(), seq: z.number().int(), at: z.string() });

export const sessionStateSchema = z
  .object({
    id: z.string(),
    questionId: z.string(),
    mode: z.enum(['practice', 'realistic']),
    status: z.enum(['active', 'ended']),
    phase: phaseViewSchema,
    phaseEndsAt: z.string(),
    phases: z.array(z.object({ id: z.string(), title: z.string(), minutes: z.number() })),
    lastSeq: z.number().int(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'SessionState' });
export type SessionStateDto = z.infer<typeof sessionStateSchema>;

export const errorDtoSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** The same request, sent again unchanged (an answer with its `clientId`), may succeed later: re-send it (after `details.retryAfterMs` when given) rather than show it. */
  retryable: z.boolean(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorDto = z.infer<typeof errorDtoSchema>;

/** Every ack is one of these: never a bare value, so a client can always tell success from refusal. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorDto };

const serverEventSchema = z.discriminatedUnion(
  'type',
  Object.entries(serverEventPayloadSchemas).map(([type, payload]) =>
    serverEventEnvelopeSchema.extend({ type: z.literal(type) }).extend(payload.shape),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);
const codeRunAck = z.object({ runId: z.string(), status: z.enum(['queued', 'done']) });

/** What each client event's ack carries on success. */
export const clientAckDataSchemas = {
  'session:join': z.object({ state: sessionStateSchema, events: z.array(serverEventSchema) }),
  'answer:submit': z.object({ turnId: z.string(), seq: z.number().int() }),
  'phase:advance': z.union([z.object({ phase: phaseViewSchema, endsAt: z.string() }), z.object({ ended: z.literal(true) })]),
  'session:end': z.object({ ended: z.literal(true) }),
  'grade:retry': z.object({ status: z.enum(GRADE_STATUSES) }),
  'code:update': z.object({ snapshotId: z.string(), at: z.string() }),
  'code:run': codeRunAck,
  'code:submit': codeRunAck,
  'diagram:update': z.object({ snapshotId: z.string(), seq: z.number().int(), at: z.string() }),
} as const;

/** `session:join`'s events are typed `ServerEvent` (the schema above only describes them for the document). */
export type ClientAckData = {
  [E in ClientEventName]: E extends 'session:join' ? { state: SessionStateDto; events: ServerEvent[] } : z.infer<(typeof clientAckDataSchemas)[E]>;
};

/**
 * A piece of an interviewer reply while it is being written (an LLM streaming). Not in the event log: no
 * `seq`, never replayed. `index` counts the pieces of one reply from 0; the reply's `interviewer:message`
 * (same `turnId`, in the log) replaces whatever pieces arrived, so a client that missed some loses nothing.
 */
export const interviewerDeltaSchema = z.object({ sessionId: z.string(), turnId: z.string(), index: z.number().int(), text: z.string() });
export type InterviewerDelta = z.infer<typeof interviewerDeltaSchema>;

/** Typed maps for socket.io's generics (`Socket<ServerToClientEvents, ClientToServerEvents>` on the client). */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (res: Ack<ClientAckData[E]>) => void) => void;
};
export type ServerToClientEvents = {
  [T in ServerEventType]: (event: ServerEvent<T>) => void;
} & { error: (error: ErrorDto) => void; 'interviewer:delta': (delta: InterviewerDelta) => void };
