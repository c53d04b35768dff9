import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type ApiRequest, describeError, type Schema } from '../api.js';
import { BoardAtAnswer, BoardReplay } from '../components/board-replay.js';
import { ReportCorrections } from '../components/reviewed-report.js';
import type { KeyPointStatus } from '../protocol.js';
import { stillGrading } from '../transcript-status.js';
import { humanize } from '../live/session-state.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';
import { Link } from '../router.js';
import { useTitle } from '../use-title.js';
import { ScrollTable } from '../components/scroll-table.js';

type Edit = { value: string; reason: string };
type ReviewBody = NonNullable<ApiRequest<'/api/review/sessions/{id}/corrections', 'POST'>['body']>;

const key = (turnId: string, kind: string, id: string) => `${turnId}|${kind}|${id}`;

/** How often, and for how many reads at most, a transcript still being graded is read again. */
const POLL_MS = 5_000;
const POLL_READS = 120;

/** A transcript with the AI's grades beside editable corrections (each needs a reason) and turn annotations. */
export function CoachReviewPage({ sessionId }: { sessionId: string }) {
  const queryClient = useQueryClient();
  // A session opened while its grades or report are still being made is read again until they are there.
  // Without `format` the answer is the `Transcript` (the union's other member is the `format=json` download).
  const transcriptQuery = useQuery<Schema<'Transcript'>>({
    queryKey: queryKeys.transcript(sessionId),
    queryFn: apiGet('/api/sessions/{id}/transcript', { path: { id: sessionId } }),
    refetchInterval: (query) => (query.state.data && stillGrading(query.state.data) && query.state.dataUpdateCount < POLL_READS ? POLL_MS : false),
  });
  const transcript = transcriptQuery.data;
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [complete, setComplete] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  /** The board snapshot the replay shows (null: the final board). */
  const [boardStep, setBoardStep] = useState<string | null>(null);

  // Saved corrections change the transcript (scores, notes, the review's completion), the queue and calibration.
  const saveReview = useMutation({
    mutationFn: (body: ReviewBody) => api('POST', '/api/review/sessions/{id}/corrections', { path: { id: sessionId }, body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.transcript(sessionId), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.review() }),
      ]),
  });

  useTitle(transcript ? `Review: ${transcript.session.questionTitle}` : 'Review');

  if (!transcript)
    return <main>{transcriptQuery.error ? <p role="alert">{describeError(transcriptQuery.error)}</p> : <p role="status">Loading…</p>}</main>;
  const boardUsed = transcript.turns.some((t) => t.diagramSnapshotId);
  // What a correction is about, in words (a dimension's title, a key point's text), for messages.
  const titles = new Map([
    ...transcript.turns.flatMap((t) => [
      ...(t.grade?.dimensions ?? []).map((d) => [d.id, d.title] as const),
      ...(t.grade?.keyPoints ?? []).map((k) => [k.id, k.text] as const),
    ]),
    ...(transcript.report?.dimensions ?? []).map((d) => [d.id, d.title] as const),
  ]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const corrections: NonNullable<ReviewBody['corrections']> = [];
    for (const [k, edit] of Object.entries(edits)) {
      const [turnId, kind, id] = k.split('|') as [string, string, string];
      if (!edit.reason.trim()) {
        setMessage({ ok: false, text: `Give a reason for the change to ${titles.get(id) ?? humanize(id)}.` });
        return;
      }
      corrections.push(
        kind === 'dimension'
          ? { kind: 'dimension', turnId, dimensionId: id, score: Number(edit.value), reason: edit.reason.trim() }
          : { kind: 'keyPoint', turnId, keyPointId: id, status: edit.value as KeyPointStatus, reason: edit.reason.trim() },
      );
    }
    const annotations = Object.entries(notes)
      .filter(([, c]) => c.trim())
      .map(([turnId, comment]) => ({ turnId, comment: comment.trim() }));
    if (!corrections.length && !annotations.length && !complete) {
      setMessage({ ok: false, text: 'Nothing to save: change a score, annotate a turn or mark the review complete.' });
      return;
    }
    try {
      await saveReview.mutateAsync({ corrections, annotations, complete });
      setEdits({});
      setNotes({});
      setMessage({ ok: true, text: 'Saved.' });
    } catch (err) {
      setMessage({ ok: false, text: describeError(err) });
    }
  };

  const setEdit = (k: string, patch: Partial<Edit>, current: string) =>
    setEdits((all) => {
      const next = { ...(all[k] ?? { value: current, reason: '' }), ...patch };
      const rest = { ...all };
      delete rest[k];
      return next.value === current && !next.reason ? rest : { ...rest, [k]: next };
    });

  return (
    <main>
      <p>
        <Link href="/coach">← Review queue</Link>
      </p>
      <h1>Review: {transcript.session.questionTitle}</h1>
      <p className="muted">
        {transcript.session.mode} session,{' '}
        {transcript.session.endedAt ? `ended ${new Date(transcript.session.endedAt).toLocaleString()}` : 'in progress'}
        {transcript.review && ` · review completed ${new Date(transcript.review.completedAt).toLocaleString()}`}
      </p>
      {transcript.report?.corrected && <ReportCorrections report={transcript.report} />}
      {transcript.session.questionKind === 'system-design' && <BoardReplay sessionId={sessionId} snapshotId={boardStep} onSelect={setBoardStep} />}
      <form onSubmit={save}>
        <ol className="timeline">
          {transcript.turns.map((t) => (
            <li key={t.turnId} className={`turn turn-${t.speaker}`} data-testid={t.speaker === 'candidate' ? 'review-answer' : 'review-question'}>
              <p className="speaker">
                {t.number}. {t.speaker === 'candidate' ? 'Candidate' : 'Interviewer'} · {t.phaseTitle}
              </p>
              <p className="turn-text">{t.text}</p>
              {t.speaker === 'candidate' && (
                <>
                  <BoardAtAnswer snapshotId={t.diagramSnapshotId} boardUsed={boardUsed} onShow={setBoardStep} />
                  {t.grade ? (
                    <GradeEditor turn={t} grade={t.grade} edits={edits} onEdit={setEdit} />
                  ) : (
                    <p className="muted">
                      {t.grading ? `Grade: ${t.grading.status}${t.grading.failureCode ? ` (${t.grading.failureCode})` : ''}` : 'Not graded'}
                    </p>
                  )}
                  {t.annotations.map((a) => (
                    <p key={a.id} className="annotation">
                      Note: {a.comment}
                    </p>
                  ))}
                  {t.disputes.map((d) => (
                    <p key={d.id} className="annotation">
                      Candidate disputes: {d.comment}
                    </p>
                  ))}
                  <label className="stack">
                    Annotate this answer
                    <textarea rows={2} value={notes[t.turnId] ?? ''} onChange={(e) => setNotes({ ...notes, [t.turnId]: e.target.value })} />
                  </label>
                </>
              )}
            </li>
          ))}
        </ol>
        <div className="actions sticky-actions">
          <label>
            <input type="checkbox" checked={complete} onChange={(e) => setComplete(e.target.checked)} /> Mark the review complete
          </label>{' '}
          <button type="submit">Save review</button>
          {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
        </div>
      </form>
    </main>
  );
}

