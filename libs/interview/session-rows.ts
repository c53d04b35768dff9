import type { ServerEvent } from '#libs/protocol';
import type { GradingRow, SessionRow, StoredGrade, TurnRow } from './session.types.js';

/** A row as the pg driver returns it. Mapping by hand keeps SQL the single description of the tables. */
export type Raw = Record<string, unknown>;

export function toSession(r: Raw): SessionRow {
  return {
    id: r.id as string,
    candidateId: r.candidate_id as string,
    questionId: r.question_id as string,
    questionVersion: r.question_version as string,
    roleSlug: r.role_slug as string,
    roleVersion: r.role_version as string,
    mode: r.mode as SessionRow['mode'],
    status: r.status as SessionRow['status'],
    phases: r.phases as SessionRow['phases'],
    phaseIndex: r.phase_index as number,
    phaseEndsAt: r.phase_ends_at as Date,
    lastSeq: r.last_seq as number,
    startedAt: r.started_at as Date,
    endedAt: (r.ended_at as Date | null) ?? null,
    endReason: (r.end_reason as SessionRow['endReason']) ?? null,
  };
}

export function toTurn(r: Raw): TurnRow {
  return {
    id: r.id as string,
    sessionId: r.session_id as string,
    seq: r.seq as number,
    phaseId: r.phase_id as string,
    speaker: r.speaker as TurnRow['speaker'],
    clientId: (r.client_id as string | null) ?? null,
    text: r.text as string,
    reason: (r.reason as string | null) ?? null,
    keyPointId: (r.key_point_id as string | null) ?? null,
    kind: (r.kind as TurnRow['kind']) ?? null,
    lineKey: (r.line_key as string | null) ?? null,
    meta: (r.meta as TurnRow['meta']) ?? null,
    createdAt: r.created_at as Date,
  };
}

export function toGrading(r: Raw): GradingRow {
  return {
    turnId: r.turn_id as string,
    sessionId: r.session_id as string,
    status: r.status as GradingRow['status'],
    failureCode: (r.failure_code as string | null) ?? null,
    updatedAt: r.updated_at as Date,
  };
}

export function toGrade(r: Raw): StoredGrade {
  return {
    id: r.id as string,
    turnId: r.turn_id as string,
    rubricVersion: r.rubric_version as string,
    promptVersion: r.prompt_version as string,
    grader: r.grader as string,
    model: (r.model as string | null) ?? null,
    overall: Number(r.overall),
    body: r.body,
    createdAt: r.created_at as Date,
  };
}

export function toEvent(r: Raw): ServerEvent {
  return {
    ...(r.payload as object),
    sessionId: r.session_id as string,
    seq: r.seq as number,
    type: r.type as ServerEvent['type'],
    at: (r.at as Date).toISOString(),
  } as ServerEvent;
}
