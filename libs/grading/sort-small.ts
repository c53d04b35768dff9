/**
 * Sorts a short run of numbers ascending, in place: `values[from, to)`. Insertion sort: the
 * grader sorts a dozen ids or sentence indices at a time, where `Array.prototype.sort`
 * allocates a work array per call.
 */
export function sortSmall(values: number[] | Int32Array, from = 0, to = values.length): void {
  for (let i = from + 1; i < to; i++) {
    const value = values[i] ?? 0;
    let j = i - 1;
    while (j >= from && (values[j] ?? 0) > value) {
      values[j + 1] = values[j] ?? 0;
      j--;
    }
    values[j + 1] = value;
  }
}
