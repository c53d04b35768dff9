import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, lazy, Suspense, useEffect, useRef, useState } from 'react';
import { api, describeError, downloadFile, type Schema } from '../api.js';
import { AnswerCard } from '../components/answer-card.js';
import { AnswerReview } from '../components/answer-review.js';
import { BoardAtAnswer, BoardReplay } from '../components/board-replay.js';
import { useSelfHostedExcalidrawAssets } from '../components/excalidraw-asset-path.js';
import { PhaseBar } from '../components/phase-bar.js';
import { BoardEvidence, SessionReport } from '../components/report-view.js';
import { ReportCorrections } from '../components/reviewed-report.js';
import { draftReplies, humanize, keyPointCoverage } from '../live/session-state.js';
import { useLiveSession } from '../live/use-live-session.js';
import type { CodeLanguageName, DiagramScene, SubmitIntent } from '../protocol.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';
import { Link } from '../router.js';
import { useTitle } from '../use-title.js';

// The code editor (CodeMirror, its own chunk) is fetched only when a coding session opens.
const CodeEditor = lazy(() => import('../components/code-editor.js').then((m) => ({ default: m.CodeEditor })));

// The whiteboard (Excalidraw, its own chunk) is fetched only when a system-design session opens.
const DiagramBoard = lazy(() => {
  useSelfHostedExcalidrawAssets();
  return import('../components/diagram-board.js');
});

