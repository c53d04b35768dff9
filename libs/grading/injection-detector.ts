import { FoldedText } from './text-normaliser.js';

export type InjectionKind = 'instruction' | 'score-demand' | 'fake-grade' | 'fake-delimiter' | 'role-marker';

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
 * Imperatives aimed at the grader, matched on words only so punctuation cannot split
 * them. Each pattern lists anchor groups: it cannot match unless every group has one of
 * its words in the answer, so a set lookup skips the regex (and building the word string)
 * for the many answers that cannot match.
 */
const WORD_PATTERNS: readonly (readonly [InjectionKind, RegExp, readonly (readonly string[])[]])[] = [
  ['instruction', /\b(ignore|disregard|forget|override|bypass)( \w+){0,5} (instructions?|rubric|prompt|guidelines|grading|criteria|(your|the|all|previous|prior|above|any) rules)\b/g,
    [['ignore', 'disregard', 'forget', 'override', 'bypass'], ['instruction', 'instructions', 'rubric', 'prompt', 'guidelines', 'grading', 'criteria', 'rules']]],
  ['instruction', /\b(you are now|from now on you|new instructions?|system prompt|developer mode|jailbreak|as an ai language model|previous instructions)\b/g,
    [['now', 'instruction', 'instructions', 'prompt', 'mode', 'jailbreak', 'model']]],
  ['instruction', /\b(dear|attention|note to|message to|hey|hi) (the )?(grader|evaluator|assistant|ai|llm|reviewer|grading (system|model))\b/g,
    [['dear', 'attention', 'note', 'message', 'hey', 'hi'], ['grader', 'evaluator', 'assistant', 'ai', 'llm', 'reviewer', 'grading']]],
  ['instruction', /\b(grader|evaluator|llm|grading (model|system))( \w+){0,2} (must|should|shall|will|needs to|has to) (output|return|respond|give|score|grade|mark|rate|assign|set|ignore|treat)\b/g,
    [['grader', 'evaluator', 'llm', 'grading']]],
  ['instruction', /\b(respond|reply|output) (only )?(with )?(the following|this|exactly)( \w+)? (json|grade)\b/g,
    [['respond', 'reply', 'output'], ['json', 'grade']]],
  ['score-demand', /\b(give|assign|award|score|grade|rate|mark)( (me|this|it|my|the|answer|response|candidate|as|at|with|a|an|overall|score|grade|of|them|everything|all))* (100 (out of 100|100|points|marks|percent)|full marks?|perfect( score)?|maximum( score)?|max score|top score|highest score|strong hire|4 out of 4|10 out of 10)\b/g,
    [['give', 'assign', 'award', 'score', 'grade', 'rate', 'mark'], ['100', 'full', 'perfect', 'maximum', 'max', 'top', 'highest', 'hire', 'out']]],
  ['score-demand', /\b(100 out of 100|(a|the|overall|final) (score|grade|rating) of 100|(give|score|grade|mark)( (me|this|it|my|the|answer|response|candidate|as|a|an))* 100)\b/g,
    [['100']]],
  ['score-demand', /\b(mark|consider|treat|report) (all|every|each|the|this|these|my)( \w+){0,4} (as )?(covered|passed)\b/g,
    [['mark', 'consider', 'treat', 'report'], ['covered', 'passed']]],
  ['score-demand', /\b((overall|final) (score|grade|rating)|set (the )?(score|grade))( \w+){0,2} (to|of|is|should be|must be|equals?) (100|4|max|maximum|perfect)\b/g,
    [['score', 'grade', 'rating']]],
  ['score-demand', /\b(full marks|perfect score|maximum score|injection ?suspected (false|0))\b/g,
    [['marks', 'perfect', 'maximum', 'injection', 'injectionsuspected']]],
];

