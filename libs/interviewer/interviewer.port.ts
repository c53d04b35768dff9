import type { ChecklistItem, Question } from '#libs/content';
import type { DiagramFinding } from '#libs/diagram';
import type { TurnKind } from '#libs/protocol';
import type { TurnReading } from './turn-reader.js';

/** One earlier turn of the session as the interviewer remembers it. */
export interface ConversationTurn {
  readonly speaker: 'candidate' | 'interviewer';
  readonly text: string;
  readonly phaseId: string;
  /** Candidate turns: how the server read them. */
  readonly kind?: TurnKind | null;
  /** Interviewer lines: the scenario facts they gave and the probe they asked. */
  readonly factIds?: readonly string[];
  readonly probe?: string | null;
}

interface ReplyPhase {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly checklist: readonly ChecklistItem[];
}

/** Everything the interviewer needs to answer one candidate turn; interviewers load nothing themselves. */
export interface ReplyContext {
  readonly roleTitle: string;
  readonly question: Question;
  readonly phase: ReplyPhase;
  readonly minutesLeft: number;
  readonly mode: 'practice' | 'realistic';
  readonly turn: { readonly id: string; readonly text: string; readonly reading: TurnReading };
  /** The session's turns before this one, oldest first, interviewer lines included. */
  readonly history: readonly ConversationTurn[];
  /** Key points covered in the session so far, this answer included. */
  readonly covered: ReadonlySet<string>;
  /** This answer as the offline grader reads it; absent for a question. */
  readonly analysis?: AnswerReading;
  /** False when a later answer or a phase change overtook this turn: answer its questions, probe nothing. */
  readonly followUp: boolean;
  /**
   * The session's board as it stood at this turn, read against the question's diagram expectations: the structural
   * findings a probe can be conditioned on (`when.board`). Absent when there is no board or nothing to check.
   */
  readonly board?: { readonly findings: readonly DiagramFinding[] };
}

/** What the interviewer says, and why (shown to coaches beside the transcript). */
export interface InterviewerReply {
  readonly text: string;
  readonly reason: string;
  readonly keyPointId?: string;
  readonly factIds: readonly string[];
  /** The probe asked (`<keyPointId>:<probeId>` or `checklist:<itemId>:<n>`), or null. */
  readonly probe: string | null;
  /** The probe's words as the offline interviewer asks them (the LLM rephrases them). */
  readonly probeText?: string;
}

/** Who wrote a line and with what: stored with the line; tokens count in the rollout's daily budget. */
export interface LineProvenance {
  readonly interviewer: 'offline' | 'openai';
  readonly model: string | null;
  readonly promptVersion: string | null;
  readonly tokens: { readonly prompt: number; readonly completion: number };
  readonly latencyMs: number;
  /** Why an LLM line was replaced by the offline one. */
  readonly fallback?: InterviewerFallback;
}

export type InterviewerFallback = 'timeout' | 'error' | 'rate_limited' | 'bad_output' | 'leak' | 'invented_number';

export interface ReplyOptions {
  readonly signal?: AbortSignal;
  /** Pieces of the reply as they are written (LLM streaming); the offline interviewer never calls it. */
  readonly onDelta?: (text: string) => void;
}

/** The port both interviewers implement: the offline one and the LLM one that falls back to it. */
export interface Interviewer {
  reply(context: ReplyContext, options?: ReplyOptions): Promise<{ reply: InterviewerReply; provenance: LineProvenance } | null>;
}

/** What the interviewer reads of the offline grade of an answer. */
export interface AnswerReading {
  readonly overall: number;
  /** Key points this answer covered. */
  readonly coveredNow: readonly string[];
  /** Its lowest dimension score (1–4): a wrong claim or a major mistake holds its dimension at 2 or below. */
  readonly lowestDimension: number;
}

/** The reading of a grade (the live reply and the interviewer eval read it the same way). */
export function readGrade(grade: {
  readonly overall: number;
  readonly keyPoints: readonly { readonly id: string; readonly status: string }[];
  readonly dimensions: readonly { readonly score: number }[];
}): AnswerReading {
  return {
    overall: grade.overall,
    coveredNow: grade.keyPoints.filter((k) => k.status === 'covered').map((k) => k.id),
    lowestDimension: Math.min(4, ...grade.dimensions.map((d) => d.score)),
  };
}
