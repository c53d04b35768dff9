import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { rankSeries, seriesChange } from './progress-trend.js';

/** Hand-drawn SVG charts: small, accessible (a title and a text alternative), no charting library. */

export interface Bar {
  label: string;
  value: number | null;
  /** Shown after the bar, e.g. "3.5 / 4"; defaults to the value. */
  caption?: string;
  /** Drawn in the alert colour (e.g. key points missed). */
  emphasis?: boolean;
  /** A value a coach moved: up (green, an increase) or down (red, a decrease). */
  change?: 'up' | 'down';
}

/**
 * The drawing's width in CSS pixels: the charts draw at the size they are shown, so their 12 px text stays 12 px
 * on a phone instead of being scaled down with a fixed viewBox.
 */
function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(200, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** About how many 12 px characters fit in `px` pixels. */
const charsIn = (px: number) => Math.max(6, Math.floor(px / 6.8));

export function BarChart({ title, bars, max, testId }: { title: string; bars: Bar[]; max: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 610);
  const rowH = 28;
  const valueW = 84;
  const labelW = Math.min(220, Math.round(width * 0.42));
  const barW = Math.max(40, width - labelW - valueW);
  const height = bars.length * rowH + 8;
  const barClass = (b: Bar) => (b.change ? `chart-bar chart-bar-${b.change}` : b.emphasis ? 'chart-bar chart-bar-alt' : 'chart-bar');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="chart-box">
        <svg
          role="img"
          aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.caption ?? b.value ?? 'not assessed'}`).join(', ')}`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
        >
          {bars.map((b, i) => {
            const y = i * rowH + 4;
            const w = b.value === null || b.value <= 0 ? 0 : Math.max(2, (Math.min(b.value, max) / max) * barW);
            return (
              <g key={b.label + i}>
                <text x={labelW - 8} y={y + 17} textAnchor="end" className="chart-label">
                  {truncate(b.label, charsIn(labelW - 8))}
                </text>
                <rect x={labelW} y={y + 4} width={barW} height={rowH - 10} className="chart-track" />
                <rect x={labelW} y={y + 4} width={w} height={rowH - 10} className={barClass(b)} data-change={b.change} />
                <text x={labelW + barW + 8} y={y + 17} className="chart-value">
                  {b.caption ?? (b.value === null ? 'n/a' : String(b.value))}
                  {b.change === 'up' ? ' ▲' : b.change === 'down' ? ' ▼' : ''}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

export interface Series {
  name: string;
  points: { x: number; y: number }[];
}

/** Six hues far apart (and dark enough for text contrast on white): one per panel, never two alike on screen. */
const COLORS = ['#1d4ed8', '#b91c1c', '#15803d', '#7e22ce', '#c2410c', '#0e7490'];

const shortDate = (x: number) => new Date(x).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/**
 * Scores over time as small multiples: one small panel per series, all on the same y scale (`yMin`–`yMax`) and
 * the same time axis, so no colour legend is needed and a dozen dimensions stay readable. The `limit` series
 * ranked first (scored most often, then most recently; `rankSeries`) are shown; the rest fold under a summary.
 * `summary`: the one-line trend above the panels.
 */
export function SmallMultiples({
  title,
  series,
  yMin,
  yMax,
  summary,
  limit = 6,
  testId,
}: {
  title: string;
  series: Series[];
  yMin: number;
  yMax: number;
  summary: string;
  limit?: number;
  testId?: string;
}) {
  const ranked = rankSeries(series);
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const span = xs.length ? { x0: Math.min(...xs), x1: Math.max(...xs) } : { x0: 0, x1: 0 };
  const panel = (s: Series, i: number) => (
    <SeriesPanel key={s.name} series={s} color={COLORS[i % COLORS.length]!} yMin={yMin} yMax={yMax} span={span} />
  );
  const shown = ranked.slice(0, limit);
  const folded = ranked.slice(limit);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        {title}
        {xs.length > 0 && (
          <span className="muted"> · {span.x0 === span.x1 ? shortDate(span.x0) : `${shortDate(span.x0)} – ${shortDate(span.x1)}`}</span>
        )}
      </figcaption>
      <p className="chart-summary" data-testid="progress-trend">
        {summary}
      </p>
      <div className="multiples">{shown.map(panel)}</div>
      {folded.length > 0 && (
        <details className="multiples-more">
          <summary>
            {folded.length} more dimension{folded.length === 1 ? '' : 's'}
          </summary>
          <div className="multiples">{folded.map((s, i) => panel(s, i + shown.length))}</div>
        </details>
      )}
    </figure>
  );
}

/** One series' panel: its name and latest score with the change since its first, and its line on the shared axes. */
function SeriesPanel({
  series,
  color,
  yMin,
  yMax,
  span,
}: {
  series: Series;
  color: string;
  yMin: number;
  yMax: number;
  span: { x0: number; x1: number };
}) {
  const box = useRef<HTMLDivElement>(null);
  const W = useWidth(box, 240);
  const H = 96;
  const pad = { l: 22, r: 8, t: 8, b: 8 };
  const sx = (x: number) => pad.l + (span.x1 === span.x0 ? (W - pad.l - pad.r) / 2 : ((x - span.x0) / (span.x1 - span.x0)) * (W - pad.l - pad.r));
  const sy = (y: number) => pad.t + (1 - (y - yMin) / (yMax - yMin)) * (H - pad.t - pad.b);
  const ticks = Array.from({ length: yMax - yMin + 1 }, (_, i) => yMin + i);
  const last = series.points.at(-1);
  const change = seriesChange(series);
  const changeText = series.points.length < 2 ? 'one session' : change > 0 ? `▲ +${change}` : change < 0 ? `▼ −${Math.abs(change)}` : 'no change';
  const label = `${series.name}: ${series.points.map((p) => `${shortDate(p.x)} ${p.y}`).join(', ')}`;
  return (
    <div className="multiple" data-testid="progress-series">
      <p className="multiple-head">
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        <span data-testid="progress-series-name">{series.name}</span>{' '}
        <span className="multiple-latest">
          {last ? `${last.y} / ${yMax}` : 'n/a'} <span className={change > 0 ? 'trend-up' : change < 0 ? 'trend-down' : 'muted'}>({changeText})</span>
        </span>
      </p>
      <div ref={box} className="chart-box">
        <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} width={W} height={H}>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={pad.l} x2={W - pad.r} y1={sy(t)} y2={sy(t)} className="chart-grid" />
              <text x={pad.l - 6} y={sy(t) + 4} textAnchor="end" className="chart-label">
                {t}
              </text>
            </g>
          ))}
          <g stroke={color} fill={color}>
            <polyline fill="none" strokeWidth={2} points={series.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')} />
            {series.points.map((p, j) => (
              <circle key={j} cx={sx(p.x)} cy={sy(p.y)} r={3} />
            ))}
          </g>
        </svg>
      </div>
    </div>
  );
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
