import type { AnalysedSentence, AnswerAnalysis } from './answer-analysis.js';
import type { CompiledKeyPoint } from './compiled-question.js';
import { judgeCoverage, type CoverageResult, type SentenceKeys } from './coverage-judge.js';

/**
 * How far an answer's words can be taken at face value. A strict interviewer who has heard three confidently wrong
 * claims no longer credits a point for its bare minimum of right words, and one who has heard mostly "scalability is
 * crucial" and "it depends" credits no point to the talk around it. Both are read from the answer as a whole, the
 * same way for the answer being graded and for each earlier turn (so "covered before" agrees with that turn's grade).
 */
export interface Credibility {
  /** Different wrong claims the answer makes (general misconceptions, the question's own wrong claims, overclaims). */
  readonly wrongClaims: number;
  /** The answer's words spent on general remarks, open choices, business talk … rather than design (`fillerOf`). */
  readonly filler: Filler;
  /** The answer is mostly a keyword list (`keywordList`): what it says outside the list is read the same way. */
  readonly listed: boolean;
}

/**
 * Wrong claims from which a point needs one concept more than its minimum: a pattern, not a slip. An answer that is
 * mostly a keyword list is held to the same: a sentence that escapes the list with the bare minimum is no explanation.
 */
const WRONG_CLAIMS_TO_DOUBT = 3;

/**
 * Filler share from which the answer covers no point: 223 of the 248 development answers labelled padded (at the time)
 * reach it, no good, excellent or terse answer passes 0.20, and the weak ones that reach it lose nothing they were
 * labelled with.
 */
const FILLER_TO_DOUBT = 0.25;

/**
 * Talk about a design instead of a design: importance, care, hedges and the stock phrases of an answer that commits to
 * nothing. General English, not any question's words.
 */
const FILLER =
  /\b(?:important|importance|crucial|critical|essential|vital|matters?|careful(?:ly)?|robust(?:ness)?|it depends|depends on|consider(?:ing|ed)?|various|of course|obviously|well[- ]known|best practices?|industry[- ]standard|very|really|make sure|think(?:ing)? about|seamless(?:ly)?|great|exciting|world[- ]class|cutting[- ]edge|key (?:consideration|factor|aspect|challenge)s?|overall|in general|generally|holistic|fundamental(?:ly)?|paramount|priorit(?:y|ies)|stakeholders?|business needs|user experience|at the end of the day|no one[- ]size|one[- ]size[- ]fits[- ]all|always a trade-?off|many trade-?offs|trade-?offs to (?:consider|discuss)|one could|might (?:also )?(?:make sense|be worth)|worth (?:looking|considering|exploring)|pros and cons|depending on|hard to say|etc)\b/i;

/**
 * A lecture: the textbook and its history instead of this design ("The CAP theorem says …", "Akamai pioneered this in
 * the late nineties", "PACELC extends the idea"). However many terms such a sentence names, it designs nothing.
 */
const LECTURE =
  /\b(?:textbook|foundational|pillars?|pioneered|formali[sz]ed|coined|conjecture|(?:theorem|law|principle) (?:says|states)|extends the idea|goes back to|is the model of)\b/i;

/**
 * A hedge: a choice left open. A sentence with two of them ("one could consider a pull model, or possibly push; it
 * would depend on the requirements") commits to nothing, however many terms it names. On the development split no
 * good, excellent or weak answer spends more than 0.18 of its words on such sentences; hedged padding spends 0.7.
 */
const HEDGE =
  /\b(?:could|might|maybe|perhaps|possibly|potentially|probably|likely|may|would (?:really )?depend|depending on|one could|one might|some (?:kind|form|sort) of|either way|it depends|not sure)\b/gi;
const HEDGES_TO_COMMIT_NOTHING = 2;

/**
 * A sales pitch: what the design does for people, in brochure words ("unlocking scale", "experiences that delight
 * customers", "empowers data scientists", "best-in-class", "blazing-fast"). Figures in it are claims, not sizing.
 */
const PITCH =
  /\b(?:unlock(?:s|ing)?|empower(?:s|ing)?|delight(?:s|ing)?|synerg\w*|best[- ]in[- ]class|game[- ]chang\w*|next[- ]gen(?:eration)?|state[- ]of[- ]the[- ]art|blazing[- ]fast|future[- ]proof|move fast|supercharg\w*|turbocharg\w*)\b/i;

