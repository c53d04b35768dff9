/**
 * A copy of a typed array with room to grow: twice its length, or `atLeast` if more. The
 * grader keeps its tables in typed arrays that grow by copying into one of these.
 */
export function grown(array: Int32Array, atLeast?: number): Int32Array<ArrayBuffer>;
export function grown(array: Uint16Array, atLeast?: number): Uint16Array<ArrayBuffer>;
export function grown(array: Int32Array | Uint16Array, atLeast = 0): Int32Array | Uint16Array {
  const length = Math.max(array.length * 2, atLeast);
  const bigger = array instanceof Int32Array ? new Int32Array(length) : new Uint16Array(length);
  bigger.set(array);
  return bigger;
}
