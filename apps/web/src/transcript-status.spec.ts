import type { GradeStatus } from './protocol.js';
import type { Schema } from './api.js';
import { stillGrading } from './transcript-status.js';

type Transcript = Schema<'Transcript'>;
type TranscriptTurn = Schema<'TranscriptTurn'>;

const answer = (status: GradeStatus): TranscriptTurn => ({
  turnId: `t-${status}`,
  number: 1,
  seq: 1,
  phaseId: 'p',
  phaseTitle: 'Phase',
  speaker: 'candidate',
  text: 'an answer',
  at: '2026-01-01T00:00:00Z',
  grading: { status },
  annotations: [],
  disputes: [],
});

const transcript = (status: 'active' | 'ended', turns: TranscriptTurn[], report: Transcript['report'] = null): Transcript => ({
  session: {
    id: 's',
    candidateId: 'c',
    questionId: 'q',
    questionTitle: 'Q',
    questionKind: 'coding',
    questionVersion: 'v',
    mode: 'practice',
    status,
    startedAt: '',
    endedAt: null,
    endReason: null,
  },
  turns,
  report,
  review: null,
  corrections: [],
  disputes: [],
});
const someReport = {} as NonNullable<Transcript['report']>;

describe(stillGrading.name, () => {
  const sut = stillGrading;

  it('is true while the session runs or an answer is queued, grading or delayed', () => {
    expect(sut(transcript('active', [answer('scored')]))).toBe(true);
    for (const status of ['queued', 'grading', 'delayed'] as const)
      expect(sut(transcript('ended', [answer('scored'), answer(status)], someReport))).toBe(true);
  });

  it('is true while every answer is graded but the report is not built yet', () => {
    expect(sut(transcript('ended', [answer('scored')]))).toBe(true);
  });

  it('is false once the report is there, when a grade failed (no report comes by itself), or with no answers', () => {
    expect(sut(transcript('ended', [answer('scored')], someReport))).toBe(false);
    expect(sut(transcript('ended', [answer('scored'), answer('failed')]))).toBe(false);
    expect(sut(transcript('ended', []))).toBe(false);
  });
});
