import type { Grade } from '#libs/grading';
import type { GradeStatus, ReportView, TurnKind } from '#libs/protocol';

type SessionMode = 'practice' | 'realistic';
type EndReason = 'candidate' | 'clock';

/** One phase of a session's plan, copied from the role guide when the session starts (the clock never rereads it). */
export interface PlannedPhase {
  id: string;
  title: string;
  minutes: number;
  openingPrompt: string;
}

export interface SessionRow {
  id: string;
  candidateId: string;
  questionId: string;
  questionVersion: string;
  roleSlug: string;
  roleVersion: string;
  mode: SessionMode;
  status: 'active' | 'ended';
  phases: PlannedPhase[];
  phaseIndex: number;
  phaseEndsAt: Date;
  lastSeq: number;
  startedAt: Date;
  endedAt: Date | null;
  endReason: EndReason | null;
}

export interface TurnRow {
  id: string;
  sessionId: string;
  seq: number;
  phaseId: string;
  speaker: 'candidate' | 'interviewer';
  clientId: string | null;
  text: string;
  reason: string | null;
  keyPointId: string | null;
  /** Candidate turns: how the server read them (null on turns stored before turns were read: answers). */
  kind: TurnKind | null;
  /** Interviewer lines: what makes the line once-only (`reply:<turnId>`, `nudge:<phaseIndex>`). */
  lineKey: string | null;
  /** Interviewer lines: what they were made of. */
  meta: LineMeta | null;
  createdAt: Date;
}

/** What an interviewer line was made of; `provenance.tokens` count in the rollout's daily budget. */
export interface LineMeta {
  replyTo?: string;
  factIds?: string[];
  probe?: string | null;
  provenance?: unknown;
}

export interface GradingRow {
  turnId: string;
  sessionId: string;
  /** `delayed` is only ever said (an event), never stored. */
  status: Exclude<GradeStatus, 'delayed'>;
  failureCode: string | null;
  updatedAt: Date;
}

export interface StoredGrade {
  id: string;
  turnId: string;
  rubricVersion: string;
  promptVersion: string;
  grader: string;
  model: string | null;
  overall: number;
  body: Grade;
  createdAt: Date;
}

/**
 * A report as it was stored: what `buildReport` wrote at the time, so a report stored before a field was added lacks
 * it (the protocol's report schema, which the REST views answer, says which).
 */
export type StoredReport = ReportView;
