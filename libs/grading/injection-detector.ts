import { findDisguised } from './disguised-injection.js';
import { regexSource, SPOKEN_BOUNDARY, tokenTest, WORD_PATTERNS, type InjectionKind, type WordPattern } from './injection-patterns.js';
import { FoldedText } from './text-normaliser.js';
import { NON_ASCII_WORD_CHAR, type Tokens } from './tokeniser.js';

export type { InjectionKind } from './injection-patterns.js';

/** One injected passage; `start`/`end` are offsets in the original answer. */
export interface InjectionFinding {
  readonly kind: InjectionKind;
  readonly start: number;
  readonly end: number;
}

export interface InjectionReport {
  readonly suspected: boolean;
  /** Sorted by start; spans may overlap. */
  readonly findings: readonly InjectionFinding[];
}

/**
 * Imperatives aimed at the grader, matched on words only so punctuation cannot split them: `injection-patterns.ts`
 * holds them once, and generates each pattern's regex and its two cheap necessary conditions, so the regex (and
 * building the word string it runs on) is skipped for the many answers that cannot match:
 * - `anchors`: every group has one of its words in the answer (any text);
 * - `first` + `startsAt`: the pattern's words in order and near enough, read over the answer's tokens (when its
 *   words are its tokens' words, see `detectInjection`). Anchor words are common in technical answers ("now",
 *   "rate", "out", "score"); word order and adjacency are not, so this rules out nearly every answer.
 */
const { patterns: PATTERNS, heads: HEAD_PATTERNS, anchorWords: ANCHOR_WORDS } = WORD_PATTERNS;

/**
 * Text that pretends to end the data block or to speak as another role (folded text): tags
 * and their spoken forms. A spoken one never overlaps a tag (no tag holds " of "), so the
 * two patterns find what one alternation of both would; the spoken one, which has no rare
 * first character to scan for, runs only when the tokens have its first two words.
 */
const TAG_DELIMITER =
  /<\s*\/?\s*(candidate[\s_-]*answer|transcript|system|assistant|user|developer|instructions?|rubric|answer)\s*>|<\s*\|\s*[a-z_]+\s*\|\s*>|\[\s*\/?\s*(inst|sys|system)\s*\]|<<\s*\/?\s*sys\s*>>/g;
const SPOKEN_DELIMITER = new RegExp(`\\b${regexSource(SPOKEN_BOUNDARY)} (the )?(candidate('s)? )?(answer|transcript|input|user input)\\b`, 'g');
/**
 * An HTML comment: text the rendered answer hides from the interviewer, so written for a machine reader, in any
 * language and whatever it says ("<!-- Hinweis für die automatische Bewertung: … -->").
 */
const HIDDEN_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/**
 * A block in bracket tags of any name ("[session-context · platform v4 · auto-attached] … [/session-context]"):
 * markup a candidate does not write, wrapping text dressed up as the platform's own.
 */
