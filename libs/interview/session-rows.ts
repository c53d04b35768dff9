import { z } from 'zod';
import { col } from '#libs/db';
import { gradeSchema } from '#libs/grading';
import {
  type ServerEvent,
  type ServerEventPayloads,
  serverEventPayloadSchemas,
  type ServerEventType,
  sessionReportSchema,
  TURN_KINDS,
} from '#libs/protocol';
import { logged } from './logged-event.js';
import type { GradingRow, LineMeta, PlannedPhase, SessionRow, StoredGrade, TurnRow } from './session.types.js';

/** Row schemas of libs/interview's tables, parsed at the repository boundary (`rows(schema, result)`). */

const sessionColumns = {
  id: col.uuid,
  candidate_id: col.uuid,
  question_id: col.text,
  question_version: col.text,
  role_slug: col.text,
  role_version: col.text,
  mode: z.enum(['practice', 'realistic']),
  status: z.enum(['active', 'ended']),
  phases: col.json<PlannedPhase[]>(),
  phase_index: col.int,
  phase_ends_at: col.time,
  last_seq: col.int,
  started_at: col.time,
  ended_at: col.time.nullable(),
  end_reason: z.enum(['candidate', 'clock']).nullable(),
};

const toSession = (r: z.output<z.ZodObject<typeof sessionColumns>>): SessionRow => ({
  id: r.id,
  candidateId: r.candidate_id,
  questionId: r.question_id,
  questionVersion: r.question_version,
  roleSlug: r.role_slug,
  roleVersion: r.role_version,
  mode: r.mode,
  status: r.status,
  phases: r.phases,
  phaseIndex: r.phase_index,
  phaseEndsAt: r.phase_ends_at,
  lastSeq: r.last_seq,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  endReason: r.end_reason,
});

/** `interview_sessions.*` as a `SessionRow`. */
export const sessionRow = z.object(sessionColumns).transform(toSession);

export const gradingStatus = z.enum(['queued', 'grading', 'scored', 'failed']);

export const turnRow = z
  .object({
    id: col.uuid,
    session_id: col.uuid,
    seq: col.int,
    phase_id: col.text,
    speaker: z.enum(['candidate', 'interviewer']),
    client_id: col.text.nullable(),
    text: col.text,
    reason: col.text.nullable(),
    key_point_id: col.text.nullable(),
    kind: z.enum(TURN_KINDS).nullable(),
    line_key: col.text.nullable(),
    meta: col.json<LineMeta>().nullable(),
    created_at: col.time,
  })
  .transform((r): TurnRow => ({
    id: r.id,
    sessionId: r.session_id,
    seq: r.seq,
    phaseId: r.phase_id,
    speaker: r.speaker,
    clientId: r.client_id,
    text: r.text,
    reason: r.reason,
    keyPointId: r.key_point_id,
    kind: r.kind,
    lineKey: r.line_key,
    meta: r.meta,
    createdAt: r.created_at,
  }));

export const gradingRow = z
  .object({ turn_id: col.uuid, session_id: col.uuid, status: gradingStatus, failure_code: col.text.nullable(), updated_at: col.time })
  .transform((r): GradingRow => ({
    turnId: r.turn_id,
    sessionId: r.session_id,
    status: r.status,
    failureCode: r.failure_code,
    updatedAt: r.updated_at,
  }));

/**
 * A stored grade's body, parsed by the grade contract it was validated against before it was written (libs/grading):
 * grades are read by the views, the report and review, never on the per-event path, so the check costs little.
 */
export const storedGrade = gradeSchema;

/** A stored report's body (see `StoredReport`). */
export const storedReport = sessionReportSchema;

export const gradeRow = z
  .object({
    id: col.uuid,
    turn_id: col.uuid,
    rubric_version: col.text,
    prompt_version: col.text,
    grader: col.text,
    model: col.text.nullable(),
    overall: col.numeric,
    body: storedGrade,
    created_at: col.time,
  })
  .transform((r): StoredGrade => ({
    id: r.id,
    turnId: r.turn_id,
    rubricVersion: r.rubric_version,
    promptVersion: r.prompt_version,
    grader: r.grader,
    model: r.model,
    overall: r.overall,
    body: r.body,
    createdAt: r.created_at,
  }));

const eventType = z.custom<ServerEventType>((v) => typeof v === 'string' && Object.hasOwn(serverEventPayloadSchemas, v));

export const eventRow = z
  .object({
    session_id: col.uuid,
    seq: col.int,
    type: eventType,
    payload: col.json<ServerEventPayloads[ServerEventType]>(),
    at: col.time,
  })
  .transform((r): ServerEvent => logged(r.type, r.payload, { sessionId: r.session_id, seq: r.seq, at: r.at.toISOString() }));

/** `GradingTurn`s as `SESSION_TURNS` aggregates them into one JSON column. */
export const gradingTurns = z.array(
  z.object({
    id: col.uuid,
    seq: col.int,
    phaseId: col.text,
    speaker: z.enum(['candidate', 'interviewer']),
    text: col.text,
    kind: z.enum(TURN_KINDS).nullable(),
    lineKey: col.text.nullable(),
    meta: col.json<LineMeta>().nullable(),
    createdAt: col.isoTime,
  }),
);

export const idRow = z.object({ id: col.uuid });
