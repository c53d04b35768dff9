import { trendsOf } from './progress.service.js';

describe(trendsOf.name, () => {
  const session = (id: string, complete: boolean, overall: number) => ({
    sessionId: id,
    questionId: 'q',
    mode: 'practice',
    startedAt: '2026-12-01T10:00:00.000Z',
    endedAt: `2026-12-0${id}T10:00:00.000Z`,
    overall,
    complete,
    corrected: false,
    dimensions: { requirements: 3 },
  });

  it('leaves incomplete sessions out of the overall and per-dimension trends', () => {
    const sut = trendsOf([session('1', true, 60), session('2', false, 73), session('3', true, 70)]);
    expect(sut.overallSeries.map((p) => p.overall)).toEqual([60, 70]);
    expect(sut.series.requirements!.map((p) => p.sessionId)).toEqual(['1', '3']);
  });
});
