import { FUNCTION_WORDS } from './lexicons.js';
import { porterStem } from './tokeniser.js';

/**
 * A key point's `explanation` (the rubric's two to four sentences of what is true about the concept) read for what
 * an answer can contradict. The misconception table (misconceptions.ts) catches the wrong claims someone foresaw,
 * worded as foreseen; this catches an answer that states the opposite of the point's own explanation, on any
 * question that has one, in three shapes a strict interviewer stops on:
 * - **swapped sides**: the explanation contrasts the two sides of a known distinction (`OPPOSITIONS`: 301/302,
 *   fan-out on write/read, token/leaky bucket, fail open/closed…) and the answer gives each side the other's
 *   properties ("a 301 sends every click through us, a 302 lets the browser cache it");
 * - **a dismissed need**: the answer dismisses something the explanation says the design has ("no registry to
 *   maintain", "simpler than a fleet of gateways", "teams don't need idempotent jobs"), or waves it away as
 *   harmless ("celebrities aren't a real problem") where the explanation does not play it down itself;
 * Such a passage is no evidence for the point, and the feedback cites the explanation's sentence it contradicts
 * (`contradictingEvidence` in tainted-evidence.ts). Words are compared as Porter stems.
 *
 * Not read: which key a passage partitions by. On the development sets "partitioned by day" against an explanation's
 * "time partitioning", or a session registry sharded by user beside messages partitioned by conversation, made that
 * check refuse more good answers than wrong ones.
 */
export interface ExplanationStance {
  /** The explanation's sentences, as written (what feedback cites back). */
  readonly sentences: readonly string[];
  /**
   * The distinctions it contrasts: each side's own properties (stems said of it and not of the other), and the
   * sentence that draws the distinction.
   */
  readonly contrasts: readonly {
    readonly pair: number;
    readonly own: readonly [ReadonlySet<string>, ReadonlySet<string>];
    readonly sentence: number;
  }[];
  /** Stem → the sentence that says the design has it (content words outside the explanation's own negations). */
  readonly needs: ReadonlyMap<string, number>;
  /** Stems of the sentences that play something down: waving those away as harmless agrees with the explanation. */
  readonly playedDown: ReadonlySet<string>;
}

/** What a sentence dismisses, as stems: something it says is not needed, or something it says does no harm. */
export interface Dismissal {
  readonly stems: readonly string[];
  readonly kind: 'unneeded' | 'harmless';
}

/** What an answer's passage contradicts in an explanation, and which of its sentences says otherwise. */
export interface Contradiction {
  readonly kind: 'swapped-sides' | 'dismissed-need';
  readonly says: string;
}

/**
 * Two sides of a distinction a system-design answer can get backwards: general engineering vocabulary, not one
 * question's. A pair is only read for a key point whose explanation names both sides.
 */
const OPPOSITIONS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ['301', 'permanent redirect', 'moved permanently', 'permanent'],
    ['302', '307', 'temporary redirect', 'temporary'],
  ],
  [
    ['fan out on write', 'fanout on write', 'push model', 'precompute', 'precomputed', 'pushed into'],
    ['fan out on read', 'fanout on read', 'pull model', 'at read time', 'read time', 'pulled', 'merged at read'],
  ],
  [['token bucket'], ['leaky bucket']],
  [
    ['fail open', 'fails open', 'failing open'],
    ['fail closed', 'fails closed', 'failing closed'],
  ],
  [['at least once'], ['at most once']],
  [
    ['synchronous', 'synchronously', 'in the request path', 'on the request path'],
    ['asynchronous', 'asynchronously', 'async', 'off the request path', 'in the background'],
  ],
  [
    ['strong consistency', 'strongly consistent', 'linearizable'],
    ['eventual consistency', 'eventually consistent'],
  ],
  [['write through'], ['write back', 'write behind']],
  [
    ['scale out', 'horizontally', 'horizontal'],
    ['scale up', 'vertically', 'vertical', 'bigger machine', 'bigger box'],
  ],
  [['optimistic'], ['pessimistic']],
  [['fixed window'], ['sliding window']],
  [['push'], ['pull', 'scrape', 'scraping']],
];