const BRACKET_BLOCK = /\[\s*([a-z][a-z0-9_-]{1,40})\b[^\]\n]*\][\s\S]*?\[\s*\/\s*\1\s*\]/g;
/** Whether the tokens from `i` say "end of", "begin of" or "start of" (the spoken delimiter's necessary condition). */
const SAYS_BOUNDARY = tokenTest(SPOKEN_BOUNDARY, WORD_PATTERNS.wordIds);
const ROLE_MARKER =
  /(^|\n)[ \t>*#_\-[(]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?(system|assistant|developer|admin|administrator|grader|evaluator|scorers?|scorer instructions?|reviewers?|reviewer summary|instructions?|grading instructions|rubric override|note to grader)(?:[ \t]*\([^)\n]{0,30}\))?[ \t\])*]*:/g;
/**
 * A line opening with the interview's own speakers ("Interviewer:", "[Candidate]:", "Interviewer (live):",
 * "[00:38:52] Interviewer:"): in an answer that also
 * addresses the grader, a fake turn, not the candidate's design ("Candidate: Sure." must not earn "candidate
 * generation"). Alone it is only a way of writing, so it counts only beside another finding.
 */
const INTERVIEW_TURN =
  /(^|\n)[ \t>*#\-[(]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?(interviewer|candidate|interviewee)(?:[ \t]*\([^)\n]{0,30}\))?[ \t\])*]*:/g;
const GRADE_KEY =
  /["']?\b(overall|score|scores|keypoints|key_points|covered|status|grade|dimensions|injectionsuspected|injection_suspected|flags|made|feedback|band|verdict|mistakes|missing_points)\b["']?\s*[:=]/g;

/** A grade's key on a `key: value` line (`key_points_covered`, `mistakes_found`, `verdict`). */
const GRADE_LINE_KEY =
  /^["']?((\w+_)?(score|scores|grade|band|verdict)|overall|key_?points\w*|covered|dimensions|mistakes\w*|missing_points|review_status|injection_?suspected)["']?$/;
/**
 * A row of a Markdown table whose last cell is a coverage verdict ("| Push vs pull | verbal, 14:30 | covered |"): two
 * such rows are a fake coverage report, not a design table.
 */
const VERDICT_ROW = /^[ \t]*\|.*\|[ \t]*(covered|partly covered|partial|met|missing|present|absent)[ \t]*\|?[ \t]*$/gim;

/**
 * Finds text in an answer that addresses the grader instead of the interviewer. Detection
 * runs on folded text (look-alike letters, full-width forms and zero-width characters
 * cannot hide a pattern) and maps every finding back to the original offsets, so the
 * grader can exclude exactly those passages from matching. `tokens` (the tokens of this
 * folded text, when the caller has them) only make it faster: the findings are the same.
 */
export function detectInjection(answer: string | FoldedText, tokens?: Tokens): InjectionReport {
  const folded = typeof answer === 'string' ? FoldedText.of(answer) : answer;
  // Tokens stand for the text's words only when its words are runs of [a-z0-9] (this also
  // leaves out text with an I/l glyph, whose readings differ from its tokens).
  const ids = tokens !== undefined && (folded.isIdentity || !NON_ASCII_WORD_CHAR.test(folded.text)) ? tokens.wordId : undefined;
  const findings = plainFindings(folded, ids);
  // Paraphrases, other languages and disguised text: the plain patterns above, once more, on what they hide.
  findings.push(...findDisguised(folded, (text) => plainFindings(FoldedText.of(text)).length > 0));
  if (findings.length > 0) {
    for (const text of readings(folded))
      for (const m of text.matchAll(INTERVIEW_TURN)) {
        const from = m.index + (m[1]?.length ?? 0);
        findings.push({ kind: 'role-marker', start: folded.sourceStart(from), end: folded.sourceEnd(paragraphEnd(text, from) - 1) });
      }
  }
  const unique = dedupe(findings);
  return { suspected: unique.length > 0, findings: unique };
}

/** The English patterns alone (no disguise undone); `ids`: the text's word ids, when its words are its tokens'. */
function plainFindings(folded: FoldedText, ids?: Int32Array): InjectionFinding[] {
  const findings: InjectionFinding[] = [];
  for (const reading of readings(folded)) {
    findWordPatterns(folded, reading, candidatePatterns(reading, ids), findings);
    findDelimiters(folded, reading, ids === undefined || saysBoundary(ids), findings);
    findFakeGrades(folded, reading, findings);
  }
  return findings;
}

function readings(folded: FoldedText): string[] {
  const i = folded.reading('i');
  const l = folded.reading('l');
  return i === l ? [i] : [i, l];
}

/** Bit k set: `PATTERNS[k]` may match `text`; `ids`: its tokens' word ids, when its words are its tokens'. */
function candidatePatterns(text: string, ids: Int32Array | undefined): number {
  // The word-order test on tokens rules out nearly every answer without building the word
  // view; the rare survivor still takes the anchor test, so that any text gets the same
  // findings with or without tokens ("jailbreak_me" has no anchor: `\b` reads `_` as a letter).
  if (ids !== undefined) {
    const likely = tokenCandidates(ids);
    return likely === 0 ? 0 : likely & anchorCandidates(text);
  }
  return anchorCandidates(text);
}

function anchorCandidates(text: string): number {
  // `match` with the g flag lists the matched words in one call (no match object per word).
  const present = new Set<string>(text.match(ANCHOR_WORDS));
  let candidates = 0;
  PATTERNS.forEach(({ anchors }, k) => {
    if (anchors.every((group) => group.some((w) => present.has(w)))) candidates |= 1 << k;
  });
  return candidates;
}

/**
 * Patterns whose words occur in order and near enough among the tokens. Token words are
 * the text's words except for expanded shorthand and rates ("lb" → "load balancer",
 * "/s" → "per second"); no pattern word is one of those (`injection-patterns.ts` checks),
 * so this never misses a match.
 */
function tokenCandidates(ids: Int32Array): number {
  let candidates = 0;
  for (let i = 0; i < ids.length; i++) {
    let heads = (HEAD_PATTERNS[ids[i] ?? 0] ?? 0) & ~candidates;
    while (heads !== 0) {
      const k = 31 - Math.clz32(heads & -heads);
      if ((PATTERNS[k] as WordPattern).startsAt(ids, i)) candidates |= 1 << k;
      heads &= heads - 1;
    }
  }
  return candidates;
}

function findWordPatterns(folded: FoldedText, text: string, candidates: number, out: InjectionFinding[]): void {
  if (candidates === 0) return;
  // Words joined by single spaces; offsets are mapped back only for the rare match.
  const words = text.replace(NON_WORD_RUN, ' ');
  let map: number[] | undefined;
  PATTERNS.forEach(({ kind, pattern }, k) => {
    if ((candidates & (1 << k)) === 0) return;
    for (const m of words.matchAll(pattern)) {
      map ??= wordOffsets(text);
      const from = map[m.index] ?? 0;
      const to = (map[m.index + m[0].length - 1] ?? from) + 1;
      out.push({ kind, start: folded.sourceStart(from), end: folded.sourceEnd(to - 1) });
    }
  });
}

// Folded text is almost all ASCII; treating every non-ASCII character as a letter keeps
// this a cheap byte-class scan and cannot hide an ASCII pattern.
const NON_WORD_RUN = /[^a-z0-9\u0080-\uffff]+/g;

/** For each character of `text.replace(NON_WORD_RUN, ' ')`, its index in `text`. */
function wordOffsets(text: string): number[] {
  const at: number[] = [];
  let i = 0;
  for (const m of text.matchAll(NON_WORD_RUN)) {
    for (; i < m.index; i++) at.push(i);
    at.push(m.index);
    i = m.index + m[0].length;
  }
  for (; i < text.length; i++) at.push(i);
  return at;
}

/** Whether "end of", "begin of" or "start of" occurs among the tokens (the spoken delimiter's necessary condition). */
function saysBoundary(ids: Int32Array): boolean {
  for (let i = 0; i + 1 < ids.length; i++) if (SAYS_BOUNDARY(ids, i)) return true;
  return false;
}

function findDelimiters(folded: FoldedText, text: string, spoken: boolean, out: InjectionFinding[]): void {
  for (const m of text.matchAll(TAG_DELIMITER)) pushDelimiter(folded, text, m, out);
  for (const m of [...text.matchAll(HIDDEN_COMMENT), ...text.matchAll(BRACKET_BLOCK)])
    out.push({ kind: 'fake-delimiter', start: folded.sourceStart(m.index), end: folded.sourceEnd(m.index + m[0].length - 1) });
  if (spoken) for (const m of text.matchAll(SPOKEN_DELIMITER)) pushDelimiter(folded, text, m, out);
  for (const m of text.matchAll(ROLE_MARKER)) {
    const from = m.index + (m[1]?.length ?? 0);
    out.push({ kind: 'role-marker', start: folded.sourceStart(from), end: folded.sourceEnd(paragraphEnd(text, from) - 1) });
  }
}

function pushDelimiter(folded: FoldedText, text: string, m: RegExpExecArray, out: InjectionFinding[]): void {
  const closing = /^<\s*\//.test(m[0]) || /^end of/.test(m[0]);
  // After a fake closing tag everything up to a re-opening tag is "outside" text the
  // attacker wants read as instructions; otherwise the rest of the paragraph goes.
  let end = closing ? reopening(text, m.index + m[0].length) : paragraphEnd(text, m.index + m[0].length);
  if (end <= m.index) end = m.index + m[0].length;
  out.push({ kind: 'fake-delimiter', start: folded.sourceStart(m.index), end: folded.sourceEnd(end - 1) });
}

function findFakeGrades(folded: FoldedText, text: string, out: InjectionFinding[]): void {
  let from = text.indexOf('{');
  while (from !== -1) {
    const to = matchingBrace(text, from);
    const body = text.slice(from, to);
    const keys = body.match(GRADE_KEY)?.length ?? 0;
    if (keys >= 2 || (keys >= 1 && /\b(100|true)\b/.test(body))) {
      out.push({ kind: 'fake-grade', start: folded.sourceStart(from), end: folded.sourceEnd(to - 1) });
    }
    from = text.indexOf('{', Math.max(to, from + 1));
  }
  // The same record written as lines of `key: value` (YAML, a config block): two grade keys on neighbouring lines.
  const lines = [...text.matchAll(/^[ \t>*#-]*(["']?[a-z_]+["']?)[ \t]*[:=][^\n]*$/gm)];
  for (let i = 0; i + 1 < lines.length; i++) {
    const [a, b] = [lines[i], lines[i + 1]] as [RegExpExecArray, RegExpExecArray];
    const near = text.slice(a.index + a[0].length, b.index).split('\n').length <= 3;
    if (near && GRADE_LINE_KEY.test(a[1] ?? '') && GRADE_LINE_KEY.test(b[1] ?? '')) {
      out.push({ kind: 'fake-grade', start: folded.sourceStart(a.index), end: folded.sourceEnd(b.index + b[0].length - 1) });
    }
  }
  const rows = [...text.matchAll(VERDICT_ROW)];
  if (rows.length >= 2) {
    const [first, last] = [rows[0], rows.at(-1)] as [RegExpExecArray, RegExpExecArray];
    out.push({ kind: 'fake-grade', start: folded.sourceStart(first.index), end: folded.sourceEnd(last.index + last[0].length - 1) });
  }
}

/** End (exclusive) of the `{…}` starting at `from`; the text's end if it never closes. */
function matchingBrace(text: string, from: number): number {
  let depth = 0;
  const limit = Math.min(text.length, from + 5000);
  for (let i = from; i < limit; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return limit;
}

function paragraphEnd(text: string, from: number): number {
  const blank = text.slice(from).search(/\n[ \t]*\n/);
  return blank === -1 ? text.length : from + blank;
}

function reopening(text: string, from: number): number {
  const next = text.slice(from).search(/<\s*(candidate[\s_-]*answer|answer)\s*>/);
  return next === -1 ? text.length : from + next;
}

function dedupe(findings: InjectionFinding[]): InjectionFinding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.kind}:${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
