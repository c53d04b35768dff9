import type { CodeReportSection, KeyPointStatus, ReportView } from '../protocol.js';
import { BarChart } from './charts.js';
import { CodeTests } from './code-results.js';
import { ModelAnswer, StudyPlan } from './study-plan.js';

const STATUS_LABEL = { covered: 'Covered', partial: 'Partly covered', missed: 'Missed' } as const;

/** The end-of-session report; every string from the server is rendered as text. */
export function SessionReport({ report }: { report: ReportView }) {
  return (
    <section className="report" aria-labelledby="report-title" data-testid="report">
      <h2 id="report-title">Your report</h2>
      <p className="overall">
        Overall: <strong data-testid="report-overall">{report.overall === null ? 'not graded' : `${report.overall} / 100`}</strong>
        <span className="muted">
          {' '}
          · {report.answers.graded} answer{report.answers.graded === 1 ? '' : 's'} graded
          {report.answers.failed > 0 && `, ${report.answers.failed} could not be graded (not counted as a low score)`}
        </span>
      </p>
      {report.complete === false && (
        <p className="notice" data-testid="report-incomplete">
          Incomplete: this session assessed {Math.round((report.coverage ?? 0) * 100)}% of the interview, so the overall stands for that part only. It
          is not counted in your progress trends.
        </p>
      )}
      <BarChart
        title="Dimensions (1–4)"
        testId="report-dimensions"
        max={4}
        bars={report.dimensions.map((d) => ({ label: d.title, value: d.score, caption: d.score === null ? 'not assessed' : `${d.score} / 4` }))}
      />
      {/* What the graders said of the answers; a report stored before these comments shows the level's descriptor. */}
      <ul className="descriptors" data-testid="report-dimension-comments">
        {report.dimensions
          .filter((d) => d.comment ?? d.descriptor)
          .map((d) => (
            <li key={d.id}>
              <strong>{d.title}:</strong> {d.comment ?? d.descriptor}
            </li>
          ))}
      </ul>
      {report.code && <CodeReport code={report.code} />}
      <h3>Key points</h3>
      <ul className="keypoints" data-testid="report-keypoints">
        {report.keyPoints.map((k) => (
          <li key={k.id} className={`kp kp-${k.status}`}>
            <span className="badge">{STATUS_LABEL[k.status]}</span> {k.text}
            <BoardEvidence status={k.status} evidence={k.diagramEvidence} />
            {k.evidence.length > 0 && (
              <blockquote className="evidence">
                {k.evidence.map((q, i) => (
                  <p key={i}>“{q}”</p>
                ))}
              </blockquote>
            )}
          </li>
        ))}
      </ul>
      {report.mistakes.length > 0 && (
        <>
          <h3>Mistakes to avoid</h3>
          <ul>
            {report.mistakes.map((m) => (
              <li key={m.id}>
                {m.text}
                {m.diagramEvidence?.length ? (
                  <p className="board-evidence" data-testid="mistake-board-evidence">
                    On your board: {m.diagramEvidence.map((e) => e.text).join('; ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <StudyPlan report={report} />
      {report.modelAnswer && <ModelAnswer answer={report.modelAnswer} />}
    </section>
  );
}

/**
 * What the board showed for a key point (the grade's `diagramEvidence`: elements named as on the board, never a
 * quote), under the point: "Covered — from your board: Notification service → Kafka → Push worker". Not for a missed
 * point (a coach may have corrected it to missed).
 */
export function BoardEvidence({ status, evidence }: { status: KeyPointStatus; evidence: readonly { text: string }[] | undefined }) {
  if (status === 'missed' || !evidence?.length) return null;
  return (
    <p className="board-evidence" data-testid="keypoint-board-evidence">
      {STATUS_LABEL[status]} — from your board: {evidence.map((e) => e.text).join('; ')}
    </p>
  );
}

const LANGUAGE_LABEL: Record<string, string> = { python: 'Python', javascript: 'JavaScript' };

/** What the server measured about the graded submission: how its time grew, and what the static analysis found. */
function CodeFactsView({ code }: { code: CodeReportSection }) {
  const { complexity, quality, factsMissing = [] } = code;
  if (!complexity && !quality && factsMissing.length === 0) return null;
  return (
    <ul className="code-facts" data-testid="report-code-facts">
      {complexity && (
        <li data-testid="report-code-complexity">
          <strong>Complexity:</strong> {complexity.summary}
          {complexity.confident ? '' : ' (low confidence)'}. <span className="muted">{complexity.note}</span>
        </li>
      )}
      {quality && (
        <li data-testid="report-code-quality">
          <strong>Code quality:</strong> {quality.score} / 4{quality.findings.length === 0 ? ', nothing to flag' : ''}
          {quality.findings.length > 0 && (
            <ul>
              {quality.findings.map((f, i) => (
                <li key={i}>{f}</li>
              ))}
            </ul>
          )}
        </li>
      )}
      {factsMissing.map((m, i) => (
        <li key={`missing-${i}`} className="muted">
          {m}
        </li>
      ))}
    </ul>
  );
}

/** A coding session's code: what was graded, its tests and every run in order. */
function CodeReport({ code }: { code: CodeReportSection }) {
  const counts = (c: { passed: number; total: number } | null) => (c ? `${c.passed}/${c.total}` : '—');
  return (
    <section aria-labelledby="report-code-title" data-testid="report-code">
      <h3 id="report-code-title">Graded code</h3>
      <p data-testid="report-code-summary">
        {LANGUAGE_LABEL[code.language] ?? code.language} ·{' '}
        {code.status === null
          ? 'never submitted (the last version is shown)'
          : `submission ${code.status} · visible ${counts(code.visible)} · hidden ${counts(code.hidden)}`}
        <span className="muted">
          {' '}
          · {code.snapshots} snapshot{code.snapshots === 1 ? '' : 's'}
        </span>
      </p>
      <CodeFactsView code={code} />
      <pre className="code-output" data-testid="report-code-text">
        {code.code}
      </pre>
      <CodeTests tests={code.tests} />
      {code.timeline.length > 0 && (
        <>
          <h4>Runs</h4>
          <ol data-testid="report-code-runs">
            {code.timeline.map((r, i) => (
              <li key={i}>
                {new Date(r.at).toLocaleTimeString()} · {r.kind === 'run' ? 'test run' : 'submission'} · {r.status ?? 'did not finish'}
                {r.visible && ` · visible ${counts(r.visible)}`}
                {r.hidden && ` · hidden ${counts(r.hidden)}`}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
