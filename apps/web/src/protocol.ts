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
  DiagramElementType,
  DiagramScene,
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
export type { InviteBatchDto, InviteDto, InviteResentDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from '../../../libs/protocol/index.js';
export type { ReviewQueueRowDto } from '../../../libs/protocol/index.js';

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

/** One missed or partly covered key point with what to read and practise (`libs/interview` StudyPlanItem). */
export interface StudyPlanItemView {
  keyPointId: string;
  text: string;
  status: 'missed' | 'partial';
  /** Absent when the question version the session used predates the study material. */
  explanation?: string;
  references: { title: string; source: string }[];
  practice?: string;
}

/** The session report (`libs/interview` SessionReport) as the client shows it. */
export interface ReportView {
  sessionId: string;
  questionId: string;
  /** Absent on reports stored before it. */
  questionTitle?: string;
  mode: 'practice' | 'realistic';
  overall: number | null;
  /** Share of the plan assessed; `complete: false` = too little to stand for the interview (absent on old reports). */
  coverage?: number;
  complete?: boolean;
  /**
   * `comment`: what the graders said of the answers that set the score (absent on old reports, which show the
   * level's `descriptor` instead).
   */
  dimensions: { id: string; title: string; weight: number; score: number | null; comment?: string | null; descriptor: string | null }[];
  keyPoints: { id: string; text: string; status: KeyPointStatus; evidence: string[] }[];
  mistakes: { id: string; text: string; evidence: string[] }[];
  interviewersLookFor: { id: string; text: string }[];
  studyNext: string[];
  /** The misses, biggest gap first, to study (absent on reports stored before it). */
  studyPlan?: StudyPlanItemView[];
  /** The question's model answer, only ever in the report (absent on reports stored before it). */
  modelAnswer?: { answerFramework: string; referenceAnswer: string };
  answers: { graded: number; failed: number };
  flags: string[];
  /** Coding sessions only: the graded code, its tests (hidden ones as pass/fail) and every run. */
  code?: CodeReportSection;
}