/** Text that pretends to end the data block or to speak as another role (folded text). */
const FAKE_DELIMITER = /<\s*\/?\s*(candidate[\s_-]*answer|transcript|system|assistant|user|developer|instructions?|rubric|answer)\s*>|<\s*\|\s*[a-z_]+\s*\|\s*>|\[\s*\/?\s*(inst|sys|system)\s*\]|<<\s*\/?\s*sys\s*>>|\b(end|begin|start) of (the )?(candidate('s)? )?(answer|transcript|input|user input)\b/g;
const ROLE_MARKER = /(^|\n)[ \t>*#\-[(]*(system|assistant|developer|admin|administrator|grader|evaluator|instructions?|grading instructions|rubric override|note to grader)[ \t\])*]*:/g;
const GRADE_KEY = /["']?\b(overall|score|scores|keypoints|key_points|covered|status|grade|dimensions|injectionsuspected|injection_suspected|flags|made|feedback|band)\b["']?\s*[:=]/g;

/**
 * Finds text in an answer that addresses the grader instead of the interviewer. Detection
 * runs on folded text (look-alike letters, full-width forms and zero-width characters
 * cannot hide a pattern) and maps every finding back to the original offsets, so the
 * grader can exclude exactly those passages from matching.
 */
export function detectInjection(answer: string | FoldedText): InjectionReport {
  const folded = typeof answer === 'string' ? FoldedText.of(answer) : answer;
  const findings: InjectionFinding[] = [];
  for (const reading of readings(folded)) {
    findWordPatterns(folded, reading, findings);
    findDelimiters(folded, reading, findings);
    findFakeGrades(folded, reading, findings);
  }
  const unique = dedupe(findings);
  return { suspected: unique.length > 0, findings: unique };
}

function readings(folded: FoldedText): string[] {
  const i = folded.reading('i');
  const l = folded.reading('l');
  return i === l ? [i] : [i, l];
}

function findWordPatterns(folded: FoldedText, text: string, out: InjectionFinding[]): void {
  // Words joined by single spaces; offsets are mapped back only for the rare match.
  // `match` with the g flag lists the matched words in one call (no match object per word).
  const present = new Set<string>(text.match(ANCHOR_WORDS));
  const candidates = WORD_PATTERNS.filter(([, , groups]) => groups.every((group) => group.some((w) => present.has(w))));
  if (candidates.length === 0) return;
  const words = text.replace(NON_WORD_RUN, ' ');
  let map: number[] | undefined;
  for (const [kind, pattern] of candidates) {
    for (const m of words.matchAll(pattern)) {
      map ??= wordOffsets(text);
      const from = map[m.index] ?? 0;
      const to = (map[m.index + m[0].length - 1] ?? from) + 1;
      out.push({ kind, start: folded.sourceStart(from), end: folded.sourceEnd(to - 1) });
    }
  }
}

// Folded text is almost all ASCII; treating every non-ASCII character as a letter keeps
// this a cheap byte-class scan and cannot hide an ASCII pattern.
/** Every anchor word, as one alternation: a single scan tells which anchors occur. */
const ANCHOR_WORDS = new RegExp(`\\b(?:${[...new Set(WORD_PATTERNS.flatMap(([, , groups]) => groups.flat()))].join('|')})\\b`, 'g');

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

function findDelimiters(folded: FoldedText, text: string, out: InjectionFinding[]): void {
  for (const m of text.matchAll(FAKE_DELIMITER)) {
    const closing = /^<\s*\//.test(m[0]) || /^end of/.test(m[0]);
    // After a fake closing tag everything up to a re-opening tag is "outside" text the
    // attacker wants read as instructions; otherwise the rest of the paragraph goes.
    let end = closing ? reopening(text, m.index + m[0].length) : paragraphEnd(text, m.index + m[0].length);
    if (end <= m.index) end = m.index + m[0].length;
    out.push({ kind: 'fake-delimiter', start: folded.sourceStart(m.index), end: folded.sourceEnd(end - 1) });
  }
  for (const m of text.matchAll(ROLE_MARKER)) {
    const from = m.index + (m[1]?.length ?? 0);
    out.push({ kind: 'role-marker', start: folded.sourceStart(from), end: folded.sourceEnd(paragraphEnd(text, from) - 1) });
  }
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
