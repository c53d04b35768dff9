import { useQuery } from '@tanstack/react-query';
import { describeError } from '../api.js';
import { BarChart, SmallMultiples } from '../components/charts.js';
import { trendSummary } from '../components/progress-trend.js';
import { humanize } from '../live/session-state.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';
import { Link } from '../router.js';
import { useQuestions } from './questions.js';
import { StartSession } from './start-session.js';
import { useTitle } from '../use-title.js';
import { ScrollTable } from '../components/scroll-table.js';

export function DashboardPage() {
  useTitle('Your practice');
  const { questions, error: questionsError } = useQuestions();
  const sessionsQuery = useQuery({ queryKey: queryKeys.sessions(), queryFn: apiGet('/api/sessions') });
  const progressQuery = useQuery({ queryKey: queryKeys.progress(), queryFn: apiGet('/api/me/progress') });
  const sessions = sessionsQuery.data;
  const progress = progressQuery.data;
  // A failed read says so while it has nothing to show (a failed re-read keeps what was shown).
  const failed = [sessionsQuery.error && !sessions ? sessionsQuery.error : null, progressQuery.error && !progress ? progressQuery.error : null].find(
    Boolean,
  );
  const error = failed ? describeError(failed) : null;

  const titles = new Map((questions ?? []).map((q) => [q.id, q.title]));
  const scored = new Map((progress?.sessions ?? []).map((s) => [s.sessionId, s]));
  const series = Object.entries(progress?.series ?? {}).map(([id, points]) => ({
    name: progress?.dimensionTitles?.[id] ?? humanize(id),
    points: points.map((p) => ({ x: Date.parse(p.at), y: p.score })),
  }));
  const trend = trendSummary(
    series,
    (progress?.overallSeries ?? []).map((p) => ({ y: p.overall })),
  );
  const mostMissed = (progress?.mostMissed ?? []).slice(0, 6);

  return (
    <main>
      <h1>Your practice</h1>
      {(error || questionsError) && <p role="alert">{error ?? questionsError}</p>}
      {questions && <StartSession questions={questions} />}
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        {progress && progress.streak.current > 0 && (
          <p>
            Streak: {progress.streak.current} day{progress.streak.current === 1 ? '' : 's'} in a row (longest {progress.streak.longest}).
          </p>
        )}
        {series.length === 0 ? (
          <p className="muted">Finish a session to see your scores over time.</p>
        ) : (
          <div className="charts">
            <SmallMultiples title="Scores per dimension over time (1–4)" testId="progress-chart" yMin={1} yMax={4} series={series} summary={trend} />
            {mostMissed.length > 0 && (
              <BarChart
                title="Key points missed most (sessions)"
                testId="missed-chart"
                max={Math.max(...mostMissed.map((m) => m.of))}
                bars={mostMissed.map((m) => ({ label: m.text, value: m.missed, caption: `${m.missed} of ${m.of}`, emphasis: true }))}
              />
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions so far</h2>
        {!sessions ? (
          <p role="status">Loading…</p>
        ) : sessions.length === 0 ? (
          <p className="muted">No sessions yet.</p>
        ) : (
          <ScrollTable label="Sessions so far">
            <table data-testid="session-list">
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Question</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Status</th>
                  <th scope="col">Overall</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => {
                  const overall = scored.get(s.id)?.overall;
                  const corrected = scored.get(s.id)?.corrected;
                  const incomplete = scored.get(s.id)?.complete === false;
                  return (
                    <tr key={s.id}>
                      <td>{new Date(s.startedAt).toLocaleString()}</td>
                      <td>
                        <Link href={`/sessions/${s.id}`}>{titles.get(s.questionId) ?? s.questionId}</Link>
                      </td>
                      <td>{s.mode}</td>
                      <td>{s.status === 'active' ? `in progress (${s.phase.title})` : 'ended'}</td>
                      <td>
                        {overall == null ? '—' : `${overall} / 100`}
                        {incomplete && <span className="muted"> (incomplete: not in trends)</span>}
                        {corrected && <span className="muted"> (reviewed by a coach)</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </main>
  );
}
