import { z } from 'zod';

/**
 * The live-session protocol on the socket.io namespace `/interview`, in one file shared by the gateway,
 * the worker, the tests and the client. Client → server events carry an ack; server → client events
 * carry `{ sessionId, seq, type, at }` with `seq` strictly increasing per session. See docs/protocol.md.
 */

export const INTERVIEW_NAMESPACE = '/interview';

const uuid = z.uuid({ message: 'must be a UUID' });

export const clientPayloadSchemas = {
  'session:join': z.object({ sessionId: uuid, lastSeq: z.number().int().min(0).optional() }).strict(),
  'answer:submit': z
    .object({
      sessionId: uuid,
      clientId: z.string().min(1, 'is required').max(100).regex(/^[\w.:-]+$/, 'must be letters, digits, . _ : -'),
      // Postgres text cannot hold NUL; refuse it here rather than fail in the database.
      text: z.string().refine((t) => !t.includes('\u0000'), 'must not contain NUL characters'),
    })
    .strict(),
  'phase:advance': z.object({ sessionId: uuid }).strict(),
  'session:end': z.object({ sessionId: uuid }).strict(),
  'grade:retry': z.object({ sessionId: uuid, turnId: uuid }).strict(),
} as const;

export type ClientEventName = keyof typeof clientPayloadSchemas;
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientPayloadSchemas)[E]>;

export type GradeStatus = 'queued' | 'grading' | 'scored' | 'failed';

export interface PhaseView {
  id: string;
  title: string;
  index: number;
  count: number;
}

/** What the server says, by event type. `grade` and `report` are the stored documents, as JSON. */
export interface ServerEventPayloads {
  'phase:changed': { phase: PhaseView; endsAt: string };
  'interviewer:message': { turnId: string; text: string; reason: string; keyPointId?: string };
  'answer:accepted': { turnId: string; clientId: string; phaseId: string; text: string };
  'grade:status': { turnId: string; status: GradeStatus };
  'grade:scored': { turnId: string; grade: unknown };
  'grade:failed': { turnId: string; code: string };
  'session:report': { report: unknown };
  'session:ended': { reason: 'candidate' | 'clock' };
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
}

/** Typed maps for socket.io's generics (`Socket<ServerToClientEvents, ClientToServerEvents>` on the client). */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (res: Ack<ClientAckData[E]>) => void) => void;
};
export type ServerToClientEvents = {
  [T in ServerEventType]: (event: ServerEvent<T>) => void;
} & { error: (error: ErrorDto) => void };
