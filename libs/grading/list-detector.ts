import type { AnalysedSentence } from './answer-analysis.js';
import { ITEM_LINE } from './sentence-splitter.js';
import type { FoldedText } from './text-normaliser.js';

const CHAINED = / (?:and|or|plus) /g;

/** Share of a sentence's content words that are rubric terms above which it says nothing of its own. */
const RUBRIC_ONLY = 0.8;

const RELATES = /->|→|=>|=/;

/**
 * Diagram notation typed as text: a long arrow ("A --> B", "+---->", "<--", "==>", "-.->") or a labelled box joined by
 * an arrow ("LB[L4 LB] -> API", "[Kafka] -> [Flink]"). Its boxes and edge labels name parts; none of it says how a
 * part works or why it is there, and the board, not the chat, is where a diagram is read.
 */
const DIAGRAM = /-{2,}>|<-{2,}|==>|-\.->|(?:\b[a-z_]\w*\[[a-z(][^\]]*\]|\[[a-z][^\]]*\])\s*(?:-+>|→|\|)/i;

/** Lines of a log, a tracker, a listing or a rated skills list from which they are one. */
const ITEM_LINES = 3;

/** A line rated as a skill: stars, a level, or years ("★★★★☆ (6 yrs)", "— expert (7 years)"). */
const RATED_LINE = /[★☆]{3,}|\(\d+\+?\s*(?:yrs?|years?)\)\s*$|[—–-]\s*(?:expert|advanced|intermediate|beginner|proficient|novice)\b/;

/** Words per item at most, on average, in a line of items that has one plain function word ("retries with backoff"). */
const SHORT_ITEM = 2.5;

