import type { Misconception } from './misconceptions.js';

/**
 * An absolute waved through without its argument: a safeguard declared unneeded ("we don't need dedup", "no need for
 * a lease"), a cost declared away ("for free", "no real trade-off", "only adds latency") or a failure declared
 * impossible ("can never", "no risk", "for certain"). One can be a fair judgement call; an answer that makes two or
 * more is waving its design's failure modes away, and each then counts as a wrong claim (`findMisconceptions`).
 * Question independent: it catches a wrong guarantee whatever the concept it is about.
 *
 * Read from the sentence's text, not through the rubric term index: a phrase there that holds a negation ("don't
 * need") would stop that negation from rejecting any other claim of the sentence ("there is no need for two-phase
 * commit with the processor" would assert the 2PC misconception).
 */
export const OVERCLAIM: Misconception = {
  id: 'overclaim',
  dimension: 'trade-offs',
  claims: [],
  correction:
    'a safeguard declared unneeded, a cost declared free or a failure declared impossible needs its argument: say what it would cost or how it would fail, and why this design can accept that',
};

/** How many overclaims an answer makes before they count. */
export const OVERCLAIMS_TO_COUNT = 2;

const OVERCLAIM_PATTERN = new RegExp(
  [
    // A safeguard declared unneeded, by the design ("we", "you", "there is").
    String.raw`\b(?:we|you) (?:do not|don't|never|won't|will not) (?:even )?need\b`,
    String.raw`\bthere(?: is|'s) no (?:real )?need\b`,
    String.raw`\bno need (?:for|to)\b`,
    String.raw`\b(?:(?:is|are) not|isn't|aren't) (?:needed|necessary)\b`,
    String.raw`\b(?:is|are) unnecessary\b`,
    String.raw`\b(?:don't|doesn't|do not|does not) need any\b`,
    // A cost declared away.
    String.raw`\bfor free\b`,
    String.raw`\bno (?:real )?trade[- ]?offs?\b`,
    String.raw`\bwin[- ]win\b`,
    String.raw`\bonly adds?\b`,
    // A failure declared impossible.
    String.raw`\b(?:can|will) never\b`,
    String.raw`\bno (?:real )?risk\b`,
    String.raw`\bfor certain\b`,
    String.raw`\bperfectly\b`,
  ].join('|'),
  'i',
);

/** A sentence that refutes rather than claims ("it is not true that batching comes for free"). */
const REFUTED = /\b(?:not true|isn't true|is a myth|a common mistake|is wrong|it's wrong|contrary to)\b/i;

/** Whether a sentence's text overclaims (apostrophes folded first: ’ reads as '). */
export function overclaims(text: string): boolean {
  const plain = text.replace(/[’‘`]/g, "'");
  return OVERCLAIM_PATTERN.test(plain) && !REFUTED.test(plain);
}
