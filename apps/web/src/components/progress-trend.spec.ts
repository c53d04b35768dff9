import { rankSeries, seriesChange, trendSummary } from './progress-trend.js';

const at = (...ys: number[]) => ys.map((y, i) => ({ x: i * 1000, y }));

describe(trendSummary.name, () => {
  it('says in one line where the overall score went, what rose most and what is lowest now', () => {
    const series = [
      { name: 'Capacity estimation', points: at(2, 2, 2) },
      { name: 'Trade-offs', points: at(1, 2, 3) },
      { name: 'Data model', points: at(3, 4) },
    ];
    expect(trendSummary(series, at(48, 55, 71))).toBe(
      'Overall up from 48 to 71 over 3 sessions (+23); most improved: Trade-offs (+2); to work on: Capacity estimation (2 of 4 last time).',
    );
  });

  it('leaves out what does not apply: no rise, nothing below 3, a single session', () => {
    expect(trendSummary([{ name: 'Scope', points: at(3, 3) }], at(70, 62))).toBe('Overall down from 70 to 62 over 2 sessions (−8).');
    expect(trendSummary([{ name: 'Scope', points: at(2) }], at(40))).toBe(
      'Overall 40 after your first complete session; to work on: Scope (2 of 4 last time).',
    );
    expect(trendSummary([], [])).toBe('Finish more sessions to see a trend.');
  });
});

describe(rankSeries.name, () => {
  it('puts the series scored most often first, then the most recent, then by name', () => {
    const sut = rankSeries([
      { name: 'b', points: at(1) },
      { name: 'a', points: at(1) },
      { name: 'c', points: at(1, 2) },
      { name: 'd', points: [{ x: 5000, y: 1 }] },
    ]);
    expect(sut.map((s) => s.name)).toEqual(['c', 'd', 'a', 'b']);
    expect(seriesChange({ name: 'c', points: at(1, 2.5) })).toBe(1.5);
  });
});
