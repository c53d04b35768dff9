import { grown } from './grown.js';
import { RoundMarks } from './round-marks.js';
import { sortSmall } from './sort-small.js';

/**
 * Padding: a sentence whose content words repeat an earlier one's (the same words in the
 * same order, or nearly the same words: Jaccard ≥ 0.8 for sentences of five or more content
 * words) is counted once. Words are compared by stem id.
 *
 * The Jaccard test is run only against the earlier sentences a prefix filter leaves (as in
 * set-similarity joins): with every set's ids in one order, Jaccard(r, s) ≥ 4/5 means
 * |r ∩ s| ≥ ⌈4|r|/5⌉, so the first shared id lies among the first |r| − ⌈4|r|/5⌉ + 1 ids of
 * r, and likewise of s; sentences whose prefixes share no id are never compared.
 *
 * One finder serves answer after answer (`begin` starts one). Its tables are typed arrays
 * kept between answers, chains of entries by hash bucket and by prefix id, whose heads
 * carry the round of the answer that wrote them, so starting an answer clears nothing.
 */
export class RepeatFinder {
  private round = 0;
  /** Exact sequences: bucket (hash & BUCKET_MASK) → newest entry, valid when `bucketRound` is this round. */
  private readonly bucketHead = new Int32Array(BUCKETS);
  private readonly bucketRound = new Int32Array(BUCKETS);
  /** Sequence entries: `[from, to)` of the content ids, its hash, and the next entry of its bucket (-1 ends). */
  private readonly sequences = new Records(['from', 'to', 'hash', 'next']);
  /** Distinct ids of each sentence of five or more, ascending, as a `[start, end)` range of `pool`. */
  private pool = new Int32Array(1024);
  private poolEnd = 0;
  private readonly sets = new Records(['start', 'end']);
  /** Prefix id → newest entry of `prefixes`, valid when `prefixRound` is this round. */
  private prefixHead = new Int32Array(4096);
  private prefixRound = new Int32Array(4096);
  /** Prefix entries: a set with this id in its prefix, and the next entry for the id (-1 ends). */
  private readonly prefixes = new Records(['set', 'next']);
  private readonly marks = new RoundMarks();

  /** Starts a new answer: earlier sentences are forgotten. */
  begin(): void {
    if (this.round === 0x3fffffff) {
      this.bucketRound.fill(0);
      this.prefixRound.fill(0);
      this.round = 0;
    }
    this.round++;
    this.sequences.clear();
    this.sets.clear();
    this.prefixes.clear();
    this.poolEnd = 0;
  }

  /** Whether the sentence whose content-word ids are `ids[from, to)` repeats one before it in this answer (and remembers it). */
  isRepeat(ids: Int32Array, from: number, to: number): boolean {
    if (to === from) return false;
    return this.sameSequence(ids, from, to) || this.nearlySameWords(ids, from, to);
  }

