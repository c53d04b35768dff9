import type { GradeStatus } from '../protocol.js';
import type { AnswerItem } from '../live/session-state.js';

const STATUS_TEXT: Record<GradeStatus, string> = { queued: 'Queued for grading', grading: 'Grading…', scored: 'Scored', failed: 'Grading failed' };

/** One answer: its text (always as text), its grade status and, when shown, its grade. */
export function AnswerCard({ answer, showGrade, onRetry }: { answer: AnswerItem; showGrade: boolean; onRetry(turnId: string): void }) {
  const grade = showGrade ? answer.grade : undefined;
  return (
    <li className="turn turn-candidate" data-testid="answer" data-client-id={answer.clientId} data-status={answer.status}>
      <p className="speaker">You</p>
      <p className="turn-text" data-testid="answer-text">{answer.text}</p>
      <p className={`grade-status status-${answer.status}`} data-testid="grade-status" role="status">
        {STATUS_TEXT[answer.status]}
        {answer.status === 'failed' && (
          <>
            {' '}
            ({answer.failureCode ?? 'unknown'}; no score is given){' '}
            <button type="button" onClick={() => onRetry(answer.turnId)}>
              Retry grading
            </button>
          </>
        )}
        {answer.status === 'scored' && !grade && ' — revealed in the report at the end'}
      </p>
      {grade && (
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
      )}
    </li>
  );
}
