import type { GradeStatus, KeyPointStatus, ReportView } from './protocol.js';

/** The review api's shapes (`libs/review`), as the client reads them, and what they say about grading. */
export interface CorrectionStamp {
  version: number;
  reason: string;
  coachId: string | null;
  at: string;
}

export interface ReviewedGrade {
  overall: { ai: number; corrected?: number };
  dimensions: { id: string; title: string; ai: { score: number; reason: string }; corrected?: { score: number }; correction?: CorrectionStamp }[];
  keyPoints: { id: string; text: string; ai: { status: KeyPointStatus; evidence: string[] }; corrected?: { status: KeyPointStatus }; correction?: CorrectionStamp }[];
  flags: string[];
}

export interface ReviewedReport {
  ai: ReportView;
  corrected: ReportView | null;
  overall: { ai: number | null; corrected?: number | null };
  dimensions: { id: string; title: string; ai: number | null; corrected?: number | null; correction?: CorrectionStamp }[];
  keyPoints: { id: string; text: string; ai: KeyPointStatus; corrected?: KeyPointStatus; correction?: CorrectionStamp }[];
}

export interface TranscriptTurn {
  turnId: string;
  /** 1, 2, 3… in transcript order (`seq` is the event sequence, with gaps). */
  number: number;
  seq: number;
  phaseId: string;
  phaseTitle: string;
  speaker: 'candidate' | 'interviewer';
  text: string;
  at: string;
  reason?: string;
  keyPointId?: string;
  keyPointText?: string;
  grading?: { status: GradeStatus; failureCode?: string };
  grade?: ReviewedGrade;
  /** Answers of a system-design session: the board snapshot at that answer (null: nothing drawn yet). */
  diagramSnapshotId?: string | null;
  annotations: { id: string; comment: string; at: string }[];
  disputes: { id: string; comment: string; at: string; resolvedAt: string | null }[];
}

export interface Transcript {
  session: {
    id: string;
    candidateId: string;
    questionId: string;
    questionTitle: string;
    /** `system-design` sessions have a board. */
    questionKind: string;
    mode: 'practice' | 'realistic';
    status: 'active' | 'ended';
    startedAt: string;
    endedAt: string | null;
  };
  turns: TranscriptTurn[];
  report: ReviewedReport | null;
  review: { completedAt: string; coachId: string | null } | null;
}

/** `GET /api/sessions/:id/diagram-timeline`: the board's snapshots in order, without their scenes. */
export type { DiagramTimelineDto as DiagramTimeline } from '../../../libs/protocol/index.js';

const UNSETTLED: (GradeStatus | undefined)[] = ['queued', 'grading', 'delayed'];

/**
 * Whether a transcript can still change without a coach: the session is running, an answer is still being graded,
 * or the report is still being built (every answer graded, none failed, no report yet).
 */
export function stillGrading(t: Transcript): boolean {
  const answers = t.turns.filter((x) => x.speaker === 'candidate');
  if (t.session.status !== 'ended' || answers.some((x) => UNSETTLED.includes(x.grading?.status))) return true;
  return t.report === null && answers.length > 0 && !answers.some((x) => x.grading?.status === 'failed');
}