  /** The same words in the same order: a hash of the id sequence, confirmed element by element. */
  private sameSequence(ids: Int32Array, from: number, to: number): boolean {
    let hash = to - from;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ (ids[i] ?? 0), 0x01000193);
    const bucket = hash & BUCKET_MASK;
    const head = this.bucketRound[bucket] === this.round ? (this.bucketHead[bucket] ?? -1) : -1;
    const { from: seqFrom, to: seqTo, hash: seqHash, next } = this.sequences.columns;
    for (let e = head; e !== -1; e = next[e] ?? -1) {
      if (seqHash[e] === hash && same(ids, seqFrom[e] ?? 0, seqTo[e] ?? 0, from, to)) return true;
    }
    const entry = this.sequences.add();
    const columns = this.sequences.columns;
    columns.from[entry] = from;
    columns.to[entry] = to;
    columns.hash[entry] = hash;
    columns.next[entry] = head;
    this.bucketHead[bucket] = entry;
    this.bucketRound[bucket] = this.round;
    return false;
  }

  /** Nearly the same words: Jaccard ≥ 0.8 of the distinct ids, for sentences of five or more. */
  private nearlySameWords(ids: Int32Array, from: number, to: number): boolean {
    const marks = this.marks;
    const round = marks.next();
    // This sentence's distinct ids go to the end of the pool; they stay there if it is not a repeat.
    const start = this.poolEnd;
    if (start + to - from > this.pool.length) this.pool = grown(this.pool, start + to - from);
    const pool = this.pool;
    let end = start;
    for (let i = from; i < to; i++) {
      const id = ids[i] ?? 0;
      if (marks.mark(id, round)) pool[end++] = id;
    }
    const size = end - start;
    if (size < 5) return false;
    // The order is descending id (rarer words, met later, first): the prefix is the end of the run.
    sortSmall(pool, start, end);
    const prefixFrom = end - prefixLength(size);
    const { start: setStart, end: setEnd } = this.sets.columns;
    const { set: prefixSet, next } = this.prefixes.columns;
    for (let p = prefixFrom; p < end; p++) {
      const id = pool[p] ?? 0;
      if (id >= this.prefixRound.length || this.prefixRound[id] !== this.round) continue;
      for (let e = this.prefixHead[id] ?? -1; e !== -1; e = next[e] ?? -1) {
        const set = prefixSet[e] ?? 0;
        const theirStart = setStart[set] ?? 0;
        const theirEnd = setEnd[set] ?? 0;
        const theirs = theirEnd - theirStart;
        // Jaccard >= 0.8 needs the smaller set to be at least 0.8 of the larger.
        if (Math.min(size, theirs) < 0.8 * Math.max(size, theirs)) continue;
        let both = 0;
        for (let k = theirStart; k < theirEnd; k++) if (marks.has(pool[k] ?? 0, round)) both++;
        if (both / (size + theirs - both) >= 0.8) return true;
      }
    }
    const set = this.sets.add();
    this.sets.columns.start[set] = start;
    this.sets.columns.end[set] = end;
    this.poolEnd = end;
    for (let p = prefixFrom; p < end; p++) {
      const id = pool[p] ?? 0;
      if (id >= this.prefixRound.length) this.growPrefixIndex(id);
      const entry = this.prefixes.add();
      this.prefixes.columns.set[entry] = set;
      this.prefixes.columns.next[entry] = this.prefixRound[id] === this.round ? (this.prefixHead[id] ?? -1) : -1;
      this.prefixHead[id] = entry;
      this.prefixRound[id] = this.round;
    }
    return false;
  }

  private growPrefixIndex(id: number): void {
    this.prefixHead = grown(this.prefixHead, id + 1);
    this.prefixRound = grown(this.prefixRound, id + 1);
  }
}

const BUCKETS = 1024;
const BUCKET_MASK = BUCKETS - 1;

/** The prefix length of a set of `size` ids for Jaccard ≥ 4/5 (see RepeatFinder). */
function prefixLength(size: number): number {
  return size - Math.ceil((4 * size) / 5) + 1;
}

/** Whether `ids[a, aEnd)` and `ids[b, bEnd)` are the same sequence. */
function same(ids: Int32Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (ids[a + k] !== ids[b + k]) return false;
  return true;
}

/** Growable records of named integer fields, one typed column per field; `add` returns the new record's number. */
class Records<F extends string> {
  columns: Record<F, Int32Array<ArrayBuffer>>;
  length = 0;
  private capacity = 64;

  constructor(private readonly fields: readonly F[]) {
    this.columns = Object.fromEntries(fields.map((f) => [f, new Int32Array(this.capacity)])) as Record<F, Int32Array<ArrayBuffer>>;
  }

  add(): number {
    if (this.length === this.capacity) {
      this.capacity *= 2;
      for (const f of this.fields) this.columns[f] = grown(this.columns[f], this.capacity);
    }
    return this.length++;
  }

  clear(): void {
    this.length = 0;
  }
}
