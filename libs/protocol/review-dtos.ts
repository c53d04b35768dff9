/** Response types of the review and replay endpoints, shared with the web client (types only). */

/** One board snapshot in a replay: when, in which phase, how much was drawn. No scene: fetch it by `snapshotId`. */
export interface DiagramTimelineEntry {
  snapshotId: string;
  seq: number;
  at: string;
  /** Milliseconds since the session started. */
  offsetMs: number;
  phaseId: string;
  phaseTitle: string;
  elementCount: number;
  graph: { nodes: number; edges: number };
}

/** `GET /api/sessions/:id/diagram-timeline`: the board's snapshots in order, without their scenes. */
export interface DiagramTimelineDto {
  sessionId: string;
  startedAt: string;
  snapshots: DiagramTimelineEntry[];
}

/** A row of the coach's queue (`GET /api/review/queue`): who, which question, why it is flagged, since when. */
export interface ReviewQueueRowDto {
  sessionId: string;
  candidateId: string;
  candidateEmail: string;
  questionId: string;
  questionTitle: string;
  mode: string;
  endedAt: string;
  flags: string[];
  /** Each flag with its reason and how many of the session's answers carry it. */
  flagReasons: { flag: string; reason: string; answers: number }[];
  openDisputes: number;
  reviewedAt: string | null;
}
