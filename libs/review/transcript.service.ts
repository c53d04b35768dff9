import { Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { ContentService, type LoadedQuestion } from '#libs/content';
import type { Grade } from '#libs/grading';
import {
  DiagramReplayService,
  SessionAccessPolicy,
  SessionsRepository,
  type DiagramExportDto,
  type SessionRow,
  type StoredGrade,
} from '#libs/interview';
import type { GradeStatus } from '#libs/protocol';
import { correctGrade, type GradeView } from './corrected-grade.js';
import { correctReport, type ReportView } from './corrected-report.js';
import { ReviewRepository } from './review.repository.js';
import { latestCorrections, toCorrectionDto, type CorrectionDto } from './review.types.js';

export interface TranscriptTurn {
  turnId: string;
  /** The turn's place in the transcript, 1, 2, 3…: `seq` is the session's event sequence, which has gaps. */
  number: number;
  seq: number;
  phaseId: string;
  phaseTitle: string;
  speaker: 'candidate' | 'interviewer';
  text: string;
  at: string;
  /** Interviewer turns: why it was asked, and the key point it probes. */
  reason?: string;
  keyPointId?: string;
  /** The probed key point as the rubric words it (once the session has ended). */
  keyPointText?: string;
  /** Candidate turns: the grading status and, once it may be shown, the grade with any corrections. */
  grading?: { status: GradeStatus; failureCode?: string };
  grade?: GradeView;
  /**
   * Candidate turns of a system-design session: the board as it stood when the answer was given (the latest snapshot
   * at or before it), null when nothing was drawn yet. Fetch it from `GET …/diagram-timeline/:snapshotId`.
   */
  diagramSnapshotId?: string | null;
  annotations: { id: string; comment: string; coachId: string | null; at: string }[];
  disputes: { id: string; comment: string; at: string; resolvedAt: string | null }[];
}

export interface TranscriptDto {
  session: {
    id: string;
    candidateId: string;
    questionId: string;
    questionTitle: string;
    /** `system-design` sessions have a board (`GET …/diagram-timeline`), `coding` ones code. */
    questionKind: LoadedQuestion['kind'];
    questionVersion: string;
    mode: SessionRow['mode'];
    status: SessionRow['status'];
    startedAt: string;
    endedAt: string | null;
    endReason: SessionRow['endReason'];
  };
  turns: TranscriptTurn[];
  report: ReportView | null;
  review: { completedAt: string; coachId: string | null } | null;
  /** Every version of every correction, oldest first (the latest per item is what the views show). */
  corrections: CorrectionDto[];
  /** Disputes about the session as a whole (turn disputes sit on their turn). */
  disputes: { id: string; comment: string; at: string; resolvedAt: string | null }[];
}

/** A download of the transcript: the transcript, and the board of a system-design session (null for others). */
export interface TranscriptExportDto extends TranscriptDto {
  diagram: DiagramExportDto | null;
}

/** The latest stored grade of each answer (a regrade under a new prompt version adds a row, never replaces one). */
export function latestGrades(grades: readonly StoredGrade[]): Map<string, StoredGrade> {
  const latest = new Map<string, StoredGrade>();
  for (const g of grades) {
    const seen = latest.get(g.turnId);
    if (!seen || seen.createdAt <= g.createdAt) latest.set(g.turnId, g);
  }
  return latest;
}

/** Scored transcripts: turns, grades with provenance, the report, and the coach's corrections beside the AI's values. */
@Injectable()
export class TranscriptService {
  constructor(
    private readonly access: SessionAccessPolicy,
    private readonly sessions: SessionsRepository,
    private readonly reviews: ReviewRepository,
    private readonly content: ContentService,
    private readonly diagrams: DiagramReplayService,
  ) {}

  async forPrincipal(principal: Principal, sessionId: string): Promise<TranscriptDto> {
    return this.build(await this.access.visibleSession(principal, sessionId));
  }

  /** The JSON and Markdown downloads: the transcript with the final board drawn as SVG and its timeline. */
  async exportFor(principal: Principal, sessionId: string): Promise<TranscriptExportDto> {
    const session = await this.access.visibleSession(principal, sessionId);
    const [transcript, diagram] = await Promise.all([this.build(session), this.diagrams.exportOf(session)]);
    return { ...transcript, diagram };
  }

  async build(session: SessionRow): Promise<TranscriptDto> {
    const id = session.id;
    const [turns, gradings, grades, stored, corrections, annotations, disputes, review, question, role] = await Promise.all([
      this.sessions.turns(id),
      this.sessions.gradings(id),
      this.sessions.grades(id),
      this.sessions.report(id),
      this.reviews.corrections(id),
      this.reviews.annotations(id),
      this.reviews.disputes(id),
      this.reviews.review(id),
      this.content.questionAt(session.questionId, session.questionVersion),
      this.content.roleAt(session.roleSlug, session.roleVersion),
    ]);
    // Realistic mode holds grades back until the end, for every viewer, exactly as the live events do.
    const showGrades = session.mode === 'practice' || session.status === 'ended';
    const latest = latestCorrections(corrections);
    const gradeOf = latestGrades(grades);
    const statusOf = new Map(gradings.map((g) => [g.turnId, g]));
    const titles = new Map(session.phases.map((p) => [p.id, p.title]));
    const boardAt =
      question.kind === 'system-design'
        ? await this.diagrams.snapshotIdsAt(
            session,
            turns.filter((t) => t.speaker === 'candidate').map((t) => t.seq),
          )
        : null;
    const correctedGrades: Grade[] = [];
    let gradesChanged = false;

    // Rubric wording, so only once the session is over (the transcript is readable while it runs).
    const keyPointText = new Map(session.status === 'ended' ? question.keyPoints.map((k) => [k.id, k.text]) : []);
    const dtoTurns = turns.map((t, index): TranscriptTurn => {
      const base: TranscriptTurn = {
        turnId: t.id,
        number: index + 1,
        seq: t.seq,
        phaseId: t.phaseId,
        phaseTitle: titles.get(t.phaseId) ?? t.phaseId,
        speaker: t.speaker,
        text: t.text,
        at: t.createdAt.toISOString(),
        annotations: annotations
          .filter((a) => a.turnId === t.id)
          .map((a) => ({ id: a.id, comment: a.comment, coachId: a.coachId, at: a.createdAt.toISOString() })),
        disputes: disputes.filter((d) => d.turnId === t.id).map(disputeDto),
      };
      if (t.speaker === 'interviewer') {
        const text = t.keyPointId ? keyPointText.get(t.keyPointId) : undefined;
        const probed = t.keyPointId ? { keyPointId: t.keyPointId, ...(text ? { keyPointText: text } : {}) } : {};
        return { ...base, ...(t.reason ? { reason: t.reason } : {}), ...probed };
      }
      const grading = statusOf.get(t.id);
      const stored = gradeOf.get(t.id);
      const answer: TranscriptTurn = boardAt ? { ...base, diagramSnapshotId: boardAt.get(t.seq) ?? null } : base;
      const withStatus: TranscriptTurn = grading
        ? { ...answer, grading: { status: grading.status, ...(grading.failureCode ? { failureCode: grading.failureCode } : {}) } }
        : answer;
      if (!stored || !showGrades) return withStatus;
      const applied = correctGrade(stored.body, t.id, latest, { role, question });
      correctedGrades.push(applied.corrected);
      gradesChanged ||= applied.changed;
      return { ...withStatus, grade: applied.view };
    });

    return {
      session: {
        id,
        candidateId: session.candidateId,
        questionId: session.questionId,
        questionTitle: question.title,
        questionKind: question.kind,
        questionVersion: session.questionVersion,
        mode: session.mode,
        status: session.status,
        startedAt: session.startedAt.toISOString(),
        endedAt: session.endedAt?.toISOString() ?? null,
        endReason: session.endReason,
      },
      turns: dtoTurns,
      report: stored
        ? correctReport({
            ai: stored,
            question,
            role,
            correctedGrades,
            gradesChanged,
            failedAnswers: gradings.filter((g) => g.status === 'failed').length,
            latest,
          })
        : null,
      review: review ? { completedAt: review.completedAt.toISOString(), coachId: review.coachId } : null,
      corrections: corrections.map(toCorrectionDto),
      disputes: disputes.filter((d) => d.turnId === null).map(disputeDto),
    };
  }
}

function disputeDto(d: { id: string; comment: string; createdAt: Date; resolvedAt: Date | null }) {
  return { id: d.id, comment: d.comment, at: d.createdAt.toISOString(), resolvedAt: d.resolvedAt?.toISOString() ?? null };
}