/** Words of a side's clauses that say nothing of either side. */
const NEUTRAL = new Set([
  'id',
  'ids',
  'key',
  'keys',
  'system',
  'design',
  'one',
  'two',
  'side',
  'case',
  'way',
  // How many or which of a thing, not what it is ("a fleet of gateways", "a separate store").
  'fleet',
  'pool',
  'set',
  'bunch',
  'lot',
  'lots',
  'number',
  'separate',
  'extra',
  'dedicated',
  'additional',
]);

/** Phrases that dismiss what follows (or, for the last, what precedes) them; group 1 is the dismissed thing. */
const DISMISSALS: readonly RegExp[] = [
  /\bno (?:separate |extra |dedicated |additional |special )?((?:[a-z0-9']+ ){0,2}[a-z0-9']+) (?:to (?:maintain|build|manage|operate|worry about)|needed|required)\b/g,
  /\bno need (?:for|of) (?:a |an |the |any )?((?:[a-z0-9']+ ){0,2}[a-z0-9']+)/g,
  /\bsimpler than (?:a |an |the |any )?((?:[a-z0-9']+ ){0,2}[a-z0-9']+)/g,
  /\b((?:[a-z0-9']+ ){0,2}[a-z0-9']+) (?:is|are|becomes|would be) (?:unnecessary|not needed|not required|overkill|redundant|over engineering|overengineering|over engineered)\b/g,
  // "makes a separate double-entry ledger redundant", "I wouldn't bother partitioning", "I wouldn't shard at all".
  /\bmakes? (?:a |an |the |any )?(?:separate |extra |dedicated )?((?:[a-z0-9']+ ){0,5}[a-z0-9']+) (?:unnecessary|redundant|pointless|obsolete|overkill)\b/g,
  /\b(?:wouldn't|won't|don't|do not|would not|will not) bother (?:with |about )?(?:a |an |the |any )?((?:[a-z0-9']+ ){0,1}[a-z0-9']+)/g,
  /\b(?:wouldn't|won't|don't|do not|would not|will not) ([a-z']+) at all\b/g,
  // A change of plan that drops something: "I'd drop heartbeats and leases altogether", "I'd drop the read-time
  // merge". Not "skip", which scopes more often than it abandons ("I'd skip fan-out to inactive users", "skip
  // personalisation in the first version"), nor "disable" ("we'll disable auto-commit").
  /\b(?:i'd|we'd|i would|we would|i'll|we'll|i will|we will|let's)\s+(?:just |simply |also )?(?:drop|remove|get rid of|do away with|eliminate|forgo)\s+(?:the |all |any |our |those |these |that |this )?((?:[a-z0-9']+ ){0,2}[a-z0-9']+)/g,
];

/**
 * A thing waved away as harmless ("celebrities aren't a real problem", "retention isn't really a concern", "the
 * extra latency doesn't matter"); group 1 is the thing. Right when the explanation plays the same thing down too.
 */
const HARMLESS =
  /\b((?:[a-z0-9']+ ){0,2}[a-z0-9']+) (?:(?:is|are)n't|(?:is|are) not|(?:do|does)n't|(?:do|does) not) (?:really |actually |even )?(?:an? )?(?:real |big |serious |practical )?(?:concern|problem|issue|worry|matter)\b/g;

/** An explanation's sentence that plays something down ("usually only gigabytes", "which is acceptable because …"). */
const PLAYS_DOWN = /\b(?:only|acceptable|anyway|rather than|cheap|small|negligible|fine)\b/;
const CONTRAST = /;|\s(?:but|however|although|though|while|whereas|yet)\s/;

/** A clause that denies what it says of a side. */
const NEGATED =
  /\b(?:not|no|never|without|instead of|rather than|rules? out|ruled out|avoids?|unlike|neither|nor|cannot|(?:is|are|was|ca|do|does|wo)n't)\b/;

/** A word every dismissal pattern holds. */
const DISMISSAL_WORD =
  /\b(?:no|simpler|unnecessary|needed|required|overkill|redundant|pointless|obsolete|bother|at all|concern|problem|issue|worry|matter|over engineering|overengineering|over engineered|drop|remove|get rid of|do away with|eliminate|forgo)\b/;

/** Where the explanation itself sets something aside ("instead of a lock", "without a sequencer"): not a need. */
const SETS_ASIDE = /\b(?:no|not|never|without|instead of|rather than|avoid|avoids|cannot|can't|unlike)\b/;

/** Lower case, hyphens and underscores as spaces, one kind of apostrophe. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/[-_/]/g, ' ');
}

const wordsOf = (text: string): string[] => text.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
const stemOf = (word: string): string => porterStem(word.replace(/'.*$/, ''));
const contentStems = (words: readonly string[]): string[] =>
  words.filter((w) => !FUNCTION_WORDS.has(w) && !NEUTRAL.has(w) && !/^\d+$/.test(w)).map(stemOf);

/** The text's clauses, split at punctuation and the conjunctions that start another statement. */
function clausesOf(text: string): string[] {
  return text
    .split(/[,;:()]|\s(?:while|whereas|but|and then|so|which|because|since)\s/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** Which side of `pair` a clause names (0, 1), both (2) or neither (-1). */
function sideOf(clause: string, pair: number): number {
  const [a = NEVER, b = NEVER] = SIDE_PATTERNS[pair] ?? [];
  const onA = a.test(clause);
  const onB = b.test(clause);
  return onA && onB ? 2 : onA ? 0 : onB ? 1 : -1;
}

const NEVER = /$^/;
/** Each side of each pair as one regex, built once: grading reads every passage against all of them. */
const SIDE_PATTERNS = OPPOSITIONS.map((sides) => sides.map((phrases) => new RegExp(`(?:^|[^a-z0-9])(?:${phrases.join('|')})(?![a-z0-9])`)));
/** Any phrase of a pair, for the one test on the whole text that rules the pair out. */
const PAIR_PATTERNS = OPPOSITIONS.map((sides) => new RegExp(`(?:^|[^a-z0-9])(?:${sides.flat().join('|')})(?![a-z0-9])`));

/**
 * Per pair whose two sides the text names in clauses of their own: each side's stems. Within a sentence, a clause
 * naming neither side continues the side before it (or, before any, belongs to the first side the sentence names);
 * a clause naming both, or a negated one, is read for neither; a sentence naming neither side says nothing of the pair.
 */
function readSides(text: string, pairs?: ReadonlySet<number>): Map<number, [Set<string>, Set<string>]> {
  const whole = normalise(text);
  const sentences = whole.split(/(?<=[.!?])\s+|\n+/).map(clausesOf);
  const out = new Map<number, [Set<string>, Set<string>]>();
  for (let pair = 0; pair < OPPOSITIONS.length; pair++) {
    if ((pairs && !pairs.has(pair)) || !PAIR_PATTERNS[pair]?.test(whole)) continue;
    const sides = sentences.map((clauses) => clauses.map((c) => sideOf(c, pair)));
    if (!sides.some((s) => s.includes(0)) || !sides.some((s) => s.includes(1))) continue;
    const stems: [Set<string>, Set<string>] = [new Set(), new Set()];
    const phraseWords = new Set(OPPOSITIONS[pair]?.flatMap((side) => side.flatMap((p) => p.split(' '))) ?? []);
    sentences.forEach((clauses, n) => {
      const named = sides[n] ?? [];
      let current = named.find((s) => s === 0 || s === 1) ?? -1;
      clauses.forEach((clause, i) => {
        const side = named[i] ?? -1;
        if (side === 2) {
          current = -1;
          return;
        }
        if (side !== -1) current = side;
        // "rules out at-most-once", "a 302 does not cache": a negated clause says what a side is not.
        if ((current !== 0 && current !== 1) || NEGATED.test(clause)) return;
        for (const stem of contentStems(wordsOf(clause).filter((w) => !phraseWords.has(w)))) stems[current].add(stem);
      });
    });
    out.set(pair, stems);
  }
  return out;
}

/** Reads a key point's explanation (once per compiled question). */
export function readExplanation(explanation: string): ExplanationStance {
  const sentences = explanation
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((t) => t !== '');
  const contrasts = [...readSides(explanation)].map(([pair, [a, b]]) => {
    const sides = sentences.map((t) => clausesOf(normalise(t)).map((c) => sideOf(c, pair)));
    const both = sides.findIndex((named) => named.includes(0) && named.includes(1));
    return {
      pair,
      own: [new Set([...a].filter((stem) => !b.has(stem))), new Set([...b].filter((stem) => !a.has(stem)))] as const,
      sentence:
        both !== -1
          ? both
          : Math.max(
              0,
              sides.findIndex((named) => named.includes(0) || named.includes(1)),
            ),
    };
  });
  const needs = new Map<string, number>();
  const playedDown = new Set<string>();
  sentences.forEach((sentence, n) => {
    const text = normalise(sentence);
    const words = wordsOf(text);
    // Up to a contrast: "makes reads cheap, but a celebrity … would cause 100 million writes" plays down only the reads.
    for (const part of text.split(CONTRAST)) {
      if (PLAYS_DOWN.test(part)) for (const stem of contentStems(wordsOf(part))) playedDown.add(stem);
    }
    // A word within four of a negation ("without a sequencer", "instead of a lock") is set aside, not needed.
    const aside = new Set<number>();
    words.forEach((_, i) => {
      if (SETS_ASIDE.test(words.slice(i, i + 2).join(' '))) for (let j = i; j <= i + 4; j++) aside.add(j);
    });
    words.forEach((w, i) => {
      const stem = stemOf(w);
      if (!aside.has(i) && !FUNCTION_WORDS.has(w) && !NEUTRAL.has(w) && !/^\d+$/.test(w) && !needs.has(stem)) needs.set(stem, n);
    });
  });
  return { sentences, contrasts, needs, playedDown };
}

/** The sides of every distinction a passage (a paragraph) draws, read once for all key points. */
export type PassageSides = ReadonlyMap<number, readonly [ReadonlySet<string>, ReadonlySet<string>]>;

/** `pairs`: only these distinctions (the ones some key point's explanation draws); all when left out. */
export const sidesOf = (passage: string, pairs?: ReadonlySet<number>): PassageSides => readSides(passage, pairs);

/** What a sentence dismisses ("no registry to maintain" → registri), read once for all key points. */
export function dismissedIn(sentence: string): Dismissal[] {
  const text = normalise(sentence);
  // Grading reads every sentence: most have none of the dismissal words, and the patterns need one.
  if (!DISMISSAL_WORD.test(text)) return [];
  const dismissed: Dismissal[] = [];
  const add = (thing: string | undefined, kind: Dismissal['kind']) => {
    const stems = contentStems(wordsOf(thing ?? ''));
    if (stems.length > 0) dismissed.push({ stems, kind });
  };
  for (const pattern of DISMISSALS) for (const m of text.matchAll(pattern)) add(m[1], 'unneeded');
  for (const m of text.matchAll(HARMLESS)) add(m[1], 'harmless');
  return dismissed;
}

/** A paragraph that gives each side of a distinction the explanation draws more of the other side's properties than its own. */
export function swapsSides(stance: ExplanationStance, sides: PassageSides): Contradiction | null {
  const count = (stems: ReadonlySet<string>, of: ReadonlySet<string>) => [...stems].filter((stem) => of.has(stem)).length;
  for (const { pair, own, sentence } of stance.contrasts) {
    const said = sides.get(pair);
    if (!said) continue;
    const [onA, onB] = said;
    if (count(onA, own[1]) > count(onA, own[0]) && count(onB, own[0]) > count(onB, own[1])) {
      return { kind: 'swapped-sides', says: stance.sentences[sentence] ?? '' };
    }
  }
  return null;
}

/**
 * A sentence that dismisses something the explanation says the design has: a thing named in one word the explanation
 * uses, or in several of which at least two are. One shared word is not the same thing: "no collision check is
 * needed" with counter ranges dismisses nothing of an explanation whose "uniqueness check" is what random codes need.
 */
export function dismissesNeed(stance: ExplanationStance, dismissed: readonly Dismissal[]): Contradiction | null {
  for (const { stems, kind } of dismissed) {
    const needed = stems
      .filter((stem) => kind === 'unneeded' || !stance.playedDown.has(stem))
      .map((stem) => stance.needs.get(stem))
      .filter((n) => n !== undefined);
    if (needed.length > 0 && needed.length >= Math.min(2, stems.length))
      return { kind: 'dismissed-need', says: stance.sentences[needed[0] ?? 0] ?? '' };
  }
  return null;
}
