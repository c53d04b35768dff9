/**
 * Sorts a short array of numbers ascending, in place. Insertion sort: the grader sorts a dozen
 * ids or sentence indices at a time, where `Array.prototype.sort` allocates a work array per call.
 */
export function sortSmall(values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    const value = values[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (values[j] ?? 0) > value) {
      values[j + 1] = values[j] ?? 0;
      j--;
    }
    values[j + 1] = value;
  }
}
