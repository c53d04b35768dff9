/**
 * The live-session protocol, shared with the server (`libs/protocol`). Types only: the client bundle must not
 * carry server code (the eslint rules for apps/web allow nothing else from libs/).
 */
export type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  CodeLanguageName,
  CodeReportSection,
  CodeRunStatus,
  CodeTestResultDto,
  ErrorDto,
  GradeStatus,
  INTERVIEW_NAMESPACE,
  InterviewerDelta,
  PhaseView,
  ServerEvent,
  ServerEventType,
  ServerToClientEvents,
  SessionStateDto,
  TurnKind,
} from '../../../libs/protocol/index.js';
import type { ClientPayload, CodeReportSection } from '../../../libs/protocol/index.js';
export type { InviteBatchDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from '../../../libs/protocol/index.js';

/** What a candidate's turn is meant as: `question` asks the interviewer (answered, never graded). */
export type SubmitIntent = NonNullable<ClientPayload<'answer:submit'>['intent']>;

/** What the client reads of a stored grade (`libs/grading` Grade); the rest is not shown. */
export interface GradeView {
  keyPoints: { id: string; status: KeyPointStatus; evidence: string[]; note?: string }[];
  mistakes: { id: string; status: 'present' | 'absent'; evidence: string[] }[];
  dimensions: { id: string; score: number; reason: string }[];
  overall: number;
  feedback: { strengths: string[]; improvements: string[]; nextToStudy: string[] };
  flags: string[];
}

export type KeyPointStatus = 'covered' | 'partial' | 'missed';

/** The session report (`libs/interview` SessionReport) as the client shows it. */
export interface ReportView {
  sessionId: string;
  questionId: string;
  mode: 'practice' | 'realistic';
  overall: number | null;
  /** Share of the plan assessed; `complete: false` = too little to stand for the interview (absent on old reports). */
  coverage?: number;
  complete?: boolean;
  dimensions: { id: string; title: string; weight: number; score: number | null; descriptor: string | null }[];
  keyPoints: { id: string; text: string; status: KeyPointStatus; evidence: string[] }[];
  mistakes: { id: string; text: string; evidence: string[] }[];
  interviewersLookFor: { id: string; text: string }[];
  studyNext: string[];
  answers: { graded: number; failed: number };
  flags: string[];
  /** Coding sessions only: the graded code, its tests (hidden ones as pass/fail) and every run. */
  code?: CodeReportSection;
}