function GradeEditor({
  turn,
  grade,
  edits,
  onEdit,
}: {
  turn: Schema<'TranscriptTurn'>;
  grade: Schema<'ReviewedGrade'>;
  edits: Record<string, Edit>;
  onEdit(k: string, patch: Partial<Edit>, current: string): void;
}) {
  return (
    <ScrollTable label={`AI grade and corrections of answer ${turn.number}`}>
      <table className="grade-table">
        <caption>
          AI grade: {grade.overall.ai} / 100{grade.overall.corrected !== undefined && ` → corrected ${grade.overall.corrected} / 100`}
          {grade.flags.length > 0 && ` · flags: ${grade.flags.join(', ')}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">AI</th>
            <th scope="col">Coach</th>
            <th scope="col">Reason (required for a change)</th>
          </tr>
        </thead>
        <tbody>
          {grade.dimensions.map((d) => {
            const k = key(turn.turnId, 'dimension', d.id);
            const current = String(d.corrected?.score ?? d.ai.score);
            const label = d.title;
            return (
              <tr key={k}>
                <th scope="row">{label}</th>
                <td>
                  {d.ai.score} <span className="muted">— {d.ai.reason}</span>
                </td>
                <td>
                  <select
                    aria-label={`Coach score for ${label}`}
                    value={edits[k]?.value ?? current}
                    onChange={(e) => onEdit(k, { value: e.target.value }, current)}
                  >
                    {[1, 2, 3, 4].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                  {d.correction && (
                    <span className="muted">
                      {' '}
                      (v{d.correction.version}: “{d.correction.reason}”)
                    </span>
                  )}
                </td>
                <td>
                  <input
                    aria-label={`Reason for the ${label} score`}
                    value={edits[k]?.reason ?? ''}
                    onChange={(e) => onEdit(k, { reason: e.target.value }, current)}
                  />
                </td>
              </tr>
            );
          })}
          {grade.keyPoints.map((p) => {
            const k = key(turn.turnId, 'keyPoint', p.id);
            const current = p.corrected?.status ?? p.ai.status;
            const label = `Key point: ${p.text}`;
            return (
              <tr key={k}>
                <th scope="row">{label}</th>
                <td>{p.ai.status}</td>
                <td>
                  <select
                    aria-label={`Coach status for ${label}`}
                    value={edits[k]?.value ?? current}
                    onChange={(e) => onEdit(k, { value: e.target.value }, current)}
                  >
                    <option value="covered">covered</option>
                    <option value="partial">partial</option>
                    <option value="missed">missed</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Reason for the ${label} status`}
                    value={edits[k]?.reason ?? ''}
                    onChange={(e) => onEdit(k, { reason: e.target.value }, current)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
