import { grown } from './grown.js';
import type { Tokeniser, Tokens } from './tokeniser.js';

/**
 * A node of the term trie: the terms whose stem ids spell the path to it end here and
 * prove `keys`; longer terms continue by their next stem id (`ids[k]` → `nodes[k]`).
 * A token position costs one step per matched word, however many terms share a first word.
 */
interface TermNode {
  readonly keys: number[];
  readonly ids: number[];
  readonly nodes: TermNode[];
}

/** First-stem id → the trie of the terms starting with it (dense: ids are small integers, holes are `undefined`). */
type FirstIndex = (TermNode | undefined)[];

/** The tokens of a text that are not function words: positions in `Tokens` and their ids. */
export interface ContentTokens {
  readonly length: number;
  readonly at: Int32Array;
  readonly termId: Int32Array;
  readonly stemId: Int32Array;
}

/** Where keys matched: `(key[i], from[i])` = signal key and token index of the term's first word. Reused between scans. */
export class TermHits {
  key = new Int32Array(64);
  from = new Int32Array(64);
  /** Token index just past the hit's last word. */
  to = new Int32Array(64);
  /** Hits `[0, length)` are this scan's; entries past it are stale. Clearing keeps the arrays' storage. */
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(key: number, from: number, to: number): void {
    if (this.length === this.key.length) this.grow();
    this.key[this.length] = key;
    this.from[this.length] = from;
    this.to[this.length] = to;
    this.length++;
  }

  private grow(): void {
    this.key = grown(this.key);
    this.from = grown(this.from);
    this.to = grown(this.to);
  }
}

/**
 * A trie of `TermNode`s laid out in typed arrays for matching (built once the terms are
 * added): node `n` proves `keys[keyStart[n], keyStart[n + 1])`, and its children are
 * `childNodes[c]` for the `c` in `[childStart[n], childStart[n + 1])` whose `childIds[c]`
 * is the next stem id. Reading numbers from a few arrays is what a token position costs,
 * where walking node objects was most of the term scan.
 */
interface FlatTrie {
  /** Term id → its trie's root node + 1 (0: no term starts with it); ids past the end start none. */
  readonly first: Int32Array;
  readonly keyStart: Int32Array;
  readonly keys: Int32Array;
  readonly childStart: Int32Array;
  readonly childIds: Int32Array;
  readonly childNodes: Int32Array;
}

function flatten(index: FirstIndex): FlatTrie {
  const nodes: TermNode[] = [];
  const number = new Map<TermNode, number>();
  const visit = (node: TermNode): void => {
    number.set(node, nodes.length);
    nodes.push(node);
    node.nodes.forEach(visit);
  };
  index.forEach((root) => root && visit(root));
  const first = new Int32Array(index.length);
  index.forEach((root, id) => {
    if (root) first[id] = (number.get(root) ?? 0) + 1;
  });
  const keyStart = new Int32Array(nodes.length + 1);
  const childStart = new Int32Array(nodes.length + 1);
  nodes.forEach((node, n) => {
    keyStart[n + 1] = (keyStart[n] ?? 0) + node.keys.length;
    childStart[n + 1] = (childStart[n] ?? 0) + node.ids.length;
  });
  return {
    first,
    keyStart,
    keys: Int32Array.from(nodes.flatMap((node) => node.keys)),
    childStart,
    childIds: Int32Array.from(nodes.flatMap((node) => node.ids)),
    childNodes: Int32Array.from(nodes.flatMap((node) => node.nodes.map((child) => number.get(child) ?? 0))),
  };
}

/**
 * Multi-word term matcher over stem sequences, a trie indexed by first stem, so matching
 * a sentence costs one array read per token and one step per further matched word,
 * whatever the number of terms. A multi-word term also matches its words written together
 * ("fan out" ~ "fanout", "web socket" is covered by listing both in the rubric).
 */
export class TermIndex {
  private readonly byFirst: FirstIndex = [];
  private readonly byFirstContent: FirstIndex = [];
  /** Both tries as `FlatTrie`s, built on the first match after an `add`. */
  private flat: { readonly exact: FlatTrie; readonly content: FlatTrie } | undefined;
  private hasContentTerms = false;
  /** Term ids of `functionStems` (1 = function word), for the filler-tolerant scan. */
  private readonly functionIds: number[] = [];
  /** Every stem any term uses, for resolving ambiguous I/l glyphs. */
  readonly stems = new Set<string>();