/**
 * Talk about the interview instead of the design ("Great question, before I dive in …", "I'll come back to that",
 * "Does that plan work for you?"), and principles that fit any system ("follow SOLID, keep services loosely
 * coupled", "design for failure", "80% test coverage", "the same approach has worked for every service I've built").
 */
const META =
  /\b(?:great question|before I dive in|start broad|(?:we're|we are) aligned|align on (?:the )?goals|first things first|come back to|circle back|revisit (?:that|this|it)|park (?:that|this)|a bit later|what I'm going to do|rabbit holes?|keeps? me honest|in these interviews|does that (?:plan )?(?:work|sound)|happy to adapt|iterate from there|summari[sz]e at the end|I want to (?:flag|be upfront)|how I like to)\b/i;
const BOILERPLATE =
  /\b(?:SOLID|separation of concerns|single responsibility|one responsibility|does one thing well|do one thing well|loosely coupled|loose coupling|clean architecture|design for failure|infrastructure as code|infrastructure is code|gitops|trunk[- ]based|test coverage|snowflake servers?|monitor everything|automate everything|(?:any|every) (?:other )?(?:production |critical |backend )?(?:service|system|backend|API) I(?:'ve)? (?:built|design(?:ed)?|apply)|(?:any|every) (?:other )?(?:production|critical platform|critical) service|general rule|the fundamentals|the basics|principles)\b/;

/**
 * Business talk instead of a design: vendors and their billing models, licences and contracts, build versus buy,
 * hiring and roadmap phases ("Datadog is priced per host", "quarter one, metrics for all services", "two backend
 * engineers and an SRE"). Figures in it are prices and headcounts, not sizing.
 */
const COMMERCE =
  /\b(?:vendors?|licen[cs](?:e|es|ed|ing)|procurement|negotiat\w*|enterprise (?:tier|plan|agreement|pricing|version|features)s?|managed (?:service|offering|product|route)s?|build (?:versus|vs\.?|or) buy|roadmap|(?:quarter|phase) (?:one|two|three|four)|year one|hir(?:e|es|ed|ing)|recruit\w*|headcount|consultancy|contractors?|bills? (?:per|by|for)|billed (?:per|by)|priced (?:per|by|similarly)|per-[\w-]+ pricing|pricing (?:is|tiers?|per|model)|(?<!skip )lock(?:ed)?[- ]in|list prices?|charges? (?:per|by|no)|cloud spend)\b/i;

/**
 * Process talk instead of a design: compliance regimes, audits and reviews, team rituals and success metrics for
 * leadership ("SOC 2 auditors will ask …", "quarterly access reviews", "blameless post-mortems", "OKRs with key
 * results", "a leadership dashboard"). It fits any system and shapes none.
 */
const PROCESS =
  /\b(?:GDPR|SOC ?2|HIPAA|ISO ?27001|CCPA|lawful basis|data protection impact|data processing agreements?|register of processing|data subjects?|penetration tests?|pen[- ]tests?|bug bount(?:y|ies)|access reviews?|security reviews?|auditors?|stand-?ups?|retrospectives?|blameless|post-?mortems?|planning (?:sessions?|meetings?)|sprints?|OKRs?|KPIs?|key results?|headline metrics?|success metrics?|leadership dashboards?|executives?|culture)\b/i;

/**
 * An analogy: the system as a railway station, a librarian, a town crier ("A WebSocket is like a doorbell", "Picture a
 * big station at eight in the morning", "Kafka, in this story, is …"). One analogy can explain; two or more make the
 * answer a story, and the paragraphs they open, apart from sentences that name several rubric terms, design nothing.
 */
const FIGURATIVE =
  /\b(?:(?:is|are|was|feels?|works?|acts?|behaves?) (?:just |really |a bit |much |exactly |rather |a little )?like (?:a|an|the|my|our)|(?:picture|imagine|think (?:also )?of) (?:a|an|the)|remind(?:s|ed)? (?:me|us|you) of|makes? me think of|analog(?:y|ies)|metaphors?|image of|guiding image|in this story|in my mind|to my mind|at heart|the same (?:kindness|instinct|courtesy))\b/i;
const ANALOGIES = 2;

/**
 * A glossary entry: a concept defined in general terms ("The outbox pattern is a technique in which a service …",
 * "Downsampling means reducing the resolution of older data", "A race condition happens when …"), said of no system
 * in particular. Whatever it names and whatever its example figures, it applies nothing to this question.
 */
const DEFINITION =
  /^\W*(?:(?:an?|the)\s+)?[\w/()' -]{1,60}?\b(?:means (?:that )?[a-z]+ing\b|means (?:the|a|an) (?:[\w-]+ ){0,2}?(?:share|fraction|percentage|time|amount|number|ability|property|practice|process|idea|way)\b|refers to|is defined as|is (?:an?|the) (?:[\w-]+ ){0,3}?(?:technique|pattern|strategy|approach|method|way|mechanism|algorithm|protocol|data structure|callback|operation|practice|property|measure|idea|concept|term|process)|is (?:an?|the) (?:[\w-]+ ){0,3}?(?:service|system|tool|share|fraction|percentage|time|amount|number|ratio|kind|type|form) (?:that|which|where|in which|of|for|it takes|a request takes)|is one (?:that|where|in which)|is when|happens when|occurs when|describes? (?:how|what|the|an?)|states that|says that)\b/i;
/**
 * Definitions from which an answer is a glossary: no development answer but a padded one has two (one is a candidate
 * making sure a term is understood); glossary padding has three to seven.
 */
const GLOSSARY_ENTRIES = 2;
/**
 * Share of an answer's sentences that are questions from which it is an interrogation: questions put to the
 * interviewer one after another, never answered by a decision. No development answer but a non-answer asks in more
 * than a third of its sentences; interrogation padding asks in more than four fifths.
 */
const INTERROGATION = 0.5;
/** An example in a definition ("for example 1, 2, 4 and 8 seconds") sizes nothing. */
const EXAMPLE = /\b(?:for example|for instance|e\.g\.|such as)\b/i;
/** The candidate's own design: a sentence in the first person, or about this system, defines nothing in general. */
const OWN = /\b(?:I|I'd|I'll|I'm|we|we'd|we'll|we're|our|us|my|here|this (?:system|design|service|question))\b/i;

/** A year ("proposed around 2000", "in the late 1990s") dates a story; it sizes nothing. */
const YEAR = /\b(?:19|20)\d\d(?:s\b)?/g;

/** Sentences shorter than this are headings and labels: they neither pad nor design. */
const SENTENCE_WORDS = 4;

/** Rubric terms at most in a filler sentence: one that names more is a design sentence with a word of emphasis. */
const FILLER_TERMS = 2;

/** Mostly a keyword list: at least four rubric terms in list lines, and no fewer than in the sentences that may earn credit. */
export function keywordList(answer: Pick<AnswerAnalysis, 'sentences' | 'credited'>): boolean {
  const listed = answer.sentences.filter((s) => s.listLike && !s.injected && !s.duplicate).reduce((n, s) => n + s.termCount, 0);
  const credited = answer.credited.reduce((n, s) => n + s.termCount, 0);
  return listed >= 4 && listed >= credited;
}

/** What an answer's filler is mostly made of, as the feedback names it ("an answer that is mostly …"). */
const FILLER_KINDS = {
  remarks: 'general remarks and options left open',
  business: 'vendors, prices, hiring and plans',
  process: 'compliance, team process and success metrics',
  definitions: 'definitions of terms',
  questions: 'questions left open',
  analogies: 'analogies',
} as const;
type FillerKind = keyof typeof FILLER_KINDS;

/** What an answer that is mostly filler is mostly made of: the kind, and its words for the feedback. */
export interface Padding {
  readonly kind: FillerKind;
  readonly words: (typeof FILLER_KINDS)[FillerKind];
}

export interface Filler {
  /** Share (0–1) of the answer's words in filler. */
  readonly share: number;
  /** The kind with the most of those words; null when there is none. */
  readonly mostly: FillerKind | null;
}

/**
 * The words of `sentences` (of `source`) in filler: a stock phrase in a sentence with at most two rubric terms and no
 * number, business or process talk, or two hedges in any sentence; and, past their counts, a glossary's definitions, an
 * interrogation's questions and the paragraphs of a story told in analogies.
 */
export function fillerOf(sentences: readonly AnalysedSentence[], source: string): Filler {
  let words = 0;
  const filler: Record<FillerKind, number> = { remarks: 0, business: 0, process: 0, definitions: 0, questions: 0, analogies: 0 };
  // Sentences that count only in numbers: definitions (a glossary), questions (an interrogation), analogies (a story).
  const glossary = { words: 0, sentences: 0 };
  const questions = { words: 0, sentences: 0 };
  const analogies = { sentences: 0, paragraphs: new Set<number>() };
  const storyWords: Array<{ paragraph: number; words: number }> = [];
  let counted = 0;
  let paragraph = 0;
  let previousEnd = 0;
  for (const s of sentences) {
    if (source.slice(previousEnd, s.start).includes('\n')) paragraph += 1;
    previousEnd = s.end;
    const n = s.tokenEnd - s.tokenStart;
    if (s.injected || s.duplicate || n < SENTENCE_WORDS) continue;
    words += n;
    counted += 1;
    const text = source.slice(s.start, s.end);
    const figures = s.hasNumber && /\d/.test(text.replace(YEAR, ''));
    const few = s.termCount <= FILLER_TERMS;
    const remarks = !figures && few && (FILLER.test(text) || META.test(text) || BOILERPLATE.test(text));
    if (few && COMMERCE.test(text)) {
      filler.business += n;
      continue;
    }
    if (few && PROCESS.test(text)) {
      filler.process += n;
      continue;
    }
    if (remarks || (!figures && LECTURE.test(text)) || PITCH.test(text) || hedges(text) >= HEDGES_TO_COMMIT_NOTHING) {
      filler.remarks += n;
      continue;
    }
    if (FIGURATIVE.test(text)) {
      analogies.sentences += 1;
      analogies.paragraphs.add(paragraph);
    }
    if (text.trimEnd().endsWith('?')) {
      questions.words += n;
      questions.sentences += 1;
    } else if (DEFINITION.test(text) && !OWN.test(text) && (!figures || EXAMPLE.test(text))) {
      glossary.words += n;
      glossary.sentences += 1;
    } else if (few) storyWords.push({ paragraph, words: n });
  }
  if (glossary.sentences >= GLOSSARY_ENTRIES) filler.definitions = glossary.words;
  if (counted > 0 && questions.sentences / counted >= INTERROGATION) filler.questions = questions.words;
  if (analogies.sentences >= ANALOGIES) {
    for (const s of storyWords) if (analogies.paragraphs.has(s.paragraph)) filler.analogies += s.words;
  }
  const kinds = Object.entries(filler) as [FillerKind, number][];
  const total = kinds.reduce((n, [, w]) => n + w, 0);
  const [most, mostWords] = kinds.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { share: words === 0 ? 0 : total / words, mostly: mostWords > 0 ? most : null };
}

const hedges = (text: string): number => text.match(HEDGE)?.length ?? 0;

/** The answer spends a quarter or more of its words on general remarks, open choices and the like. */
function mostlyFiller(credibility: Credibility): boolean {
  return credibility.filler.share >= FILLER_TO_DOUBT;
}

/** What an answer that is mostly filler is mostly made of ("analogies", "definitions of terms"), or null. */
export function paddingOf(credibility: Credibility): Padding | null {
  const kind = credibility.filler.mostly;
  return mostlyFiller(credibility) && kind !== null ? { kind, words: FILLER_KINDS[kind] } : null;
}

/**
 * `result` (a point judged on `said`, the sentences its evidence may come from) as far as the answer's credibility
 * carries it: covered stays covered unless the answer is mostly filler, or makes enough wrong claims that the point's
 * minimum of concepts is no longer enough, or is mostly a keyword list. Otherwise partial, with the reason
 * (`lacks.filler`, `lacks.doubted`); a point only begun in an answer that is mostly filler says so too.
 */
export function credited(point: CompiledKeyPoint, said: SentenceKeys, result: CoverageResult, credibility: Credibility): CoverageResult {
  if (result.status === 'missed') return result;
  // A point begun in such an answer is told what holds it back first: the talk around it, not a missing word.
  if (mostlyFiller(credibility)) return { ...result, status: 'partial', lacks: { reasoning: false, concepts: [], filler: true } };
  if (result.status !== 'covered') return result;
  const doubted = credibility.listed ? 'list' : credibility.wrongClaims >= WRONG_CLAIMS_TO_DOUBT ? 'wrong-claims' : null;
  if (doubted === null) return result;
  const stricter = judgeCoverage({ ...point.signals, minConcepts: point.signals.minConcepts + 1 }, said);
  return stricter.status === 'covered' ? result : { ...result, status: 'partial', lacks: { reasoning: false, concepts: [], doubted } };
}
