import { snapshotsAt } from './diagram-timeline.js';

describe(snapshotsAt.name, () => {
  const snapshots = [
    { id: 's1', seq: 4 },
    { id: 's2', seq: 9 },
    { id: 's3', seq: 15 },
  ];

  it('gives each seq the latest snapshot at or before it, null before the first', () => {
    const sut = snapshotsAt(snapshots, [1, 4, 5, 9, 14, 15, 99]);
    expect([...sut]).toEqual([
      [1, null],
      [4, 's1'],
      [5, 's1'],
      [9, 's2'],
      [14, 's2'],
      [15, 's3'],
      [99, 's3'],
    ]);
  });

  it('gives null to every seq of a board never drawn on', () => {
    expect([...snapshotsAt([], [3, 8])]).toEqual([
      [3, null],
      [8, null],
    ]);
  });
});