  /**
   * Terms are read, and their stems given term ids, by `tokeniser`: the index matches only
   * that tokeniser's tokens. With `functionStems`, a term of two or more content words also
   * matches when filler words differ ("delete the key" ~ "delete its key", "move to front" ~
   * "move it to the front"): its content words must then be adjacent among the sentence's
   * content words.
   */
  constructor(
    private readonly tokeniser: Tokeniser,
    private readonly functionStems?: ReadonlySet<string>,
  ) {
    for (const s of functionStems ?? []) {
      const id = tokeniser.registerTermStem(s);
      while (this.functionIds.length <= id) this.functionIds.push(0);
      this.functionIds[id] = 1;
    }
  }

  /** `exactOnly`: no filler-tolerant variant (for the grader's own cue lexicon). */
  add(term: string, key: number, exactOnly = false): void {
    const stems = this.tokeniser.termStems(term);
    if (stems.length === 0) return;
    this.flat = undefined;
    this.put(this.byFirst, stems, key);
    if (stems.length > 1) {
      const joined = this.tokeniser.termStems(term.replace(/[^\p{L}\p{N}]+/gu, ''));
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

  /** The tokens that are not function words, for `match` (one pass per text). */
  contentOf(tokens: Tokens): ContentTokens {
    // One buffer for the three columns (one off-heap allocation instead of three).
    const buffer = new Int32Array(tokens.length * 3);
    const at = buffer.subarray(0, tokens.length);
    const termId = buffer.subarray(tokens.length, 2 * tokens.length);
    const stemId = buffer.subarray(2 * tokens.length);
    let n = 0;
    for (let i = 0; i < tokens.length; i++) {
      const id = tokens.termId[i] ?? 0;
      if (this.isFunction(id)) continue;
      at[n] = i;
      termId[n] = id;
      stemId[n] = tokens.stemId[i] ?? 0;
      n++;
    }
    return { length: n, at: at.subarray(0, n), termId: termId.subarray(0, n), stemId: stemId.subarray(0, n) };
  }

  /**
   * Every key whose term occurs in tokens `[from, to)` (one sentence), appended to `hits`
   * with the token index where it starts; `content` is `contentOf(tokens)` and
   * `[contentFrom, contentTo)` the same sentence's part of it.
   */
  match(tokens: Tokens, from: number, to: number, content: ContentTokens, contentFrom: number, contentTo: number, hits: TermHits): void {
    const flat = (this.flat ??= { exact: flatten(this.byFirst), content: flatten(this.byFirstContent) });
    scan(flat.exact, tokens.termId, from, to, null, hits);
    if (this.functionStems && this.hasContentTerms) scan(flat.content, content.termId, contentFrom, contentTo, content.at, hits);
  }

  /** Whether a token's term id is one of `functionStems` (every function stem is registered, so its id says). */
  isFunction(termId: number): boolean {
    return this.functionIds[termId] === 1;
  }

  private put(index: FirstIndex, stems: readonly string[], key: number): void {
    for (const s of stems) this.stems.add(s);
    const ids = stems.map((s) => this.tokeniser.registerTermStem(s));
    const first = ids[0] ?? 0;
    while (index.length <= first) index.push(undefined);
    let node = (index[first] ??= newNode());
    for (let k = 1; k < ids.length; k++) {
      const id = ids[k] ?? 0;
      const at = node.ids.indexOf(id);
      if (at !== -1) {
        node = node.nodes[at] as TermNode;
      } else {
        const child = newNode();
        node.ids.push(id);
        node.nodes.push(child);
        node = child;
      }
    }
    if (!node.keys.includes(key)) node.keys.push(key);
  }
}

function newNode(): TermNode {
  return { keys: [], ids: [], nodes: [] };
}

/** Terms of `trie` in `termId[from, to)`; a hit's position is `i`, or `at[i]` when scanning a subsequence. */
function scan(trie: FlatTrie, termId: Int32Array, from: number, to: number, at: Int32Array | null, hits: TermHits): void {
  const { first, keyStart, keys, childStart, childIds, childNodes } = trie;
  for (let i = from; i < to; i++) {
    const id = termId[i] ?? 0;
    if (id === 0 || id >= first.length) continue;
    let node = (first[id] ?? 0) - 1;
    if (node < 0) continue;
    const position = at === null ? i : (at[i] ?? 0);
    for (let j = i + 1; ; j++) {
      const keysEnd = keyStart[node + 1] ?? 0;
      const end = at === null ? j : (at[j - 1] ?? 0) + 1;
      for (let k = keyStart[node] ?? 0; k < keysEnd; k++) hits.push(keys[k] ?? 0, position, end);
      if (j >= to) break;
      const word = termId[j] ?? 0;
      const childrenEnd = childStart[node + 1] ?? 0;
      let c = childStart[node] ?? 0;
      while (c < childrenEnd && childIds[c] !== word) c++;
      if (c === childrenEnd) break;
      node = childNodes[c] ?? 0;
    }
  }
}