export function LiveSessionPage({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const { state, connection, pending, refused } = live;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const questionId = state.session?.questionId;
  const mode = state.session?.mode;
  const ended = state.status === 'ended';

  // The review api's transcript: key point texts for the coverage map (practice grades) and, once the report is
  // there, a coach's corrections, notes and the candidate's disputes. Read again when a grade or the report lands.
  const hasReport = state.report !== null;
  const gradedCount = state.items.filter((i) => i.kind === 'answer' && i.grade).length;
  const wantTranscript = hasReport || (mode === 'practice' && gradedCount > 0);
  const transcript =
    useQuery<Schema<'Transcript'>>({
      queryKey: queryKeys.transcript(sessionId),
      queryFn: apiGet('/api/sessions/{id}/transcript', { path: { id: sessionId } }),
      enabled: wantTranscript,
    }).data ?? null;
  // The socket says when the transcript changed (a grade, the report): the first read is the query's own, each
  // change after it reads again (a read still under way is dropped for the newer one).
  const transcriptVersion = `${hasReport}|${gradedCount}`;
  const readAt = useRef<{ sessionId: string; version: string } | null>(null);
  useEffect(() => {
    if (!wantTranscript) return;
    const seen = readAt.current;
    if (seen?.sessionId === sessionId && seen.version !== transcriptVersion)
      void queryClient.invalidateQueries({ queryKey: queryKeys.transcript(sessionId), exact: true });
    readAt.current = { sessionId, version: transcriptVersion };
  }, [wantTranscript, transcriptVersion, sessionId, queryClient]);
  const reviewed = transcript?.report?.corrected ? transcript : null;
  const turnsById = new Map((transcript?.turns ?? []).map((t) => [t.turnId, t]));
  const boardUsed = (transcript?.turns ?? []).some((t) => t.diagramSnapshotId);
  const keyPointTexts = new Map((transcript?.turns ?? []).flatMap((t) => (t.grade?.keyPoints ?? []).map((k) => [k.id, k.text] as const)));
  // A dispute shows under its answer (the transcript) and in the coach's queue.
  const disputeMutation = useMutation({
    mutationFn: ({ turnId, comment }: { turnId: string; comment: string }) =>
      api('POST', '/api/sessions/{id}/disputes', { path: { id: sessionId }, body: { turnId, comment } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.transcript(sessionId), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewQueue() });
    },
  });
  const dispute = async (turnId: string, comment: string) => {
    await disputeMutation.mutateAsync({ turnId, comment });
  };
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = (format: 'md' | 'json') => {
    setDownloadError(null);
    downloadFile(`/api/sessions/${sessionId}/transcript?format=${format}`, `session-${sessionId}.${format}`).catch((err: unknown) =>
      setDownloadError(describeError(err)),
    );
  };
  const question =
    useQuery({
      queryKey: queryKeys.question(questionId ?? ''),
      queryFn: apiGet('/api/questions/{id}', { path: { id: questionId ?? '' } }),
      enabled: !!questionId,
    }).data ?? null;
  useTitle(question ? (ended ? `Report: ${question.title}` : question.title) : 'Live session');

  // A coding session this browser holds nothing of (another device, cleared storage) starts from the server's copy:
  // read once per visit (no cache kept), and applied only while the browser still holds nothing.
  const codeSync = live.code.sync;
  const coding = question?.kind === 'coding';
  const { data: codeTimeline } = useQuery({
    queryKey: queryKeys.codeTimeline(sessionId),
    queryFn: apiGet('/api/sessions/{id}/code-timeline', { path: { id: sessionId } }),
    enabled: coding && !!codeSync && !codeSync.hasDraft(),
    staleTime: Infinity,
    gcTime: 0,
  });
  useEffect(() => {
    if (!codeTimeline || !codeSync || codeSync.hasDraft()) return;
    const last = codeTimeline.entries.filter((e) => e.type === 'snapshot').at(-1);
    // Snapshots are stored only in a language `code:update` accepted (the protocol's CODE_LANGUAGES).
    if (last?.type === 'snapshot') codeSync.restore(last.language as CodeLanguageName, last.code);
  }, [codeTimeline, codeSync]);

  // The board opens with the server's latest scene (a reload, another device); undefined while it loads, null for
  // a new board (or one that could not be read). Read once per visit: later scenes arrive on the socket.
  const design = question?.kind === 'system-design';
  const board = useQuery({
    queryKey: queryKeys.diagram(sessionId),
    queryFn: apiGet('/api/sessions/{id}/diagram', { path: { id: sessionId } }),
    enabled: design,
    staleTime: Infinity,
    gcTime: 0,
  });
  // The REST and the socket types of a scene are the same zod schema (`diagramSceneSchema`) read two ways.
  const boardScene: DiagramScene | null | undefined = board.data
    ? ((board.data.latest?.scene as DiagramScene | undefined) ?? null)
    : board.isError
      ? null
      : undefined;
  // Once ended: the board snapshot the replay shows (null: the final board).
  const [boardStep, setBoardStep] = useState<string | null>(null);

  /** Sends the box: an answer, or with `intent: 'question'` a question to the interviewer (answered, not graded). */
  const send = (intent?: SubmitIntent) => {
    const text = draft.trim();
    if (!text || ended) return;
    live.submit(text, intent);
    setDraft('');
    composer.current?.focus();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  };
  const command = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const res = await run();
    setNotice(res.ok ? null : (res.error?.message ?? 'refused'));
  };

  if (!state.session || !state.phase || !state.endsAt) {
    return (
      <main>
        {connection.status === 'unauthenticated' ? <SignInAgain reason={connection.detail} /> : <p role="status">Joining the session…</p>}
        {connection.detail && connection.status === 'offline' && <p role="alert">{connection.detail}</p>}
      </main>
    );
  }
  const accepted = new Set(state.items.flatMap((i) => (i.kind === 'answer' ? [i.clientId] : [])));
  const waiting = pending.filter((p) => !accepted.has(p.clientId));
  const drafts = draftReplies(state);
  const coverage = mode === 'practice' ? keyPointCoverage(state.items) : [];

  return (
    <main className="live">
      <header className="live-head">
        <h1>{question?.title ?? 'Mock interview'}</h1>
        <p className="muted">
          {mode === 'practice'
            ? 'Practice mode: feedback after every answer.'
            : 'Realistic mode: grades and feedback at the end, as in a real interview.'}
        </p>
      </header>
      {connection.status !== 'online' && connection.status !== 'connecting' && (
        <div className="banner" role="alert" data-testid="connection-banner">
          {connection.status === 'unauthenticated' ? (
            <SignInAgain reason={connection.detail} />
          ) : (
            <>Connection lost — reconnecting. Your answers are kept and will be sent when the connection is back.</>
          )}
        </div>
      )}
      <PhaseBar phases={state.session.phases} phase={state.phase} endsAt={state.endsAt} ended={ended} />
      {/* Once ended, the report comes first: it is what the candidate came back for. */}
      {ended && (
        <div id="report" tabIndex={-1}>
          {state.report ? (
            <>
              <div className="report-actions">
                <span className="muted">Transcript:</span>
                <button type="button" className="secondary" onClick={() => download('md')}>
                  Download transcript (Markdown)
                </button>
                <button type="button" className="secondary" onClick={() => download('json')}>
                  Download transcript (JSON)
                </button>
                {downloadError && <span role="alert">{downloadError}</span>}
              </div>
              {reviewed?.report && <ReportCorrections report={reviewed.report} turns={reviewed.turns} />}
              <SessionReport report={reviewed?.report?.corrected ?? state.report} />
            </>
          ) : state.reportFailure ? (
            <p role="alert" data-testid="report-failed">
              The session has ended, but its report could not be built ({state.reportFailure}). Your answers and their grades are kept below; retrying
              a failed grade builds the report again.
            </p>
          ) : (
            <p role="status" data-testid="report-pending">
              The session has ended{state.endedReason === 'clock' ? ' (time is up)' : ''}. Preparing your report…
            </p>
          )}
        </div>
      )}
      {ended && design && <BoardReplay sessionId={sessionId} snapshotId={boardStep} onSelect={setBoardStep} />}
      {question && (
        <details className="question-prompt">
          <summary>The question</summary>
          <p className="turn-text">{question.prompt}</p>
        </details>
      )}
      {question?.kind === 'coding' && question.starterCode && live.code.sync && (
        <Suspense fallback={<p role="status">Loading the code editor…</p>}>
          <CodeEditor
            starterCode={question.starterCode}
            signature={question.signature}
            visibleTests={'visibleTests' in question ? question.visibleTests : question.tests.visible}
            draft={live.code.draft}
            sync={live.code.sync}
            refused={live.code.refused}
            results={state.codeResults}
            online={connection.status === 'online'}
            ended={ended}
          />
        </Suspense>
      )}
      <div className={design ? 'live-grid with-board' : 'live-grid'}>
        {design && (
          <Suspense fallback={<p role="status">Loading the whiteboard…</p>}>
            {boardScene !== undefined && (
              <DiagramBoard
                key={sessionId}
                initial={boardScene}
                latest={state.diagram}
                send={live.sendDiagram}
                online={connection.status === 'online'}
                readOnly={ended}
              />
            )}
          </Suspense>
        )}
        <section aria-label="Transcript" className="transcript">
          <ol className="timeline" data-testid="timeline">
            {state.items.map((item) =>
              item.kind === 'interviewer' ? (
                <li
                  key={item.turnId}
                  className="turn turn-interviewer"
                  data-testid="interviewer-message"
                  data-turn-id={item.turnId}
                  data-reply-to={item.replyTo}
                  data-fact-ids={item.factIds?.join(' ')}
                >
                  <p className="speaker">Interviewer</p>
                  <p className="turn-text">{item.text}</p>
                </li>
              ) : (
                <AnswerCard
                  key={item.turnId}
                  answer={item}
                  showGrade={mode === 'practice' || ended}
                  onRetry={(turnId) => void command(() => live.retry(turnId))}
                >
                  {ended && state.report && turnsById.has(item.turnId) && <AnswerReview turn={turnsById.get(item.turnId)!} onDispute={dispute} />}
                  {ended && design && (
                    <BoardAtAnswer snapshotId={turnsById.get(item.turnId)?.diagramSnapshotId} boardUsed={boardUsed} onShow={setBoardStep} />
                  )}
                </AnswerCard>
              ),
            )}
            {/* A reply being written sits where its final message will land (the end of the timeline) until that replaces it. */}
            {drafts.map((d) => (
              <li key={d.turnId} className="turn turn-interviewer streaming" data-testid="interviewer-draft" data-turn-id={d.turnId} aria-busy="true">
                <p className="speaker">
                  Interviewer{' '}
                  <span className="typing">
                    <span className="visually-hidden">is typing…</span>
                    <i aria-hidden="true" />
                    <i aria-hidden="true" />
                    <i aria-hidden="true" />
                  </span>
                </p>
                {d.text && <p className="turn-text">{d.text}</p>}
              </li>
            ))}
            {waiting.map((p) => (
              <li
                key={p.clientId}
                className={`turn turn-candidate pending${p.intent === 'question' ? ' turn-kind-question' : ''}`}
                data-testid="pending-answer"
                data-kind={p.intent}
              >
                <p className="speaker">
                  You
                  {p.intent === 'question' && (
                    <>
                      {' '}
                      <span className="turn-label">Question · not graded</span>
                    </>
                  )}
                </p>
                <p className="turn-text">{p.text}</p>
                <p className="grade-status" role="status">
                  {connection.status === 'online' ? (connection.detail ?? 'Sending…') : 'Waiting for the connection — will be sent automatically'}
                </p>
              </li>
            ))}
            {refused.map(({ entry, error }) => (
              <li key={entry.clientId} className="turn turn-candidate refused">
                <p className="speaker">You (not sent)</p>
                <p className="turn-text">{entry.text}</p>
                <p role="alert">
                  The server refused this {entry.intent === 'question' ? 'question' : 'answer'}: {error.message}
                </p>
              </li>
            ))}
          </ol>
          {ended ? null : (
            <form className="composer" onSubmit={onSubmit}>
              <label htmlFor="answer">Your answer</label>
              <textarea
                id="answer"
                ref={composer}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={onKeyDown}
                rows={6}
                aria-describedby="answer-hint"
              />
              <p id="answer-hint" className="muted">
                Ctrl+Enter (⌘+Enter on a Mac) sends your answer. Need a detail first? Ask the interviewer: questions are answered and not graded.
              </p>
              <div className="actions">
                <button type="submit" disabled={!draft.trim()}>
                  Send answer
                </button>
                <button type="button" className="secondary" onClick={() => send('question')} disabled={!draft.trim()}>
                  Ask the interviewer
                </button>
                {state.phase.index + 1 < state.phase.count ? (
                  <button type="button" onClick={() => void command(live.advance)} disabled={connection.status !== 'online'}>
                    Next phase
                  </button>
                ) : (
                  // The last phase's advance ends the interview: it asks first, as "End session" does.
                  <button
                    type="button"
                    onClick={() => window.confirm('Finish the interview now? You cannot answer after that.') && void command(live.advance)}
                    disabled={connection.status !== 'online'}
                  >
                    Finish interview
                  </button>
                )}
                <button
                  type="button"
                  className="danger"
                  onClick={() => window.confirm('End the session now? You cannot answer after that.') && void command(live.end)}
                  disabled={connection.status !== 'online'}
                >
                  End session
                </button>
              </div>
              {notice && <p role="alert">{notice}</p>}
            </form>
          )}
        </section>
        {mode === 'practice' && (
          <aside className="coverage" aria-labelledby="coverage-title">
            <h2 id="coverage-title">Key points covered</h2>
            {coverage.length === 0 ? (
              <p className="muted">Fills in as your answers are graded.</p>
            ) : (
              <ul data-testid="coverage-map">
                {coverage.map((k) => (
                  <li key={k.id} className={`kp kp-${k.status}`} data-status={k.status}>
                    <span className="badge">{k.status}</span> {k.text ?? keyPointTexts.get(k.id) ?? humanize(k.id)}
                    <BoardEvidence status={k.status} evidence={k.board.map((text) => ({ text }))} />
                  </li>
                ))}
              </ul>
            )}
          </aside>
        )}
      </div>
    </main>
  );
}

/** The sign-in could not be renewed (revoked, disabled, refresh expired): the way back, and why when the account was disabled. */
function SignInAgain({ reason }: { reason?: string }) {
  // The server's reasons name tokens, which mean nothing to a candidate; a disabled account is worth saying.
  const why = reason && /disabled/i.test(reason) ? 'this account has been disabled' : undefined;
  return (
    <p role="alert">
      Your sign-in has expired{why ? ` (${why})` : ''}. <Link href={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>Sign in again</Link> to
      continue — unsent answers are kept.
    </p>
  );
}
