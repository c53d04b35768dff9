import { grown } from './grown.js';

/**
 * `has(id, round)` ⇔ `mark(id, round)` was called this round: a set of small integers
 * (stem ids, token positions) for one sentence. One table for the process (the analysis
 * is synchronous), so no sentence allocates or clears a set of its own.
 */
export class RoundMarks {
  private marks = new Int32Array(4096);
  private round = 0;

  next(): number {
    if (this.round === 0x3fffffff) {
      this.marks.fill(0);
      this.round = 0;
    }
    return ++this.round;
  }

  /** Marks `id`; false if it was already marked this round. */
  mark(id: number, round: number): boolean {
    if (id >= this.marks.length) this.grow(id);
    if (this.marks[id] === round) return false;
    this.marks[id] = round;
    return true;
  }

  has(id: number, round: number): boolean {
    return this.marks[id] === round;
  }

  private grow(id: number): void {
    this.marks = grown(this.marks, id + 1);
  }
}
