import type { SessionReport } from '#libs/interview';
import { mostMissed, streakOf } from './progress.service.js';

describe(streakOf.name, () => {
  const now = new Date('2026-11-20T10:00:00Z');

  it('counts consecutive UTC days, the current run ending today or yesterday', () => {
    const sut = streakOf(
      [
        '2026-11-14T09:00:00Z',
        '2026-11-15T23:59:00Z',
        '2026-11-16T00:01:00Z',
        '2026-11-16T08:00:00Z',
        '2026-11-18T12:00:00Z',
        '2026-11-19T12:00:00Z',
      ],
      now,
    );
    expect(sut).toEqual({ current: 2, longest: 3, lastDay: '2026-11-19' });
  });

  it('has no current streak after a missed day, and nothing without sessions', () => {
    expect(streakOf(['2026-11-17T12:00:00Z'], now)).toEqual({ current: 0, longest: 1, lastDay: '2026-11-17' });
    expect(streakOf([], now)).toEqual({ current: 0, longest: 0, lastDay: null });
  });
});

describe(mostMissed.name, () => {
  const report = (statuses: Record<string, 'covered' | 'partial' | 'missed'>) =>
    ({
      questionId: 'q',
      keyPoints: Object.entries(statuses).map(([id, status]) => ({ id, text: `text ${id}`, status, evidence: [] })),
    }) as unknown as SessionReport;

  it('ranks key points by how often they were missed, with how often they were asked', () => {
    const sut = mostMissed([report({ a: 'missed', b: 'missed', c: 'covered' }), report({ a: 'missed', b: 'partial', c: 'covered' })]);
    expect(sut).toEqual([
      { questionId: 'q', keyPointId: 'a', text: 'text a', missed: 2, of: 2 },
      { questionId: 'q', keyPointId: 'b', text: 'text b', missed: 1, of: 2 },
    ]);
  });
});
