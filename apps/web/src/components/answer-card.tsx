import type { ReactNode } from 'react';
import type { GradeStatus, GradeView, TurnKind } from '../protocol.js';
import type { AnswerItem } from '../live/session-state.js';

const STATUS_TEXT: Record<GradeStatus, string> = {
  queued: 'Queued for grading',
  grading: 'Grading…',
  delayed: 'Grading delayed',
  scored: 'Scored',
  failed: 'Grading failed',
};
const KIND_TEXT: Record<TurnKind, string | null> = { answer: null, question: 'Question', 'move-on': 'Asked to move on', 'dont-know': "Don't know" };

/** How the server read a turn, said beside it: a plain graded answer needs no label. */
function turnKindLabel(kind: TurnKind, graded: boolean): string | null {
  const label = KIND_TEXT[kind] ?? null;
  return graded ? label : `${label ?? 'Answer'} · not graded`;
}

/**
 * One candidate turn: its text (always as text), how the server read it and, for a graded turn, its grade status
 * and, when shown, its grade. A turn that is not graded (a question, a request to move on) shows no grade status:
 * no grade event will come for it.
 */
export function AnswerCard({
  answer,
  showGrade,
  onRetry,
  children,
}: {
  answer: AnswerItem;
  showGrade: boolean;
  onRetry(turnId: string): void;
  children?: ReactNode;
}) {
  const grade = showGrade ? answer.grade : undefined;
  const label = turnKindLabel(answer.turnKind, answer.graded);
  return (
    <li
      className={`turn turn-candidate turn-kind-${answer.turnKind}`}
      data-testid="answer"
      data-turn-id={answer.turnId}
      data-client-id={answer.clientId}
      data-kind={answer.turnKind}
      data-status={answer.status ?? 'not-graded'}
    >
      <p className="speaker">
        You
        {label && (
          <>
            {' '}
            <span className="turn-label" data-testid="turn-kind">
              {label}
            </span>
          </>
        )}
      </p>
      <p className="turn-text" data-testid="answer-text">
        {answer.text}
      </p>
      {answer.status !== null && (
        <GradeStatusLine
          turnId={answer.turnId}
          status={answer.status}
          failureCode={answer.failureCode}
          delay={answer.delay}
          revealedLater={!grade}
          onRetry={onRetry}
        />
      )}
      {grade && <Feedback grade={grade} />}
      {children}
    </li>
  );
}

function GradeStatusLine({
  turnId,
  status,
  failureCode,
  delay,
  revealedLater,
  onRetry,
}: {
  turnId: string;
  status: GradeStatus;
  failureCode: string | undefined;
  delay: AnswerItem['delay'];
  revealedLater: boolean;
  onRetry(turnId: string): void;
}) {
  return (
    <p className={`grade-status status-${status}`} data-testid="grade-status" role="status">
      {STATUS_TEXT[status]}
      {status === 'failed' && (
        <>
          {' '}
          ({failureCode ?? 'unknown'}; no score is given){' '}
          <button type="button" onClick={() => onRetry(turnId)}>
            Retry grading
          </button>
        </>
      )}
      {status === 'scored' && revealedLater && ' — revealed in the report at the end'}
      {status === 'delayed' && delay && ` — ${delayText(delay)}`}
    </p>
  );
}

function Feedback({ grade }: { grade: GradeView }) {
  return (
    <div className="feedback" data-testid="live-feedback">
      <p>
        Score for this answer: <strong data-testid="answer-score">{grade.overall} / 100</strong>
      </p>
      {grade.feedback.strengths.length > 0 && (
        <>
          <p className="fb-head">Strengths</p>
          <ul>
            {grade.feedback.strengths.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
      {grade.feedback.improvements.length > 0 && (
        <>
          <p className="fb-head">To improve</p>
          <ul>
            {grade.feedback.improvements.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** What a candidate reads while the grading provider makes them wait: why, and until when at the latest. */
function delayText(delay: NonNullable<AnswerItem['delay']>): string {
  const at = (iso: string | undefined) =>
    iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : null;
  const why = delay.reason === 'PROVIDER_RATE_LIMITED' ? 'the grading service is busy' : delay.reason;
  const next = at(delay.retryAt);
  const latest = at(delay.giveUpAt);
  return `${why}; trying again${next ? ` at ${next}` : ' shortly'}${latest ? ` (the wait ends by ${latest} at the latest)` : ''}.`;
}
