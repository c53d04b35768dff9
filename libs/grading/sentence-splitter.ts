import type { FoldedText } from './text-normaliser.js';
import type { Tokens } from './tokeniser.js';
import { CodeUnits } from './code-units.js';

/** One sentence (or bullet line) of the answer; offsets are in the ORIGINAL text. */
export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly foldedStart: number;
  readonly foldedEnd: number;
  /** The sentence's tokens are `[tokenStart, tokenEnd)` of the answer's `Tokens`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

const BOUNDARY = /[\n.!?]/g;

/** Words whose trailing dot does not end a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'e',
  'g',
  'i',
  'eg',
  'ie',
  'vs',
  'etc',
  'approx',
  'ca',
  'cf',
  'fig',
  'no',
  'mr',
  'dr',
  'st',
  'al',
]);

/**
 * Splits at `.`, `!`, `?` followed by a space or the end, keeping abbreviations ("e.g.",
 * "vs.") and decimals ("1.5") inside their sentence, and at line breaks that end a line of
 * its own (a blank line, a bullet or heading, a line ending in punctuation, a short line, a line followed by one
 * that opens with a capitalised word while it does not end mid-phrase); a soft-wrapped line break inside prose does
 * not split the sentence. `scratch`: a reusable
 * buffer for the text's code units (the grader engine's).
 */
export function splitSentences(folded: FoldedText, tokens: Tokens, scratch: CodeUnits = new CodeUnits()): Sentence[] {
  const text = folded.text;
  const units = scratch.of(text);
  const bounds: [number, number][] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const i = m.index;
    const ch = m[0];
    if (ch === '\n' && lineBreakEnds(folded, from, i)) {
      bounds.push([from, i]);
      from = i + 1;
    } else if ((ch === '.' || ch === '!' || ch === '?') && endsSentence(text, units, i)) {
      bounds.push([from, i + 1]);
      from = i + 1;
    }
  }
  bounds.push([from, text.length]);

  const sentences: Sentence[] = [];
  let t = 0;
  for (const [a, b] of bounds) {
    const [start, end] = trim(units, a, b);
    if (end <= start) continue;
    while (t < tokens.length && (tokens.foldedStart[t] ?? 0) < start) t++;
    const first = t;
    while (t < tokens.length && (tokens.foldedEnd[t] ?? 0) <= end) t++;
    sentences.push({
      index: sentences.length,
      start: folded.sourceStart(start),
      end: folded.sourceEnd(end - 1),
      foldedStart: start,
      foldedEnd: end,
      tokenStart: first,
      tokenEnd: t,
    });
  }
  return sentences;
}

/** A line that stops mid-phrase: a comma, an open bracket or a joining word before the break ("sent to\nKafka"). */
const MID_PHRASE = /(?:[,(]|\b(?:the|a|an|to|of|and|or|in|on|for|with|by|from|at|as|is|are|that|which|into|via|vs))$/;

/**
 * A line that opens as one item of a tracker or a config listing: a commit ("9b7d410 feat: …"), a ticket ("OBS-201 …")
 * or a resource block ("resource "redis_cache" "links" {"). Such lines stand one per item.
 */
export const ITEM_LINE =
  /^\s*(?:(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,12}\s|(?:feat|fix|chore|refactor|perf|docs|test|build|ci|style)(?:\([^)]*\))?!?:\s|[a-z][a-z0-9]{1,9}-\d{1,6}\s|resource\s+["'])/;

/** A line of code, by its form: it assigns a name, or ends a call, a block or a statement. */
const CODE_LINE = /^\s*[a-z_][\w.]*\s*=(?!=)|[(){};]$|\)\s*:$/i;

/** A capitalised word (not an all-caps one: SQL and state names run on over lines). */
const CAPITALISED = /^\s*[A-Z][a-z]/;

function lineBreakEnds(folded: FoldedText, lineStart: number, at: number): boolean {
  const text = folded.text;
  const line = text.slice(lineStart, at).trimEnd();
  const rest = text.slice(at + 1, at + 12);
  if (line.length === 0 || /^\s*(\n|$)/.test(rest)) return true;
  // A bullet, a numbered item ("2.", "2)"), a thread's numbering ("2/") or an item of a tracker or listing (ITEM_LINE).
  if (/^\s*([-*+>#|]|\d{1,2}[.)/]\s)/.test(rest) || ITEM_LINE.test(text.slice(at + 1, at + 40))) return true;
  if (/[.!?:;]$/.test(line)) return true;
  // A line of code: an assignment, or a call, block or statement ended ("media = upload() + resize()", "}", "f(x)").
  if (CODE_LINE.test(line)) return true;
  const words = line.split(/\s+/).filter(Boolean).length;
  if (words <= 6) return true;
  // Lines typed one per item, unpunctuated ("S3 → CDN\nKafka → resize workers"): the next opens a statement of its
  // own. The folded text is lower case, so the capital is read from the source.
  const next = folded.sourceStart(at + 1);
  return CAPITALISED.test(folded.source.slice(next, next + 12)) && !MID_PHRASE.test(line);
}

/** Characters are read from `units`, the text's code units (see CodeUnits). */
function endsSentence(text: string, units: Uint16Array, i: number): boolean {
  if (i + 1 < text.length && !isSpace(units[i + 1] ?? 0)) return false;
  if (units[i] !== 46) return true;
  let w = i;
  while (w > 0 && isWordChar(units[w - 1] ?? 0)) w--;
  // Abbreviations are short: a longer word before the dot is never one.
  return i - w > 6 || !ABBREVIATIONS.has(text.slice(w, i));
}

function trim(units: Uint16Array, a: number, b: number): [number, number] {
  let start = a;
  let end = b;
  while (start < end && isSpace(units[start] ?? 0)) start++;
  while (end > start && isSpace(units[end - 1] ?? 0)) end--;
  return [start, end];
}

/** `[a-z0-9]` by code. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** `\s` by code: ASCII whitespace quickly, the rest of the class through the regex. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}

const SPACE = /\s/;
