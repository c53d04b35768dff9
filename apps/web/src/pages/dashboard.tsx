import { useEffect, useState } from 'react';
import { api, describeError } from '../api.js';
import { BarChart, LineChart } from '../components/charts.js';
import type { ReportView, SessionStateDto } from '../protocol.js';
import { Link } from '../router.js';
import { useQuestions } from './questions.js';
import { StartSession } from './start-session.js';

interface SessionDetail {
  state: SessionStateDto;
  report: ReportView | null;
}

/** How many ended sessions feed the progress charts (each is one request). */
const CHART_SESSIONS = 20;

export function DashboardPage() {
  const { questions, error: questionsError } = useQuestions();
  const [sessions, setSessions] = useState<SessionStateDto[] | null>(null);
  const [reports, setReports] = useState<Map<string, ReportView>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const list = await api<SessionStateDto[]>('GET', '/api/sessions');
      if (!live) return;
      setSessions(list);
      const ended = list.filter((s) => s.status === 'ended').slice(0, CHART_SESSIONS);
      const details = await Promise.all(ended.map((s) => api<SessionDetail>('GET', `/api/sessions/${s.id}`)));
      if (live) setReports(new Map(details.flatMap((d) => (d.report ? [[d.state.id, d.report] as const] : []))));
    })().catch((err: unknown) => live && setError(describeError(err)));
    return () => {
      live = false;
    };
  }, []);

  const titles = new Map((questions ?? []).map((q) => [q.id, q.title]));
  const graded = (sessions ?? []).filter((s) => reports.get(s.id)?.overall != null).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const series = new Map<string, { x: number; y: number }[]>();
  const missed = new Map<string, number>();
  for (const s of graded) {
    const report = reports.get(s.id)!;
    for (const d of report.dimensions) {
      if (d.score === null) continue;
      series.set(d.title, [...(series.get(d.title) ?? []), { x: Date.parse(s.startedAt), y: d.score }]);
    }
    for (const k of report.keyPoints) if (k.status === 'missed') missed.set(k.text, (missed.get(k.text) ?? 0) + 1);
  }
  const mostMissed = [...missed].sort((a, b) => b[1] - a[1]).slice(0, 6);

  return (
    <main>
      <h1>Your practice</h1>
      {(error || questionsError) && <p role="alert">{error ?? questionsError}</p>}
      {questions && <StartSession questions={questions} />}
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        {graded.length === 0 ? (
          <p className="muted">Finish a session to see your scores over time.</p>
        ) : (
          <div className="charts">
            <LineChart
              title="Scores per dimension over time (1–4)"
              testId="progress-chart"
              yMin={1}
              yMax={4}
              series={[...series].map(([name, points]) => ({ name, points }))}
            />
            {mostMissed.length > 0 && (
              <BarChart
                title="Key points missed most (sessions)"
                testId="missed-chart"
                max={Math.max(...mostMissed.map(([, n]) => n))}
                bars={mostMissed.map(([label, n]) => ({ label, value: n, emphasis: true }))}
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
                const overall = reports.get(s.id)?.overall;
                return (
                  <tr key={s.id}>
                    <td>{new Date(s.startedAt).toLocaleString()}</td>
                    <td>
                      <Link href={`/sessions/${s.id}`}>{titles.get(s.questionId) ?? s.questionId}</Link>
                    </td>
                    <td>{s.mode}</td>
                    <td>{s.status === 'active' ? `in progress (${s.phase.title})` : 'ended'}</td>
                    <td>{overall == null ? '—' : `${overall} / 100`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
