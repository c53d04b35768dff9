import type { RoleGuide } from '#libs/content';
import { computeOverall } from './compute-overall.js';

describe(computeOverall.name, () => {
  const role = {
    sessions: {
      'system-design': {
        dimensions: [
          { id: 'a', weight: 0.5 },
          { id: 'b', weight: 0.3 },
          { id: 'c', weight: 0.2 },
        ],
      },
    },
  } as unknown as RoleGuide;
  const question = { kind: 'system-design' } as const;

  it('maps 1..4 to 0..100 with the role weights', () => {
    // (0.5 * 1 + 0.3 * 2/3 + 0.2 * 0) / 1 = 0.7
    expect(
      computeOverall(
        [
          { id: 'a', score: 4 },
          { id: 'b', score: 3 },
          { id: 'c', score: 1 },
        ],
        role,
        question,
      ),
    ).toBe(70);
    expect(
      computeOverall(
        [
          { id: 'a', score: 1 },
          { id: 'b', score: 1 },
          { id: 'c', score: 1 },
        ],
        role,
        question,
      ),
    ).toBe(0);
    expect(
      computeOverall(
        [
          { id: 'a', score: 4 },
          { id: 'b', score: 4 },
          { id: 'c', score: 4 },
        ],
        role,
        question,
      ),
    ).toBe(100);
  });

  it('renormalises over the dimensions that apply', () => {
    // Only b and c: (0.3 * 1 + 0.2 * 1/3) / 0.5 = 0.7333
    expect(
      computeOverall(
        [
          { id: 'b', score: 4 },
          { id: 'c', score: 2 },
        ],
        role,
        question,
      ),
    ).toBe(73);
  });

  it('ignores unknown and repeated dimensions', () => {
    expect(
      computeOverall(
        [
          { id: 'a', score: 4 },
          { id: 'a', score: 1 },
          { id: 'zzz', score: 1 },
        ],
        role,
        question,
      ),
    ).toBe(100);
    expect(computeOverall([], role, question)).toBe(0);
  });
});
