import { AMBIGUOUS_I_L, foldCodePoint, type FoldMemo } from './confusable-fold.js';
import { grown } from './grown.js';

/**
 * Text as the grader reads it: NFKC, look-alike letters folded to what a reader sees,
 * invisible characters removed, lower-case. Every folded character remembers the source
 * span it came from, so a match in folded text maps back to an exact substring of the
 * candidate's original answer (evidence is always quoted from the original).
 */
export class FoldedText {
  private constructor(
    readonly source: string,
    /** The folded text; `AMBIGUOUS_I_L` marks a glyph that reads as I or l. */
    readonly text: string,
    /** Folded character `i` comes from source `[i + toStart[i], i + toEnd[i])`; null when that is `[i, i + 1)`. */
    private readonly toStart: Int32Array | null,
    private readonly toEnd: Int32Array | null,
  ) {}

  /** `memo`: folds of code points met before (a grader engine keeps one); without it, this text's own. */
  static of(source: string, memo?: FoldMemo): FoldedText {
    // Fast path: plain ASCII folds to its lower case, one character for one.
    if (!NON_ASCII.test(source)) return new FoldedText(source, source.toLowerCase(), null, null);
    const folds = memo ?? new Map<string, string>();
    const parts: string[] = [];
    let toStart = new Int32Array(source.length + 16);
    let toEnd = new Int32Array(source.length + 16);
    let n = 0;
    const room = (extra: number) => {
      if (n + extra <= toStart.length) return;
      toStart = grown(toStart, n + extra);
      toEnd = grown(toEnd, n + extra);
    };
    let i = 0;
    while (i < source.length) {
      // ASCII runs are copied in bulk, their offsets a constant shift; only the rare non-ASCII code point is folded alone.
      const next = nextNonAscii(source, i);
      if (next > i) {
        parts.push(source.slice(i, next).toLowerCase());
        room(next - i);
        toStart.fill(i - n, n, n + next - i);
        toEnd.fill(i - n + 1, n, n + next - i);
        n += next - i;
        i = next;
        continue;
      }
      const code = source.codePointAt(i) ?? 0;
      const width = code > 0xffff ? 2 : 1;
      const folded = foldCodePoint(String.fromCodePoint(code), folds);
      room(folded.length);
      for (let k = 0; k < folded.length; k++, n++) {
        toStart[n] = i - n;
        toEnd[n] = i + width - n;
      }
      parts.push(folded);
      i += width;
    }
    // join() gives a flat string; += would leave a rope that every later scan must flatten.
    return new FoldedText(source, parts.join(''), toStart.subarray(0, n), toEnd.subarray(0, n));
  }

  /** True when folded offsets equal source offsets (plain ASCII input). */
  get isIdentity(): boolean {
    return this.toStart === null;
  }

  /** Source offset where folded character `i` starts (`source.length` past the end). */
  sourceStart(i: number): number {
    if (!this.toStart) return Math.min(i, this.source.length);
    return i < this.toStart.length ? i + (this.toStart[i] ?? 0) : this.source.length;
  }

  /** Source offset just after folded character `i`. */
  sourceEnd(i: number): number {
    if (!this.toEnd) return Math.min(i + 1, this.source.length);
    return i < this.toEnd.length ? i + (this.toEnd[i] ?? 0) : this.source.length;
  }

  /** The exact source substring behind folded range [from, to). */
  sourceSlice(from: number, to: number): string {
    if (to <= from) return '';
    return this.source.slice(this.sourceStart(from), this.sourceEnd(to - 1));
  }

  /** The folded text with every ambiguous I/l glyph read one way (for pattern checks). */
  reading(letter: 'i' | 'l'): string {
    return this.text.includes(AMBIGUOUS_I_L) ? this.text.split(AMBIGUOUS_I_L).join(letter) : this.text;
  }
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_G = /[\u0080-\uffff]/g;

function nextNonAscii(source: string, from: number): number {
  NON_ASCII_G.lastIndex = from;
  const m = NON_ASCII_G.exec(source);
  return m === null ? source.length : m.index;
}
