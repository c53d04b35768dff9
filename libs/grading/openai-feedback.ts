import { locateQuote } from './evidence-verifier.js';
import { said } from './feedback-text.js';
import type { Feedback } from './grade.schema.js';
import type { OpenAiReply } from './openai-grade.schema.js';
import { clip } from './openai-reply.js';

export interface GroundedFeedback {
  readonly feedback: Feedback;
  /** Feedback quotes that are nowhere in the candidate's text, phrased for a repair request. */
  readonly invented: string[];
}

/**
 * The model's structured feedback as the grade's sentences, each strength and each quoted improvement anchored
 * on the candidate's words: a quote is relocated to the exact text it stands for, or, when it is nowhere in the
 * candidate's text, reported (for the repair request) and dropped — a strength with nothing to stand on goes
 * with it, an improvement keeps its advice without the quote.
 */
export function groundFeedback(reply: OpenAiReply['feedback'], candidateText: readonly string[]): GroundedFeedback {
  const invented: string[] = [];
  const anchor = (quote: string | null, where: string): string | null => {
    const trimmed = quote?.trim() ?? '';
    if (trimmed === '') return null;
    const exact = locateQuote(trimmed, candidateText);
    if (exact === undefined)
      invented.push(`feedback.${where}: the quote ${JSON.stringify(clip(trimmed))} is not an exact excerpt of the candidate's text: copy it exactly`);
    return exact ?? null;
  };
  const strengths = reply.strengths.flatMap((s, i) => {
    const quote = anchor(s.quote, `strengths[${i}].quote`);
    const why = sentence(s.why);
    return quote && why ? [`${said(quote)}: ${why}`] : [];
  });
  const improvements = reply.improvements.flatMap((s, i) => {
    const quote = anchor(s.quote, `improvements[${i}].quote`);
    const advice = [sentence(s.gap), sentence(s.stronger)].filter((x) => x !== '').join(' ');
    if (advice === '') return [];
    return [quote ? `${said(quote)}: ${advice}` : advice];
  });
  const nextToStudy = reply.nextToStudy.map((t) => t.trim()).filter((t) => t !== '');
  return { feedback: { strengths: unique(strengths), improvements: unique(improvements), nextToStudy: unique(nextToStudy) }, invented };
}

/** Trimmed, ending in a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

const unique = (items: string[]) => [...new Set(items)];
