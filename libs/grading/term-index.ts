import { normaliseWords, type Token } from './tokeniser.js';

/** A compiled term: its stem sequence and the signal keys it proves. */
interface TermEntry {
  readonly stems: readonly string[];
  readonly keys: number[];
}

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
  private readonly byFirst = new Map<string, TermEntry[]>();
  private readonly byFirstContent = new Map<string, TermEntry[]>();
  /** Every stem any term uses, for resolving ambiguous I/l glyphs. */
  readonly stems = new Set<string>();

  /**
   * With `functionStems`, a term of two or more content words also matches when filler
   * words differ ("delete the key" ~ "delete its key", "move to front" ~ "move it to the
   * front"): its content words must then be adjacent among the sentence's content words.
   */
  constructor(private readonly functionStems?: ReadonlySet<string>) {}

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
      if (content.length >= 2 && content.length < stems.length) this.put(this.byFirstContent, content, key);
    }
  }

  /** Every key whose term occurs in `tokens`, with its position. */
  match(tokens: readonly Token[]): TermHit[] {
    const hits: TermHit[] = [];
    scan(this.byFirst, tokens, (from, to, keys) => {
      for (const key of keys) hits.push({ key, from, to });
    });
    const functionStems = this.functionStems;
    if (functionStems && this.byFirstContent.size > 0) {
      const at: number[] = [];
      const content: Token[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        if (functionStems.has(t.stem)) continue;
        content.push(t);
        at.push(i);
      }
      scan(this.byFirstContent, content, (from, to, keys) => {
        for (const key of keys) hits.push({ key, from: at[from] ?? 0, to: (at[to - 1] ?? 0) + 1 });
      });
    }
    return hits;
  }

  private put(index: Map<string, TermEntry[]>, stems: readonly string[], key: number): void {
    for (const s of stems) this.stems.add(s);
    const first = stems[0] ?? '';
    const list = index.get(first) ?? [];
    const same = list.find((e) => e.stems.length === stems.length && e.stems.every((s, i) => s === stems[i]));
    if (same) {
      if (!same.keys.includes(key)) same.keys.push(key);
    } else {
      list.push({ stems, keys: [key] });
    }
    index.set(first, list);
  }
}

function scan(index: ReadonlyMap<string, TermEntry[]>, tokens: readonly Token[], hit: (from: number, to: number, keys: readonly number[]) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    const entries = index.get(tokens[i]?.stem ?? '');
    if (!entries) continue;
    for (const entry of entries) if (sequenceAt(tokens, i, entry.stems)) hit(i, i + entry.stems.length, entry.keys);
  }
}

function sequenceAt(tokens: readonly Token[], at: number, stems: readonly string[]): boolean {
  if (at + stems.length > tokens.length) return false;
  for (let k = 1; k < stems.length; k++) {
    if (tokens[at + k]?.stem !== stems[k]) return false;
  }
  return true;
}
