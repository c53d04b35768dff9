import { normaliseWords, registerTermStem, type Token } from './tokeniser.js';

/** A compiled term: its stem sequence and the signal keys it proves. */
interface TermEntry {
  readonly stems: readonly string[];
  /** `stems` as term stem ids (what tokens are compared by). */
  readonly ids: readonly number[];
  readonly keys: number[];
}

/** First-stem id → the terms starting with it (a sparse array: ids are small integers). */
type FirstIndex = (TermEntry[] | undefined)[];

/** Where one key matched inside a sentence (token indexes within the sentence). */
export interface TermHit {
  readonly key: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Multi-word term matcher over stem sequences, indexed by first stem, so matching a
 * sentence costs one map lookup per token whatever the number of terms. A multi-word
 * term also matches its words written together ("fan out" ~ "fanout", "web socket" is
 * covered by listing both in the rubric).
 */
export class TermIndex {
  private readonly byFirst: FirstIndex = [];
  private readonly byFirstContent: FirstIndex = [];
  private hasContentTerms = false;
  /** Term ids of `functionStems` (1 = function word), for the filler-tolerant scan. */
  private readonly functionIds: number[] = [];
  /** Every stem any term uses, for resolving ambiguous I/l glyphs. */
  readonly stems = new Set<string>();

  /**
   * With `functionStems`, a term of two or more content words also matches when filler
   * words differ ("delete the key" ~ "delete its key", "move to front" ~ "move it to the
   * front"): its content words must then be adjacent among the sentence's content words.
   */
  constructor(private readonly functionStems?: ReadonlySet<string>) {
    for (const s of functionStems ?? []) this.functionIds[registerTermStem(s)] = 1;
  }

  /** `exactOnly`: no filler-tolerant variant (for the grader's own cue lexicon). */
  add(term: string, key: number, exactOnly = false): void {
    const stems = normaliseWords(term);
    if (stems.length === 0) return;
    this.put(this.byFirst, stems, key);
    if (stems.length > 1) {
      const joined = normaliseWords(term.replace(/[^\p{L}\p{N}]+/gu, ''));
      if (joined.length === 1) this.put(this.byFirst, joined, key);
    }
    if (this.functionStems && !exactOnly) {
      const content = stems.filter((s) => !this.functionStems?.has(s));
      if (content.length >= 2 && content.length < stems.length) {
        this.put(this.byFirstContent, content, key);
        this.hasContentTerms = true;
      }
    }
  }

  /** Every key whose term occurs in `tokens`, with its position. */
  match(tokens: readonly Token[]): TermHit[] {
    const hits: TermHit[] = [];
    this.forEachMatch(tokens, (key, from, to) => hits.push({ key, from, to }));
    return hits;
  }

  /** `match` without building hit objects (the analysis's hot path): `onHit(key, from, to)` per hit. */
  forEachMatch(tokens: readonly Token[], onHit: (key: number, from: number, to: number) => void): void {
    scan(this.byFirst, tokens, (from, to, keys) => {
      for (const key of keys) onHit(key, from, to);
    });
    if (this.functionStems && this.hasContentTerms) {
      const at: number[] = [];
      const content: Token[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        if (this.isFunction(t)) continue;
        content.push(t);
        at.push(i);
      }
      scan(this.byFirstContent, content, (from, to, keys) => {
        for (const key of keys) onHit(key, at[from] ?? 0, (at[to - 1] ?? 0) + 1);
      });
    }
  }

  /** Whether the token is one of `functionStems` (every function stem is registered, so its id says). */
  isFunction(token: Token): boolean {
    return this.functionIds[token.termId] === 1;
  }

  private put(index: FirstIndex, stems: readonly string[], key: number): void {
    for (const s of stems) this.stems.add(s);
    const ids = stems.map(registerTermStem);
    const first = ids[0] ?? 0;
    const list = index[first] ?? [];
    const same = list.find((e) => e.stems.length === stems.length && e.stems.every((s, i) => s === stems[i]));
    if (same) {
      if (!same.keys.includes(key)) same.keys.push(key);
    } else {
      list.push({ stems, ids, keys: [key] });
    }
    index[first] = list;
  }
}

function scan(index: FirstIndex, tokens: readonly Token[], hit: (from: number, to: number, keys: readonly number[]) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    const id = (tokens[i] as Token).termId;
    if (id === 0) continue;
    const entries = index[id];
    if (!entries) continue;
    for (const entry of entries) if (sequenceAt(tokens, i, entry.ids)) hit(i, i + entry.ids.length, entry.keys);
  }
}

function sequenceAt(tokens: readonly Token[], at: number, ids: readonly number[]): boolean {
  if (at + ids.length > tokens.length) return false;
  for (let k = 1; k < ids.length; k++) {
    if ((tokens[at + k] as Token).termId !== ids[k]) return false;
  }
  return true;
}
