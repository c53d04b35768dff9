/** One dimension's scores (1–4) over sessions, oldest first. */
export interface ScoreSeries {
  name: string;
  points: readonly { x: number; y: number }[];
}

/** How a series moved from its first score to its latest (0 with a single score). */
export function seriesChange(s: ScoreSeries): number {
  const first = s.points[0];
  const last = s.points.at(-1);
  return first && last ? Math.round((last.y - first.y) * 10) / 10 : 0;
}

/**
 * The series worth a panel first: the ones scored in the most sessions, then the most recently scored, then by
 * name (stable). The dashboard shows the first few and folds the rest.
 */
export function rankSeries<S extends ScoreSeries>(series: readonly S[]): S[] {
  const lastX = (s: S) => s.points.at(-1)?.x ?? 0;
  return [...series].sort((a, b) => b.points.length - a.points.length || lastX(b) - lastX(a) || a.name.localeCompare(b.name));
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0');

/**
 * One line a candidate can read at a glance: the overall score's move over the sessions, the dimension that rose
 * most and the one that is lowest now. `overall`: the overall score (0–100) per session, oldest first.
 */
export function trendSummary(series: readonly ScoreSeries[], overall: readonly { y: number }[] = []): string {
  const parts: string[] = [];
  if (overall.length >= 2) {
    const first = overall[0]!.y;
    const last = overall.at(-1)!.y;
    const move = last > first ? 'up' : last < first ? 'down' : 'level';
    parts.push(`Overall ${move} from ${first} to ${last} over ${overall.length} sessions (${signed(last - first)})`);
  } else if (overall.length === 1) {
    parts.push(`Overall ${overall[0]!.y} after your first complete session`);
  }
  const moved = series.filter((s) => s.points.length >= 2);
  const best = [...moved].sort((a, b) => seriesChange(b) - seriesChange(a))[0];
  if (best && seriesChange(best) > 0) parts.push(`most improved: ${best.name} (${signed(seriesChange(best))})`);
  const latest = series.filter((s) => s.points.length > 0).map((s) => ({ name: s.name, y: s.points.at(-1)!.y }));
  const lowest = [...latest].sort((a, b) => a.y - b.y || a.name.localeCompare(b.name))[0];
  if (lowest && lowest.y < 3) parts.push(`to work on: ${lowest.name} (${lowest.y} of 4 last time)`);
  if (parts.length === 0) return 'Finish more sessions to see a trend.';
  const [head, ...rest] = parts;
  return `${head![0]!.toUpperCase()}${head!.slice(1)}${rest.length ? `; ${rest.join('; ')}` : ''}.`;
}
