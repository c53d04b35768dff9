/**
 * The interviewer: reads a candidate's turn (answer, question, request to move on, "I don't know"),
 * answers clarifying questions from the question's scenario facts, and chooses a follow-up from what the
 * candidate said. Two implementations behind one port: the deterministic offline interviewer and the
 * LLM interviewer (`LLM_PROVIDER=openai`) that words the offline plan, streamed, checked, with the
 * offline line as its fallback. Pure: it loads and stores nothing (libs/interview does).
 */
export type {
  ConversationTurn,
  Interviewer,
  InterviewerReply,
  LineProvenance,
  ReplyContext,
  ReplyOptions,
  ReplyPhase,
  InterviewerFallback,
} from './interviewer.port.js';
export { INTERVIEWER_FALLBACKS, readGrade, type AnswerReading } from './interviewer.port.js';
export { readTurn, sentences, type TurnReading } from './turn-reader.js';
export { factsFor, type FactMatch } from './fact-finder.js';
export { OfflineInterviewer, composeReply, PASSING_OVERALL } from './offline-interviewer.js';
export { OpenAiInterviewer, type OpenAiInterviewerOptions } from './openai-interviewer.js';
export { findLeak, ReplyGuard, type LeakFinding } from './leak-guard.js';
export { lineKey } from './text-match.js';
export { createInterviewer } from './create-interviewer.js';
export { parseConversations, ConversationDatasetError, type Conversation } from './eval/conversation-dataset.js';
export {
  runInterviewerEval,
  formatInterviewerEval,
  INTERVIEWER_GATES,
  INTERVIEWER_TARGETS,
  type InterviewerEvalReport,
} from './eval/conversation-eval.js';
