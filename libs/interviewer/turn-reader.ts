import type { TurnKind } from '#libs/protocol';

/** How the interviewer reads one candidate turn. */
export interface TurnReading {
  kind: TurnKind;
  /** The questions the turn asks, in order (sentences), for the interviewer to answer. */
  questions: string[];
  /**
   * Questions put to the interviewer ("Do we…?", "Is 99.99% the target?", "How many…?", "Can I assume…"):
   * answered even in an answer turn. Other questions inside an answer ("What happens if the broker dies?")
   * are the candidate thinking aloud.
   */
  asks: string[];
}

const INTERROGATIVE =
  /^(?:what|what's|whats|how|who|whom|which|when|where|why|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|must|any|have|has)\b/i;
const ASK =
  /^(?:(?:and|also|so|ok|okay|then|but)[, ]+)?(?:do|does|did|should|shall|can|could|may|must|is|are|was|were|will|would|have|has)\b|^(?:any|what(?:'s| is| are) (?:the|our|your|a|an|in|out)|how (?:many|much|big|large|fast|long|often|quickly))\b/i;
const ASK_PHRASE =
  /\b(?:can you tell me|could you tell me|i'?d like to know|i want to know|i'?m wondering|i wonder|quick question|one question|can i assume|may i assume|should i assume|do you want me to)\b/i;
const MOVE_ON =
  /^(?:(?:ok(?:ay)?|alright|right|so|i think|i'?m done[^.]*?|that'?s (?:all|it)[^.]*?)[,.!\s]+)*(?:(?:let'?s|can we|could we|shall we|i'?d like to|i want to|please)\s+)?(?:move on|go on|continue|proceed|skip (?:this|ahead|to)|go to the next|next (?:phase|part|section|step|question))\b/i;
const DONT_KNOW =
  /\b(?:i (?:really |honestly )?(?:don'?t|do not) know|no idea|not sure|i'?m not familiar|never (?:used|worked with|heard of)|i have no clue|no clue|i can'?t (?:remember|recall)|i'?m stuck|i pass|pass on this)\b/i;
/** A sentence that proposes a design or a step: what makes a turn with questions in it an answer. */
const PROPOSAL =
  /\b(?:i'?d(?! like)|i would|i will|i'?ll|i'?m (?:going|thinking|planning)|i plan|i propose|we'?d|we would|we will|we'?ll|we can|we could|my (?:approach|plan|idea|design)|so|because|then|dominates|o\(\w)/i;
/** Sentences that neither answer nor ask: "A few questions first:", "Thanks.", "Got it." */
const NEUTRAL =
  /^(?:(?:ok(?:ay)?|thanks?(?: you)?|great|sure|cool|got it|makes sense|understood|alright|right|perfect|good|nice|i see)[\s,.!]*)+$|\b(?:questions?|clarif\w*)\b.*[:.]?$/i;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A turn's sentences: split after . ! ? and at line breaks; list markers dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((s) => s.length > 0);
}

function isQuestion(sentence: string): boolean {
  if (sentence.endsWith('?')) return true;
  return (INTERROGATIVE.test(sentence) || ASK_PHRASE.test(sentence)) && words(sentence) <= 20 && !sentence.includes(':') && !/\.$/.test(sentence);
}

/** A question after a short lead-in ("Before I design anything: are refunds in scope?"): the part after the colon. */
function afterLeadIn(sentence: string): string {
  return sentence.replace(/^[^:?]{1,60}:\s*/, '');
}

function isNeutral(sentence: string): boolean {
  return words(sentence) <= 8 && NEUTRAL.test(sentence);
}

/**
 * Reads a candidate turn: a message made only of questions (and "thanks"/"a few questions:" asides) is a
 * `question`; a short request to move on is `move-on`; a short "I don't know" is `dont-know`; anything
 * else is an `answer`, which may still ask the interviewer something. `intent: 'question'` (the client's
 * "Ask" button) makes it a question whatever its form.
 */
export function readTurn(text: string, intent?: 'answer' | 'question'): TurnReading {
  const all = sentences(text);
  const questions = all.filter(isQuestion);
  const asks = questions.filter((q) => ASK.test(q) || ASK.test(afterLeadIn(q)) || ASK_PHRASE.test(q));
  if (intent === 'question')
    return { kind: 'question', questions: questions.length ? questions : [text.trim()], asks: questions.length ? questions : [text.trim()] };
  const total = words(text);
  if (total <= 16 && MOVE_ON.test(text.trim())) return { kind: 'move-on', questions: [], asks: [] };
  // Questions with a little context ("Can it be open source? I had to coordinate with two projects.") are
  // questions; a proposal ("I'd sort the starts. Is a session open at its end?") makes the turn an answer.
  const context = all.filter((s) => !isQuestion(s) && !isNeutral(s));
  const contextOnly = context.every((s) => !PROPOSAL.test(s)) && words(context.join(' ')) <= 20;
  if (questions.length > 0 && contextOnly) return { kind: 'question', questions, asks: questions };
  if (total <= 25 && DONT_KNOW.test(text)) return { kind: 'dont-know', questions, asks };
  return { kind: 'answer', questions, asks };
}
