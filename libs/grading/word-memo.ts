import { randomInt } from 'node:crypto';
import { grown } from './grown.js';

/**
 * A map from words to values, keyed by a word's UTF-16 code units where they stand in a
 * text: the tokeniser hashes a word while it scans it, and a known word then costs one
 * probe and one comparison of code units — no substring is cut and no string is hashed,
 * which were most of a grade's tokenising time. Open addressing over typed arrays; words
 * are kept in one pool of code units, so a hit is exact, never a hash collision.
 */
export class WordMemo<T> {
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 11);
  private offsets = new Int32Array((1 << 11) + 1);
  private pool = new Uint16Array(1 << 14);
  private values: T[] = [];

  get size(): number {
    return this.values.length;
  }

  /** Code units held for the words (what a memo of long words costs). */
  get chars(): number {
    return this.offsets[this.values.length] ?? 0;
  }

  /** The value of the word `units[from, to)`, whose `wordHash` is `hash`. */
  get(units: Uint16Array, from: number, to: number, hash: number): T | undefined {
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] ?? 0) - 1;
      if (entry < 0) return undefined;
      if (this.hashes[entry] !== hash) continue;
      const at = this.offsets[entry] ?? 0;
      if ((this.offsets[entry + 1] ?? 0) - at !== length) continue;
      let k = 0;
      while (k < length && this.pool[at + k] === units[from + k]) k++;
      if (k === length) return this.values[entry];
    }
  }

  /** Remembers `value` for the word `units[from, to)` (not in the memo yet), whose `wordHash` is `hash`. */
  set(units: Uint16Array, from: number, to: number, hash: number, value: T): void {
    const entry = this.values.length;
    if (entry + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.offsets = grown(this.offsets);
    }
    if (2 * (entry + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    const at = this.offsets[entry] ?? 0;
    if (at + to - from > this.pool.length) this.pool = grown(this.pool, at + to - from);
    this.pool.set(units.subarray(from, to), at);
    this.offsets[entry + 1] = at + to - from;
    this.hashes[entry] = hash;
    this.values.push(value);
    this.place(entry, hash);
  }

  clear(): void {
    this.slots.fill(0);
    this.values = [];
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.values.length; e++) this.place(e, this.hashes[e] ?? 0);
  }
}

/**
 * FNV-1a, one code unit at a time, from a per-process random start: `WordMemo`'s key hash.
 * The tokeniser inlines the same steps while it scans. The random start keeps answers
 * from being written to collide (one long probe chain for every word): the hash decides
 * only where a word sits in the table, never what is found.
 */
export const FNV_OFFSET = (0x811c9dc5 ^ randomInt(2 ** 31)) | 0;
export const FNV_PRIME = 0x01000193;

export function wordHash(units: Uint16Array, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ (units[i] ?? 0), FNV_PRIME);
  return hash;
}
