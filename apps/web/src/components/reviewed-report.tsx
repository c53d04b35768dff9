import type { ReviewedReport } from '../review-types.js';
import { BarChart } from './charts.js';

/** The coach's corrections of a report, beside the AI's values, each with its reason. */
export function ReportCorrections({ report }: { report: ReviewedReport }) {
  const dims = report.dimensions.filter((d) => d.correction || (d.corrected !== undefined && d.corrected !== d.ai));
  const kps = report.keyPoints.filter((k) => k.correction || (k.corrected !== undefined && k.corrected !== k.ai));
  return (
    <section className="card corrections" aria-labelledby="corrections-title" data-testid="report-corrections">
      <h3 id="corrections-title">Reviewed by a coach</h3>
      <p>
        Overall: AI {report.overall.ai ?? '—'} → coach <strong data-testid="corrected-overall">{report.overall.corrected ?? report.overall.ai ?? '—'}</strong>
      </p>
      <BarChart
        title="Dimensions after review (AI → coach)"
        max={4}
        bars={report.dimensions.map((d) => {
          const value = d.corrected !== undefined ? d.corrected : d.ai;
          return { label: d.title, value, emphasis: d.corrected !== undefined && d.corrected !== d.ai, caption: d.corrected !== undefined && d.corrected !== d.ai ? `${d.ai ?? '—'} → ${d.corrected ?? '—'}` : `${value ?? '—'}` };
        })}
      />
      <ul>
        {dims.map((d) => (
          <li key={d.id}>
            {d.title}: {d.ai ?? '—'} → {d.corrected ?? '—'}
            {d.correction && <span className="muted"> — “{d.correction.reason}”</span>}
          </li>
        ))}
        {kps.map((k) => (
          <li key={k.id}>
            {k.text}: {k.ai} → {k.corrected}
            {k.correction && <span className="muted"> — “{k.correction.reason}”</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
