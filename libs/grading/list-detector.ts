import type { AnalysedSentence } from './answer-analysis.js';
import type { FoldedText } from './text-normaliser.js';

const CHAINED = / (?:and|or) /g;

/** Share of a sentence's content words that are rubric terms above which it says nothing of its own. */
const RUBRIC_ONLY = 0.8;

const RELATES = /->|→|=>|=/;

/** The items a line separates with commas, semicolons, pipes, pluses, stars, slashes, "and", "or" or "&". */
const itemsIn = (text: string) => text.split(/[,;|+*]| \/ | and | or | & /).filter((part) => /[\p{L}\p{N}]/u.test(part)).length;

/**
 * Marks keyword lists: sentences that name terms without explaining them. A list earns
 * no credit (a buzzword list must score like an empty answer), so the tests are about
 * shape, not about which words are used:
 * - content words that are almost all rubric terms, whatever joins them ("Kafka -> sharding because CAP");
 * - almost no function words between the terms ("Kafka Redis sharding CAP …");
 * - many short comma/slash/"and" separated items with little prose around them;
 * - a dense run of short items that are mostly rubric terms, with no reasoning;
 * - a chain of rubric terms joined by "and" or "or" over and over ("idempotency keys and a ledger and sagas and …");
 * - three or more consecutive lines of one to four words without function words, or of rubric words only (bullets).
 */
export function classifyListLike(sentences: AnalysedSentence[], folded: FoldedText): void {
  for (const s of sentences) {
    const n = s.tokenEnd - s.tokenStart;
    if (n < 3) continue;
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
    // Its only function words are inside rubric phrases, over six or more items ("fan-out on write, fan-out on read,
    // hybrid, celebrity problem, Redis, …"): items with no grammar of their own between them. Prose has grammar of
    // its own, so it is not split here.
    if (s.plainFunctionWords === 0 && s.termCount >= 3 && !s.hasNumber && !relates && itemsIn(text) >= 6) {
      s.listLike = true;
      continue;
    }
    const functionRatio = s.functionWords / n;
    // Every test below needs fewer than 30% function words: prose skips the text work.
    if (functionRatio >= 0.3) {
      s.listLike = false;
      continue;
    }
    const items = itemsIn(text);
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
}