/** Items in one sentence from which it is a catalogue, and the words per item at most, on average. */
const CATALOGUE_ITEMS = 12;
const CATALOGUE_ITEM_WORDS = 4.2;
/** A line that names one record and then its fields. */
const FIELDS = /^\W*(?:and\s+)?[\p{L}\p{N}_.]+\s*[:(]/u;

/** Words at most in a fragment: a bullet that names things ("Presence via heartbeats + TTL") rather than saying them. */
const FRAGMENT_WORDS = 12;

/** Share of an answer's lines that are fragments from which it is a list throughout (development answers: at most 0.58). */
const FRAGMENT_ANSWER = 0.7;

/** The items a line separates with commas, semicolons, pipes, pluses, stars, slashes, "and", "or" or "&". */
const itemsIn = (text: string) => text.split(/[,;|+*]| \/ | and | or | & /).filter((part) => /[\p{L}\p{N}]/u.test(part)).length;

/**
 * Marks keyword lists: sentences that name terms without explaining them. A list earns
 * no credit (a buzzword list must score like an empty answer), so the tests are about
 * shape, not about which words are used:
 * - content words that are almost all rubric terms, whatever joins them ("Kafka -> sharding because CAP");
 * - almost no function words between the terms ("Kafka Redis sharding CAP …");
 * - many short comma/slash/"and" separated items with little prose around them;
 * - a dozen or more things in one sentence, a few words each, unless it is one record's fields (a catalogue);
 * - a dense run of short items that are mostly rubric terms, with no reasoning;
 * - a chain of rubric terms joined by "and", "or" or "plus" over and over ("idempotency keys and a ledger and sagas and …");
 * - three or more consecutive lines of one to four words without function words, or of rubric words only (bullets);
 * - every fragment of an answer made mostly of fragments (short lines with no number, relation or reason);
 * - a line of diagram notation (long arrows, labelled boxes joined by arrows);
 * - the lines of a commit log, a ticket list, a resource listing or a rated skills list (three or more).
 */
export function classifyListLike(sentences: AnalysedSentence[], folded: FoldedText): void {
  // A commit log, a ticket list or a resource listing ("OBS-201 Tail-based sampling — Blocked"), or a skills list
  // rated line by line ("Kafka ★★★★☆ (5 yrs)"), three lines or more, titles things one per line and explains none.
  const items = sentences.filter((s) => {
    const text = folded.text.slice(s.foldedStart, s.foldedEnd);
    return ITEM_LINE.test(text) || RATED_LINE.test(text);
  });
  const log = items.length >= ITEM_LINES ? new Set(items) : null;
  for (const s of sentences) {
    const n = s.tokenEnd - s.tokenStart;
    if (n < 3) continue;
    if (log?.has(s) || DIAGRAM.test(folded.text.slice(s.foldedStart, s.foldedEnd))) {
      s.listLike = true;
      continue;
    }
    // Nothing but the rubric's own words and no grammar of its own, however it is joined (commas, arrows,
    // "because … so that therefore", a comment): glue words between terms do not make an explanation.
    if (s.termCount >= 3 && n - s.functionWords >= 4 && s.termShare >= RUBRIC_ONLY && s.plainFunctionWords / n < 0.2) {
      s.listLike = true;
      continue;
    }
    const text = folded.text.slice(s.foldedStart, s.foldedEnd);
    // A list joined with words instead of commas: its "and"s count as grammar, so the ratios below miss it. Prose
    // joins a handful of things so (development answers: at most 6 in a sentence); a catalogue joins dozens.
    if (s.termCount >= 8 && (text.match(CHAINED) ?? []).length >= 8) {
      s.listLike = true;
      continue;
    }
    // Arrows and "x = y" say how things relate: notation, not a list.
    const relates = RELATES.test(text);
    const items = itemsIn(text);
    // Its only function words are inside rubric phrases, over six or more items ("fan-out on write, fan-out on read,
    // hybrid, celebrity problem, Redis, …"), or one more where the items average two or three words ("…, DLQ,
    // retries with exponential backoff, outbox pattern"): items with no grammar of their own between them. Prose has
    // grammar of its own, so it is not split here; a schema's columns have numbers or few rubric terms.
    if (s.plainFunctionWords <= 1 && s.termCount >= 3 && !s.hasNumber && !relates) {
      if (items >= 6 && (s.plainFunctionWords === 0 || n / items <= SHORT_ITEM)) {
        s.listLike = true;
        continue;
      }
    }
    // A catalogue: a dozen things or more in one sentence, a few words each ("I'd build it with WebSocket gateways, a
    // session service, …, Cassandra for messages, Postgres for users, and S3 plus a CDN for attachments"), whatever
    // joins them. Prose that explains lists fewer things per sentence; a record's fields ("executions(id, job_id, …)",
    // "job_definitions: id, owning team, …") are one thing described, not a catalogue.
    if (items >= CATALOGUE_ITEMS && n / items <= CATALOGUE_ITEM_WORDS && !FIELDS.test(text)) {
      s.listLike = true;
      continue;
    }
    const functionRatio = s.functionWords / n;
    // Every test below needs fewer than 30% function words: prose skips the text work.
    if (functionRatio >= 0.3) {
      s.listLike = false;
      continue;
    }
    const content = n - s.functionWords;
    s.listLike =
      (functionRatio < 0.1 && !relates && (n >= 8 || (n >= 4 && items >= 3))) ||
      (items >= 4 && n / items <= 2.6 && functionRatio < 0.25) ||
      (items >= 3 &&
        !relates &&
        n / items <= 3 &&
        s.termCount >= 5 &&
        s.termCount / Math.max(1, content) >= 0.5 &&
        functionRatio < 0.3 &&
        !s.reasoning);
  }
  let run: AnalysedSentence[] = [];
  const flush = () => {
    if (run.length >= 3) for (const s of run) s.listLike = true;
    run = [];
  };
  for (const s of sentences) {
    const words = s.tokenEnd - s.tokenStart;
    // A line of rubric words only: its content words are the rubric's, or it has none and a term covers every word.
    const rubricOnly = s.termCount > 0 && s.plainFunctionWords === 0 && (s.termShare >= RUBRIC_ONLY || words === s.functionWords);
    const fragment = words > 0 && ((words <= 4 && s.functionWords === 0) || rubricOnly);
    if (fragment) run.push(s);
    else flush();
  }
  flush();
  // An answer made of fragments is a list even where a bullet carries a preposition ("- Kafka for fan-out",
  // "- APNs / FCM for offline devices"): its fragments name things, they do not say anything about them.
  // A numbering marker ("1.", "2.") on a line of its own is no sentence of the answer's: it neither lists nor says.
  const markers = sentences.filter((s) => !/\p{L}/u.test(folded.text.slice(s.foldedStart, s.foldedEnd))).length;
  const counted = sentences.length - markers;
  if (counted < 5) return;
  const fragments = sentences.filter((s) => isFragment(s, folded));
  if (fragments.length / counted >= FRAGMENT_ANSWER) for (const s of fragments) s.listLike = true;
}

/** A figure of its own: "300 ms", "10k", not the digits of a name ("MD5", "base62", "S3"). */
const FIGURE = /(?<![\p{L}\d])\d/u;

/**
 * What a design is for, in a word or two: an arrow or a dash to one of these ("Redis Cluster -> horizontal scalability",
 * "Lua scripts -> atomicity") names a virtue, it does not say how the thing gets it.
 */
const VIRTUE =
  /(?:->|→|=>|\s[-–—]\s)\s*(?:(?:high|low|better|horizontal|global|strong|eventual|great|more)\s+)?(?:scalability|scale|scaling|performance|latency|availability|reliability|resilience|durability|consistency|accuracy|atomicity|decoupling|observability|security|simplicity|speed|throughput|elasticity|fault tolerance|burst handling|efficiency|flexibility|maintainability|redundancy)\s*[.;]?\s*$/i;

/** The line ends in an arrow or a dash to a virtue: no relation, and no reason either. */
export const namesAVirtue = (text: string): boolean => VIRTUE.test(text);

/** A short line with at most two plain function words and no number, relation or reason. */
function isFragment(s: AnalysedSentence, folded: FoldedText): boolean {
  const words = s.tokenEnd - s.tokenStart;
  if (words === 0 || words > FRAGMENT_WORDS || s.plainFunctionWords > 2 || s.reasoning) return false;
  const text = folded.text.slice(s.foldedStart, s.foldedEnd).replace(/^\s*\d+[.)]\s*/, '');
  return !(s.hasNumber && FIGURE.test(text)) && (!RELATES.test(text) || namesAVirtue(text));
}
