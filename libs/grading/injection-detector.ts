import { findDisguised } from './disguised-injection.js';
import { FoldedText } from './text-normaliser.js';
import { NON_ASCII_WORD_CHAR, registerWord, type Tokens } from './tokeniser.js';

export type InjectionKind = 'instruction' | 'score-demand' | 'fake-grade' | 'fake-delimiter' | 'role-marker' | 'rubric-id';

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
 * them. Each pattern has two cheap necessary conditions, so the regex (and building the
 * word string it runs on) is skipped for the many answers that cannot match:
 * - `anchors`: every group has one of its words in the answer (any text);
 * - `heads` + `at`: the pattern's words in order and near enough, read over the answer's
 *   tokens (when its words are its tokens' words, see `detectInjection`). Anchor words are
 *   common in technical answers ("now", "rate", "out", "score"); word order and adjacency
 *   are not, so this rules out nearly every answer.
 * `at(ids, i)` is called at each token `i` whose word is one of `heads`; `ids` holds each
 * token's `registerWord` id. Distances between words are in tokens: a word is at most two
 * tokens (shorthand like "lb" → "load balancer", a rate "/s" → "per second"), so n words
 * apart is at most 2n tokens apart.
 */
interface WordPattern {
  readonly kind: InjectionKind;
  readonly pattern: RegExp;
  readonly anchors: readonly (readonly string[])[];
  readonly heads: string;
  readonly at: (ids: Int32Array, i: number) => boolean;
}

/** Membership table of space-separated words, indexed by their `registerWord` id. */
function wordSet(list: string): Uint8Array {
  const table = new Uint8Array(256);
  for (const word of list.split(' ')) table[phraseWordId(word)] = 1;
  return table;
}

function phraseWordId(word: string): number {
  const id = registerWord(word);
  // The phrase tables have 256 entries; only these phrase words are registered.
  if (id > 255) throw new Error(`too many registered words for the injection phrase tables (${word})`);
  return id;
}

/** Token `i`'s word is in `set` (false outside the text). */
function is(ids: Int32Array, i: number, set: Uint8Array): boolean {
  return set[ids[i] ?? 0] === 1;
}

/** One of the `span` tokens after `i` is in `set`. */
function ahead(ids: Int32Array, i: number, span: number, set: Uint8Array): boolean {
  for (let j = i + 1, last = Math.min(ids.length - 1, i + span); j <= last; j++) if (set[ids[j] ?? 0] === 1) return true;
  return false;
}

/** One of the `span` tokens before `i` is in `set`. */
function behind(ids: Int32Array, i: number, span: number, set: Uint8Array): boolean {
  for (let j = Math.max(0, i - span); j < i; j++) if (set[ids[j] ?? 0] === 1) return true;
  return false;
}

/** Tokens `i` and `i + 1` are in `first` and `second`. */
function pair(ids: Int32Array, i: number, first: Uint8Array, second: Uint8Array): boolean {
  return is(ids, i, first) && is(ids, i + 1, second);
}

const W = {
  ignoreWhat: wordSet('instruction instructions rubric prompt guidelines grading criteria rules'),
  jailbreak: wordSet('jailbreak'),
  are: wordSet('are'),
  now: wordSet('now'),
  on: wordSet('on'),
  new: wordSet('new'),
  instructions: wordSet('instruction instructions'),
  previous: wordSet('previous'),
  system: wordSet('system'),
  prompt: wordSet('prompt'),
  developer: wordSet('developer'),
  mode: wordSet('mode'),
  language: wordSet('language'),
  model: wordSet('model'),
  greeting: wordSet('dear attention to hey hi'),
  the: wordSet('the'),
  agent: wordSet('grader evaluator llm grading'),
  forTo: wordSet('for to'),
  modal: wordSet('must should shall will to'),
  respond: wordSet('respond reply output'),
  what: wordSet('following this exactly'),
  awardFiller: wordSet('me this it my the answer response candidate as at with a an overall score grade of them everything all accordingly in'),
  awardTop: wordSet('100 full perfect maximum max top highest strong 4 10 band'),
  of: wordSet('of'),
  boundary: wordSet('end begin start'),
  give: wordSet('give score grade mark'),
  giveFiller: wordSet('me this it my the answer response candidate as a an'),
  all: wordSet('all every each the this these my'),
  covered: wordSet('covered passed'),
  link: wordSet('to of is be equal equals'),
  score: wordSet('score grade rating'),
  full: wordSet('full'),
  marks: wordSet('marks'),
  perfect: wordSet('perfect maximum'),
  suspected: wordSet('suspected injectionsuspected'),
  no: wordSet('false 0'),
};

/** Past the run of `filler` tokens that starts at `i`. */
function skip(ids: Int32Array, i: number, filler: Uint8Array, step: 1 | -1): number {
  while (is(ids, i, filler)) i += step;
  return i;
}

const WORD_PATTERNS: readonly WordPattern[] = [
  {
    kind: 'instruction',
    pattern:
      /\b(ignore|disregard|forget|override|bypass)( \w+){0,5} (instructions?|rubric|prompt|guidelines|grading|criteria|(your|the|all|previous|prior|above|any) rules)\b/g,
    anchors: [
      ['ignore', 'disregard', 'forget', 'override', 'bypass'],
      ['instruction', 'instructions', 'rubric', 'prompt', 'guidelines', 'grading', 'criteria', 'rules'],
    ],
    heads: 'ignore disregard forget override bypass',
    at: (ids, i) => ahead(ids, i, 2 * 7, W.ignoreWhat),
  },
  {
    kind: 'instruction',
    pattern:
      /\b(you are now|from now on you|new instructions?|system prompt|developer mode|jailbreak|as an ai language model|previous instructions)\b/g,
    anchors: [['now', 'instruction', 'instructions', 'prompt', 'mode', 'jailbreak', 'model']],
    heads: 'jailbreak are now new previous system developer language',
    at: (ids, i) =>
      is(ids, i, W.jailbreak) ||
      pair(ids, i, W.are, W.now) ||
      pair(ids, i, W.now, W.on) ||
      pair(ids, i, W.new, W.instructions) ||
      pair(ids, i, W.previous, W.instructions) ||
      pair(ids, i, W.system, W.prompt) ||
      pair(ids, i, W.developer, W.mode) ||
      pair(ids, i, W.language, W.model),
  },
  {
    kind: 'instruction',
    pattern: /\b(dear|attention|note to|message to|hey|hi) (the )?(grader|evaluator|assistant|ai|llm|reviewer|grading (system|model))\b/g,
    anchors: [
      ['dear', 'attention', 'note', 'message', 'hey', 'hi'],
      ['grader', 'evaluator', 'assistant', 'ai', 'llm', 'reviewer', 'grading'],
    ],
    heads: 'grader evaluator assistant ai llm reviewer grading',
    at: (ids, i) => is(ids, i - 1, W.greeting) || (is(ids, i - 1, W.the) && is(ids, i - 2, W.greeting)),
  },
  {
    kind: 'instruction',
    pattern: /\b(for|to) (the |an? |our )?(automated |automatic |ai |llm )?(grader|evaluator|(grading|scoring|evaluation) (system|model))\b/g,
    anchors: [
      ['for', 'to'],
      ['grader', 'evaluator', 'grading', 'scoring', 'evaluation'],
    ],
    heads: 'grader evaluator grading scoring evaluation',
    // "for the automated grader": the preposition at most three words back.
    at: (ids, i) => behind(ids, i, 2 * 3, W.forTo),
  },
  {
    kind: 'instruction',
    pattern:
      /\b(grader|evaluator|llm|grading (model|system))( \w+){0,2} (must|should|shall|will|needs to|has to) (output|return|respond|give|score|grade|mark|rate|assign|set|ignore|treat)\b/g,
    anchors: [['grader', 'evaluator', 'llm', 'grading']],
    heads: 'output return respond give score grade mark rate assign set ignore treat',
    // The verb, after a modal ("to" of "needs to"), after the grader at most 6 words back.
    at: (ids, i) => is(ids, i - 1, W.modal) && behind(ids, i - 1, 2 * 5, W.agent),
  },
  {
    kind: 'instruction',
    pattern: /\b(respond|reply|output) (only )?(with )?(the following|this|exactly)( \w+)? (json|grade)\b/g,
    anchors: [
      ['respond', 'reply', 'output'],
      ['json', 'grade'],
    ],
    heads: 'json grade',
    at: (ids, i) => behind(ids, i, 2 * 2, W.what) && behind(ids, i, 2 * 6, W.respond),
  },
  {
    kind: 'score-demand',
    pattern:
      /\b(give|assign|award|score|grade|rate|mark|output)( (me|this|it|my|the|answer|response|candidate|as|at|with|a|an|overall|score|grade|of|them|everything|all|accordingly|in))* (100 (out of 100|100|points|marks|percent)|full marks?|perfect( score)?|maximum( score)?|max score|top score|highest score|strong hire|4 out of 4|10 out of 10|band (4|four))\b/g,
    anchors: [
      ['give', 'assign', 'award', 'score', 'grade', 'rate', 'mark', 'output'],
      ['100', 'full', 'perfect', 'maximum', 'max', 'top', 'highest', 'hire', 'out', 'band'],
    ],
    heads: 'give assign award score grade rate mark output',
    // No top word is a filler word, so a match's top word is the first word after the filler run.
    at: (ids, i) => is(ids, skip(ids, i + 1, W.awardFiller, 1), W.awardTop),
  },
  {
    kind: 'score-demand',
    pattern:
      /\b(100 out of 100|(a|the|overall|final) (score|grade|rating) of 100|(give|score|grade|mark)( (me|this|it|my|the|answer|response|candidate|as|a|an))* 100)\b/g,
    anchors: [['100']],
    heads: '100',
    // Every alternative ends in "of 100" or in give/score/grade/mark, filler words, "100".
    at: (ids, i) => is(ids, i - 1, W.of) || is(ids, skip(ids, i - 1, W.giveFiller, -1), W.give),
  },
  {
    kind: 'score-demand',
    pattern: /\b(mark|consider|treat|report) (all|every|each|the|this|these|my)( \w+){0,4} (as )?(covered|passed)\b/g,
    anchors: [
      ['mark', 'consider', 'treat', 'report'],
      ['covered', 'passed'],
    ],
    heads: 'mark consider treat report',
    at: (ids, i) => is(ids, i + 1, W.all) && ahead(ids, i + 1, 2 * 6, W.covered),
  },
  {
    kind: 'score-demand',
    pattern:
      /\b((overall|final) (score|grade|rating)|set (the )?(score|grade))( \w+){0,2} (to|of|is|should be|must be|equals?) (100|4|max|maximum|perfect)\b/g,
    anchors: [['score', 'grade', 'rating']],
    heads: '100 4 max maximum perfect',
    at: (ids, i) => is(ids, i - 1, W.link) && behind(ids, i - 1, 2 * 4, W.score),
  },
  {
    kind: 'score-demand',
    pattern: /\b(full marks|perfect score|maximum score|injection ?suspected (false|0))\b/g,
    anchors: [['marks', 'perfect', 'maximum', 'injection', 'injectionsuspected']],
    heads: 'full perfect maximum suspected injectionsuspected',
    at: (ids, i) => pair(ids, i, W.full, W.marks) || pair(ids, i, W.perfect, W.score) || pair(ids, i, W.suspected, W.no),
  },
];

/** `registerWord` id → bit k set when the word is one of pattern k's `heads`. */
const HEAD_PATTERNS = new Int32Array(256);
WORD_PATTERNS.forEach(({ heads }, k) => {
  for (const word of heads.split(' ')) {
    const id = phraseWordId(word);
    HEAD_PATTERNS[id] = (HEAD_PATTERNS[id] ?? 0) | (1 << k);
  }
});

/**
 * Text that pretends to end the data block or to speak as another role (folded text): tags
 * and their spoken forms. A spoken one never overlaps a tag (no tag holds " of "), so the
 * two patterns find what one alternation of both would; the spoken one, which has no rare
 * first character to scan for, runs only when the tokens have its first two words.
 */
const TAG_DELIMITER =
  /<\s*\/?\s*(candidate[\s_-]*answer|transcript|system|assistant|user|developer|instructions?|rubric|answer)\s*>|<\s*\|\s*[a-z_]+\s*\|\s*>|\[\s*\/?\s*(inst|sys|system)\s*\]|<<\s*\/?\s*sys\s*>>/g;
const SPOKEN_DELIMITER = /\b(end|begin|start) of (the )?(candidate('s)? )?(answer|transcript|input|user input)\b/g;
const ROLE_MARKER =
  /(^|\n)[ \t>*#\-[(]*(system|assistant|developer|admin|administrator|grader|evaluator|instructions?|grading instructions|rubric override|note to grader)[ \t\])*]*:/g;
const GRADE_KEY =
  /["']?\b(overall|score|scores|keypoints|key_points|covered|status|grade|dimensions|injectionsuspected|injection_suspected|flags|made|feedback|band)\b["']?\s*[:=]/g;

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

/** Bit k set: `WORD_PATTERNS[k]` may match `text`; `ids`: its tokens' word ids, when its words are its tokens'. */
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
  WORD_PATTERNS.forEach(({ anchors }, k) => {
    if (anchors.every((group) => group.some((w) => present.has(w)))) candidates |= 1 << k;
  });
  return candidates;
}

/**
 * Patterns whose words occur in order and near enough among the tokens. Token words are
 * the text's words except for expanded shorthand and rates ("lb" → "load balancer",
 * "/s" → "per second"); no pattern word is one of those, so this never misses a match.
 */
function tokenCandidates(ids: Int32Array): number {
  let candidates = 0;
  for (let i = 0; i < ids.length; i++) {
    let heads = (HEAD_PATTERNS[ids[i] ?? 0] ?? 0) & ~candidates;
    while (heads !== 0) {
      const k = 31 - Math.clz32(heads & -heads);
      if ((WORD_PATTERNS[k] as WordPattern).at(ids, i)) candidates |= 1 << k;
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
  WORD_PATTERNS.forEach(({ kind, pattern }, k) => {
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
/** Every anchor word, as one alternation: a single scan tells which anchors occur. */
const ANCHOR_WORDS = new RegExp(`\\b(?:${[...new Set(WORD_PATTERNS.flatMap(({ anchors }) => anchors.flat()))].join('|')})\\b`, 'g');

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
  for (let i = 0; i + 1 < ids.length; i++) if (pair(ids, i, W.boundary, W.of)) return true;
  return false;
}

function findDelimiters(folded: FoldedText, text: string, spoken: boolean, out: InjectionFinding[]): void {
  for (const m of text.matchAll(TAG_DELIMITER)) pushDelimiter(folded, text, m, out);
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
