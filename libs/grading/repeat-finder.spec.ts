import { RepeatFinder } from './repeat-finder.js';

/** Sentences as id lists, laid end to end as one content-id column (as the analysis reads them). */
function repeats(finder: RepeatFinder, sentences: number[][]): boolean[] {
  const ids = Int32Array.from(sentences.flat());
  let from = 0;
  finder.begin();
  return sentences.map((s) => {
    const out = finder.isRepeat(ids, from, from + s.length);
    from += s.length;
    return out;
  });
}

describe(RepeatFinder.name, () => {
  const finder = new RepeatFinder();

  it('finds the same words in the same order, however short', () => {
    expect(
      repeats(finder, [
        [1, 2],
        [3, 4],
        [1, 2],
        [2, 1],
      ]),
    ).toEqual([false, false, true, false]);
  });

  it('finds nearly the same words (Jaccard of at least 0.8) in sentences of five or more', () => {
    const base = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    const oneSwapped = [10, 11, 12, 13, 14, 15, 16, 17, 18, 99]; // 9 shared of 11: 0.82
    const twoSwapped = [10, 11, 12, 13, 14, 15, 16, 17, 98, 99]; // 8 shared of 12: 0.67
    const reordered = [...base].reverse();
    expect(repeats(finder, [base, oneSwapped, twoSwapped, reordered])).toEqual([false, true, false, true]);
    // Four words: only an exact repeat counts.
    expect(
      repeats(finder, [
        [1, 2, 3, 4],
        [4, 3, 2, 1],
      ]),
    ).toEqual([false, false]);
  });

  it('compares sentences of the same answer only, over many answers and sentences', () => {
    const long = Array.from({ length: 300 }, (_, s) => Array.from({ length: 8 }, (_, k) => 1000 + s * 8 + k));
    expect(repeats(finder, long).some(Boolean)).toBe(false);
    expect(repeats(finder, [long[0] as number[]])).toEqual([false]);
    expect(repeats(finder, [...long, long[150] as number[]]).at(-1)).toBe(true);
  });
});
