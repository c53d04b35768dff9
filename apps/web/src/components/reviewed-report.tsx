import type { Schema } from '../api.js';
import { BarChart } from './charts.js';

/** The coach's corrections of a report, beside the AI's values, each with its reason. */
export function ReportCorrections({ report, turns = [] }: { report: Schema<'ReviewedReport'>; turns?: Schema<'TranscriptTurn'>[] }) {
  const dims = report.dimensions.filter((d) => d.correction || (d.corrected !== undefined && d.corrected !== d.ai));
  const kps = report.keyPoints.filter((k) => k.correction || (k.corrected !== undefined && k.corrected !== k.ai));
  const titles = new Map(report.dimensions.map((d) => [d.id, d.title]));
  const kpTexts = new Map(report.keyPoints.map((k) => [k.id, k.text]));
  const perAnswer = turns.flatMap((t) => [
    ...(t.grade?.dimensions ?? []).flatMap((d) =>
      d.correction && d.corrected
        ? [
            {
              key: `${t.turnId}|d|${d.id}`,
              phase: t.phaseTitle,
              what: titles.get(d.id) ?? d.title,
              from: String(d.ai.score),
              to: String(d.corrected.score),
              reason: d.correction.reason,
            },
          ]
        : [],
    ),
    ...(t.grade?.keyPoints ?? []).flatMap((k) =>
      k.correction && k.corrected
        ? [
            {
              key: `${t.turnId}|k|${k.id}`,
              phase: t.phaseTitle,
              what: kpTexts.get(k.id) ?? k.text,
              from: k.ai.status,
              to: k.corrected.status,
              reason: k.correction.reason,
            },
          ]
        : [],
    ),
  ]);
  return (
    <section className="card corrections" aria-labelledby="corrections-title" data-testid="report-corrections">
      <h3 id="corrections-title">Reviewed by a coach</h3>
      <p>
        Overall: AI {report.overall.ai ?? '—'} → coach{' '}
        <strong data-testid="corrected-overall">{report.overall.corrected ?? report.overall.ai ?? '—'}</strong>
      </p>
      <BarChart
        title="Dimensions after review (AI → coach)"
        max={4}
        bars={report.dimensions.map((d) => {
          const value = d.corrected !== undefined ? d.corrected : d.ai;
          const moved = d.corrected !== undefined && d.corrected !== d.ai;
          // A coach's correction reads as what it is: an increase (green, ▲) or a decrease (red, ▼).
          const change = moved ? ((d.corrected ?? 0) > (d.ai ?? 0) ? 'up' : 'down') : undefined;
          return { label: d.title, value, change, caption: moved ? `${d.ai ?? '—'} → ${d.corrected ?? '—'}` : `${value ?? '—'}` };
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
      {perAnswer.length > 0 && (
        <>
          <h4>On your answers</h4>
          <ul data-testid="answer-corrections">
            {perAnswer.map((c) => (
              <li key={c.key}>
                {c.phase} — {c.what}: {c.from} → {c.to} <span className="muted">— “{c.reason}”</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
