/**
 * The interviewer: reads a candidate's turn (answer, question, request to move on, "I don't know"),
 * answers clarifying questions from the question's scenario facts, and chooses a follow-up from what the
 * candidate said. Two implementations behind one port: the deterministic offline interviewer and the
 * LLM interviewer (`LLM_PROVIDER=openai`) that words the offline plan, streamed, checked, with the
 * offline line as its fallback. Pure: it loads and stores nothing (libs/interview does).
 */
export type { ConversationTurn, Interviewer, ReplyContext } from './interviewer.port.js';
export { readGrade } from './interviewer.port.js';
export { readTurn } from './turn-reader.js';
export { composeReply } from './offline-interviewer.js';
export { OpenAiInterviewer } from './openai-interviewer.js';
export { createInterviewer } from './create-interviewer.js';
export { parseConversations, ConversationDatasetError } from './eval/conversation-dataset.js';
export { runInterviewerEval, formatInterviewerEval } from './eval/conversation-eval.js';
