import { useQuery } from '@tanstack/react-query';
import { describeError } from '../api.js';
import { BarChart } from '../components/charts.js';
import { humanize } from '../live/session-state.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';
import { Link } from '../router.js';
import { useTitle } from '../use-title.js';
import { ScrollTable } from '../components/scroll-table.js';

/** How long a session has waited since it ended: "40 min", "5 h", "3 days". */
function age(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

export function ReviewQueuePage() {
  useTitle('Review queue');
  const queue = useQuery({ queryKey: queryKeys.reviewQueue(), queryFn: apiGet('/api/review/queue') });
  const rows = queue.data;
  const error = queue.error && !rows ? describeError(queue.error) : null;
  return (
    <main>
      <h1>Review queue</h1>
      <p className="muted">Finished sessions of your candidates: disputed and flagged first, then the longest waiting.</p>
      {error && <p role="alert">{error}</p>}
      {!rows && !error && <p role="status">Loading…</p>}
      {rows && rows.length === 0 && <p>Nothing to review.</p>}
      {rows && rows.length > 0 && (
        <ScrollTable label="Review queue">
          <table data-testid="review-queue" className="queue">
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Question</th>
                <th scope="col">Why</th>
                <th scope="col">Waiting</th>
                <th scope="col">Reviewed</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.sessionId} data-testid="queue-row">
                  <td data-testid="queue-candidate">{r.candidateEmail}</td>
                  <td>
                    <span data-testid="queue-question">{r.questionTitle}</span>
                    <br />
                    <span className="muted">{r.mode}</span>
                  </td>
                  <td data-testid="queue-why">
                    {r.flagReasons.length === 0 && r.openDisputes === 0 && <span className="muted">Not reviewed yet</span>}
                    <ul className="reasons">
                      {r.openDisputes > 0 && (
                        <li>
                          <span className="badge flag">Disputed</span> {r.openDisputes} open dispute{r.openDisputes === 1 ? '' : 's'} from the
                          candidate
                        </li>
                      )}
                      {r.flagReasons.map((f) => (
                        <li key={f.flag}>
                          <span className="badge flag">{humanize(f.flag)}</span> {f.reason}
                          {f.answers > 0 && (
                            <span className="muted">
                              {' '}
                              ({f.answers} answer{f.answers === 1 ? '' : 's'})
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <time dateTime={r.endedAt} title={`Ended ${new Date(r.endedAt).toLocaleString()}`} data-testid="queue-age">
                      {age(r.endedAt)}
                    </time>
                  </td>
                  <td>{r.reviewedAt ? new Date(r.reviewedAt).toLocaleDateString() : 'not yet'}</td>
                  <td>
                    <Link href={`/coach/sessions/${r.sessionId}`} aria-label={`Review ${r.candidateEmail}'s ${r.questionTitle} session`}>
                      Review
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </main>
  );
}

const pct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)}%`);

export function CalibrationPage() {
  useTitle('Calibration');
  const calibration = useQuery({ queryKey: queryKeys.calibration(), queryFn: apiGet('/api/review/calibration') });
  const data = calibration.data;
  const error = calibration.error && !data ? describeError(calibration.error) : null;
  return (
    <main>
      <h1>Calibration: where the AI and coaches agree</h1>
      {error && <p role="alert">{error}</p>}
      {data && (
        <>
          <p>
            From {data.answers} answer{data.answers === 1 ? '' : 's'} in {data.sessions} completed review{data.sessions === 1 ? '' : 's'}
            {data.scope === 'own' ? ' (yours)' : ' (all coaches)'}.
          </p>
          {data.groups.length === 0 && <p className="muted">Complete a review to see agreement figures.</p>}
          {data.groups.map((g) => (
            <section key={`${g.grader}|${g.model}|${g.promptVersion}`} className="card" data-testid="calibration-group">
              <h2>
                {g.grader}
                {g.model ? ` (${g.model})` : ''} · prompt {g.promptVersion.slice(0, 8)}
              </h2>
              <p>
                Scores: exact {pct(g.pooled.exact)}, within one {pct(g.pooled.withinOne)}, weighted kappa{' '}
                {g.pooled.kappa === null ? `n/a (${g.pooled.kappaNote ?? 'not enough data'})` : g.pooled.kappa.toFixed(2)} · key points agree{' '}
                {pct(g.keyPoints.agreement)} ({g.keyPoints.disagreements} disagreements)
              </p>
              <BarChart
                title="Exact agreement per dimension (%)"
                max={100}
                bars={g.dimensions.map((d) => ({
                  label: d.title ?? humanize(d.id),
                  value: d.exact === null ? null : Math.round(d.exact * 100),
                  caption: `${pct(d.exact)} of ${d.n}`,
                }))}
              />
            </section>
          ))}
        </>
      )}
    </main>
  );
}
