import type { ReportView } from '../protocol.js';
import { BarChart } from './charts.js';

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
      <BarChart
        title="Dimensions (1–4)"
        testId="report-dimensions"
        max={4}
        bars={report.dimensions.map((d) => ({ label: d.title, value: d.score, caption: d.score === null ? 'not assessed' : `${d.score} / 4` }))}
      />
      <ul className="descriptors">
        {report.dimensions
          .filter((d) => d.descriptor)
          .map((d) => (
            <li key={d.id}>
              <strong>{d.title}:</strong> {d.descriptor}
            </li>
          ))}
      </ul>
      <h3>Key points</h3>
      <ul className="keypoints" data-testid="report-keypoints">
        {report.keyPoints.map((k) => (
          <li key={k.id} className={`kp kp-${k.status}`}>
            <span className="badge">{STATUS_LABEL[k.status]}</span> {k.text}
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
              <li key={m.id}>{m.text}</li>
            ))}
          </ul>
        </>
      )}
      {report.studyNext.length > 0 && (
        <>
          <h3>What to study next</h3>
          <ul>
            {report.studyNext.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
