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
  CodeTestResultDto,
  DiagramElementType,
  DiagramScene,
  ErrorDto,
  GradeStatus,
  GradeView,
  INTERVIEW_NAMESPACE,
  InterviewerDelta,
  KeyPointStatus,
  PhaseView,
  ReportView,
  ServerEvent,
  ServerEventType,
  ServerToClientEvents,
  SessionStateDto,
  StudyPlanItemView,
  TurnKind,
} from '../../../libs/protocol/index.js';
import type { ClientPayload } from '../../../libs/protocol/index.js';

/** What a candidate's turn is meant as: `question` asks the interviewer (answered, never graded). */
export type SubmitIntent = NonNullable<ClientPayload<'answer:submit'>['intent']>;
