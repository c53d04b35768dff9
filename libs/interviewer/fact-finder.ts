import type { Question, ScenarioFact } from '#libs/content';
import { occurrences, stems, words as wordsOf } from './text-match.js';

/**
 * Words that say nothing about what is asked ("do we need to support…", "should I design for…", "strict",
 * "per"): a question's other words decide which fact it is about. Stems, as `stems` makes them.
 */
const UNINFORMATIVE = new Set(
  stems(
    `a an the and or but of to in on at for with by from as into about than then so if is are was were be been being am
     do does did done have has had can could should would will shall may might must need needs needed want wants
     we i you it this that these those there they them us our your my me he she his her its what whats how who whom which
     when where why any some all also just please ok okay thanks thank question questions quick one two few first
     support supported design designing build building system service assume assuming assumption expect expected
     know tell like allowed ok fine care consider plan planning go going make sure right now here many much
     should i we be able able kind thing things mean sorry again once more remind repeat said say number
     exactly roughly approximately about around strict strictly certain different specific particular exact real
     really actual actually other each every only main important typical usual general basic possible
     overall total current per across within between even still already yet either whether ever too`,
  ),
);

/** Terms about the scenario in general rather than a topic: alone, they half-answer a question. */
const GENERIC_TERMS = new Set(stems('scope requirement requirements constraint constraints feature features content data').map(String));

export interface FactMatch {
  fact: ScenarioFact;
  /** How much of the question the fact explains (see `factsFor`). */
  score: number;
}

interface CompiledScenario {
  facts: { fact: ScenarioFact; terms: { stems: string[]; weight: number }[]; termWords: Set<string>; answerWords: Set<string> }[];
  /** Every word of the prompt and the scenario: a name outside it ("SMS") is something the scenario never mentions. */
  vocabulary: Set<string>;
}

const compiled = new WeakMap<Question, CompiledScenario>();

function compile(question: Question): CompiledScenario {
  let found = compiled.get(question);
  if (found) return found;
  const prompt = new Set(stems(question.prompt));
  const answerWords = question.scenario.facts.map((f) => new Set(stems(f.answer).filter((w) => !UNINFORMATIVE.has(w) && !prompt.has(w))));
  // A word in the answers of several facts tells them apart no better than a prompt word does.
  const seen = new Map<string, number>();
  for (const words of answerWords) for (const w of words) seen.set(w, (seen.get(w) ?? 0) + 1);
  const vocabulary = new Set([...prompt, ...stems(question.title)]);
  const spread = new Map<string, number>();
  question.scenario.facts.forEach((f, i) => {
    for (const w of new Set([...f.terms.flatMap(stems), ...answerWords[i]!])) spread.set(w, (spread.get(w) ?? 0) + 1);
  });
  const facts = question.scenario.facts.map((fact, i) => {
    const terms = fact.terms.map((t) => {
      const s = stems(t);
      // One word the prompt uses and several facts share ("users", "notifications") is context, not topic.
      const weak = s.length === 1 && (GENERIC_TERMS.has(s[0]!) || (prompt.has(s[0]!) && (spread.get(s[0]!) ?? 0) >= 2));
      return { stems: s, weight: weak ? 0.5 : 1 };
    });
    for (const t of terms) for (const w of t.stems) vocabulary.add(w);
    for (const w of answerWords[i]!) vocabulary.add(w);
    // The telling words of its terms: "sorted" of "input sorted" answers "Sorted?".
    const termWords = new Set(terms.flatMap((t) => t.stems).filter((w) => !UNINFORMATIVE.has(w) && (spread.get(w) ?? 0) <= (prompt.has(w) ? 1 : 2)));
    return { fact, terms, termWords, answerWords: new Set([...answerWords[i]!].filter((w) => seen.get(w)! <= 2)) };
  });
  found = { facts, vocabulary };
  compiled.set(question, found);
  return found;
}

/** "How many users, and how many are online at once?" asks two things: each clause gets its own fact. */
const CLAUSE_BREAK = /,?\s+(?:and|or|also|plus)\s+(?=(?:how|what|which|who|when|where|why|do|does|is|are|can|could|should|will|would|must)\b)/i;

/**
 * The scenario facts one question asks about, in order (one per clause, or two when they explain it
 * equally well). A fact explains a question word when one of its terms covers it (1, or ½ for a one-word
 * term that is generic, like "scope", or that the prompt itself uses, like "users"), when it is a telling
 * word of one of its terms (½: "Sorted?" and "input sorted"), or a rare word of its answer (¼, only beside
 * the terms' evidence). A clause is answered by the fact that explains most of it,
 * when that is 1 or more, or ½ with nothing left unexplained. A question that names something the
 * scenario never mentions ("Is SMS in scope?", "Is Twilio allowed?") needs 1½ to be answered: otherwise it
 * is about that thing, and the candidate's call.
 */
export function factsFor(questionText: string, question: Question): FactMatch[] {
  const out: FactMatch[] = [];
  for (const clause of questionText.split(CLAUSE_BREAK)) {
    for (const match of clauseFacts(clause, question)) if (!out.some((m) => m.fact.id === match.fact.id)) out.push(match);
  }
  return out.slice(0, 3);
}

function clauseFacts(clause: string, question: Question): FactMatch[] {
  const words = wordsOf(clause);
  const seq = words.map((w) => w.stem);
  const { facts, vocabulary } = compile(question);
  const informative: number[] = [];
  words.forEach((w, i) => {
    if (!UNINFORMATIVE.has(w.stem) && !/^\d/.test(w.stem)) informative.push(i);
  });
  const named = (i: number) => i > 0 && /[A-Z]/.test(words[i]!.raw) && words[i]!.raw !== 'I';
  const namesUnknown = informative.some((i) => named(i) && !vocabulary.has(words[i]!.stem));
  const matches: FactMatch[] = [];
  for (const { fact, terms, termWords, answerWords } of facts) {
    const hit = new Map<number, number>();
    for (const term of terms) {
      for (const start of occurrences(seq, term.stems)) {
        for (let k = 0; k < term.stems.length; k++) hit.set(start + k, Math.max(hit.get(start + k) ?? 0, term.weight));
      }
    }
    let score = 0;
    let unexplained = 0;
    let fromTerms = false;
    for (const i of informative) {
      const term = hit.get(i) ?? (termWords.has(seq[i]!) ? 0.5 : 0);
      const weight = term || (answerWords.has(seq[i]!) ? 0.25 : 0);
      fromTerms ||= term > 0;
      score += weight;
      if (weight === 0) unexplained++;
    }
    if (!fromTerms) continue; // the answer's words only ever add to its terms' evidence
    if (namesUnknown && score < 1.5) continue;
    if (score >= 1 || (score >= 0.5 && unexplained === 0)) matches.push({ fact, score });
  }
  if (matches.length === 0) return [];
  const best = Math.max(...matches.map((m) => m.score));
  return matches.filter((m) => m.score === best).slice(0, 2);
}
