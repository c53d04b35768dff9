import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

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
        <svg role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.caption ?? b.value ?? 'not assessed'}`).join(', ')}`} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
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

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#ca8a04'];

/** Lines over time (x: epoch ms), y from `yMin` to `yMax`. */
export function LineChart({ title, series, yMin, yMax, testId }: { title: string; series: Series[]; yMin: number; yMax: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const W = useWidth(box, 560);
  const H = 220;
  const pad = { l: 36, r: 12, t: 10, b: 28 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const sx = (x: number) => pad.l + (x1 === x0 ? (W - pad.l - pad.r) / 2 : ((x - x0) / (x1 - x0)) * (W - pad.l - pad.r));
  const sy = (y: number) => pad.t + (1 - (y - yMin) / (yMax - yMin)) * (H - pad.t - pad.b);
  const ticks = Array.from({ length: yMax - yMin + 1 }, (_, i) => yMin + i);
  const summary = series.map((s) => `${s.name}: ${s.points.map((p) => p.y).join(', ')}`).join('; ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="chart-box">
        <svg role="img" aria-label={`${title}. ${summary}`} viewBox={`0 0 ${W} ${H}`} width={W} height={H}>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={pad.l} x2={W - pad.r} y1={sy(t)} y2={sy(t)} className="chart-grid" />
              <text x={pad.l - 8} y={sy(t) + 4} textAnchor="end" className="chart-label">
                {t}
              </text>
            </g>
          ))}
          {xs.length > 0 && (
            <>
              <text x={pad.l} y={H - 8} className="chart-label">{new Date(x0).toLocaleDateString()}</text>
              <text x={W - pad.r} y={H - 8} textAnchor="end" className="chart-label">{new Date(x1).toLocaleDateString()}</text>
            </>
          )}
          {series.map((s, i) => (
            <g key={s.name} stroke={COLORS[i % COLORS.length]} fill={COLORS[i % COLORS.length]}>
              <polyline fill="none" strokeWidth={2} points={s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')} />
              {s.points.map((p, j) => (
                <circle key={j} cx={sx(p.x)} cy={sy(p.y)} r={3} />
              ))}
            </g>
          ))}
        </svg>
      </div>
      <ul className="legend">
        {series.map((s, i) => (
          <li key={s.name}>
            <span className="swatch" style={{ background: COLORS[i % COLORS.length] }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
