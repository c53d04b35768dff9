import type { SessionStateDto, SessionTurnDto } from '#libs/protocol';
import type { GradingRow, SessionRow, StoredGrade, TurnRow } from './session.types.js';

export function toStateDto(s: SessionRow): SessionStateDto {
  const phase = s.phases[s.phaseIndex]!;
  return {
    id: s.id,
    questionId: s.questionId,
    mode: s.mode,
    status: s.status,
    phase: { id: phase.id, title: phase.title, index: s.phaseIndex, count: s.phases.length },
    phaseEndsAt: s.phaseEndsAt.toISOString(),
    phases: s.phases.map(({ id, title, minutes }) => ({ id, title, minutes })),
    lastSeq: s.lastSeq,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
  };
}

/** A turn of the live view (`GET /api/sessions/:id`); the schema is `sessionTurnSchema` of libs/protocol. */
export type TranscriptTurnDto = SessionTurnDto;

/**
 * The transcript as its owner may see it now. In realistic mode grades stay hidden until the session ends,
 * exactly as the live events do.
 */
export function toTranscript(session: SessionRow, turns: TurnRow[], gradings: GradingRow[], grades: StoredGrade[]): TranscriptTurnDto[] {
  const showGrades = session.mode === 'practice' || session.status === 'ended';
  const statusOf = new Map(gradings.map((g) => [g.turnId, g]));
  const gradeOf = new Map(grades.map((g) => [g.turnId, g]));
  return turns.map((t) => {
    const base: TranscriptTurnDto = { turnId: t.id, seq: t.seq, phaseId: t.phaseId, speaker: t.speaker, text: t.text, at: t.createdAt.toISOString() };
    if (t.speaker === 'interviewer') {
      return { ...base, reason: t.reason ?? undefined, keyPointId: t.keyPointId ?? undefined, replyTo: t.meta?.replyTo, factIds: t.meta?.factIds };
    }
    const grading = statusOf.get(t.id);
    return {
      ...base,
      clientId: t.clientId ?? undefined,
      kind: t.kind ?? 'answer',
      grading: grading && {
        status: grading.status,
        failureCode: grading.failureCode ?? undefined,
        grade: showGrades ? gradeOf.get(t.id)?.body : undefined,
      },
    };
  });
}
