import { type FormEvent, useState } from 'react';
import { describeError, type Schema } from '../api.js';

/**
 * Under an answer once the session has ended: what the coach changed in its grade and why, the coach's notes,
 * the candidate's disputes, and a way to dispute the grade (the review api's `POST /api/sessions/:id/disputes`).
 */
export function AnswerReview({ turn, onDispute }: { turn: Schema<'TranscriptTurn'>; onDispute(turnId: string, comment: string): Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const grade = turn.grade;
  const corrections = [
    ...(grade?.dimensions ?? []).flatMap((d) =>
      d.correction && d.corrected
        ? [{ key: `d|${d.id}`, what: d.title, from: String(d.ai.score), to: String(d.corrected.score), reason: d.correction.reason }]
        : [],
    ),
    ...(grade?.keyPoints ?? []).flatMap((k) =>
      k.correction && k.corrected ? [{ key: `k|${k.id}`, what: k.text, from: k.ai.status, to: k.corrected.status, reason: k.correction.reason }] : [],
    ),
  ];
  const fieldId = `dispute-${turn.turnId}`;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) return;
    setBusy(true);
    try {
      await onDispute(turn.turnId, comment.trim());
      setComment('');
      setOpen(false);
      setMessage({ ok: true, text: 'Dispute sent: your coach will look at this grade.' });
    } catch (err) {
      setMessage({ ok: false, text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="answer-review">
      {corrections.length > 0 && (
        <ul className="answer-corrections" aria-label="Corrected by your coach">
          {corrections.map((c) => (
            <li key={c.key} data-testid="answer-correction">
              Corrected by your coach — {c.what}: {c.from} → {c.to} <span className="muted">— “{c.reason}”</span>
            </li>
          ))}
        </ul>
      )}
      {turn.annotations.map((a) => (
        <p key={a.id} className="annotation" data-testid="coach-annotation">
          <strong>Coach’s note:</strong> {a.comment}
        </p>
      ))}
      {turn.disputes.map((d) => (
        <p key={d.id} className="annotation" data-testid="own-dispute">
          You disputed this grade: {d.comment}
          {d.resolvedAt && <span className="muted"> (resolved {new Date(d.resolvedAt).toLocaleDateString()})</span>}
        </p>
      ))}
      {grade && !open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Dispute this grade
        </button>
      )}
      {open && (
        <form className="stack dispute-form" onSubmit={send}>
          <label htmlFor={fieldId}>What is wrong with this grade?</label>
          <textarea id={fieldId} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} />
          <div className="actions">
            <button type="submit" disabled={busy || !comment.trim()}>
              {busy ? 'Sending…' : 'Send dispute'}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
    </div>
  );
}
