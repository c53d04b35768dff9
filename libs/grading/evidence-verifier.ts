import { verifyBoardEvidence } from './board-evidence.js';
import type { BoardReading } from './board-reading.js';
import type { DiagramEvidenceGrade } from './diagram-evidence.schema.js';
import type { Grade } from './grade.schema.js';
import { FoldedText } from './text-normaliser.js';

interface EvidenceRepair {
  /** Where in the grade, e.g. `keyPoints[1].evidence[0]` or `keyPoints[1].status`. */
  readonly path: string;
  readonly action: 'relocated' | 'dropped' | 'downgraded';
  readonly before: string;
  readonly after?: string;
}

export interface VerifiedEvidence {
  readonly grade: Grade;
  readonly repairs: readonly EvidenceRepair[];
  /** Quotes found verbatim or relocated to the exact original substring. */
  readonly verified: number;
  /** Quotes that are nowhere in the candidate's text (dropped). */
  readonly invented: number;
}

/**
 * Makes every evidence quote a verbatim substring of the candidate's text. A quote that
 * differs only in whitespace, case, typographic punctuation or look-alike letters is
 * relocated to the exact original substring; anything else is dropped. A key point left
 * "covered" with no quote is downgraded (to `missed` when its quotes were invented, to
 * `partial` when it never had one), and a mistake whose only quotes were invented is
 * cleared, so no grade is stored on the strength of a quote the candidate never wrote.
 * Any dropped quote adds `low_confidence`.
 * Board evidence (`diagramEvidence`) is checked against the board the answer was graded with: an element that is
 * not on it (or was left out as addressed to the grader) is dropped like an invented quote. A covered point held up
 * by the board alone is `partial`: boxes and arrows show structure, the words the reasons. A mistake's board evidence
 * is checked the same way; a present mistake left with neither quotes nor elements, after dropping some, is cleared.
 */
export function verifyEvidence(grade: Grade, candidateText: string | readonly string[], board: BoardReading | null = null): VerifiedEvidence {
  const sources = (typeof candidateText === 'string' ? [candidateText] : candidateText).map(compactOf);
  const repairs: EvidenceRepair[] = [];
  let verified = 0;
  let invented = 0;

  const check = (quotes: readonly string[], path: string): { kept: string[]; dropped: number } => {
    const kept: string[] = [];
    let dropped = 0;
    quotes.forEach((quote, i) => {
      const exact = locate(quote, sources);
      if (exact === undefined) {
        dropped++;
        invented++;
        repairs.push({ path: `${path}[${i}]`, action: 'dropped', before: quote });
        return;
      }
      verified++;
      if (exact !== quote) repairs.push({ path: `${path}[${i}]`, action: 'relocated', before: quote, after: exact });
      if (!kept.includes(exact)) kept.push(exact);
    });
    return { kept, dropped };
  };

  const checkBoard = (evidence: readonly DiagramEvidenceGrade[] | undefined, path: string): { kept: DiagramEvidenceGrade[]; dropped: number } => {
    const onBoard = verifyBoardEvidence(evidence, board);
    for (let i = 0; i < onBoard.dropped; i++) {
      invented++;
      repairs.push({ path, action: 'dropped', before: 'elements that are not on the board' });
    }
    return onBoard;
  };

  const keyPoints = grade.keyPoints.map((kp, k) => {
    const { kept, dropped } = check(kp.evidence, `keyPoints[${k}].evidence`);
    const onBoard = checkBoard(kp.diagramEvidence, `keyPoints[${k}].diagramEvidence`);
    const { diagramEvidence: _cited, ...rest } = kp;
    const verifiedPoint = { ...rest, evidence: kept, ...(onBoard.kept.length > 0 ? { diagramEvidence: onBoard.kept } : {}) };
    if (kp.status !== 'covered' || kept.length > 0) return verifiedPoint;
    const status = dropped > 0 && onBoard.kept.length === 0 ? 'missed' : 'partial';
    repairs.push({ path: `keyPoints[${k}].status`, action: 'downgraded', before: 'covered', after: status });
    return { ...verifiedPoint, status } as const;
  });
  const mistakes = grade.mistakes.map((m, k) => {
    const { kept, dropped } = check(m.evidence, `mistakes[${k}].evidence`);
    const onBoard = checkBoard(m.diagramEvidence, `mistakes[${k}].diagramEvidence`);
    const { diagramEvidence: _shown, ...rest } = m;
    const verifiedMistake = { ...rest, evidence: kept, ...(onBoard.kept.length > 0 ? { diagramEvidence: onBoard.kept } : {}) };
    if (m.status !== 'present' || kept.length > 0 || onBoard.kept.length > 0 || dropped + onBoard.dropped === 0) return verifiedMistake;
    repairs.push({ path: `mistakes[${k}].status`, action: 'downgraded', before: 'present', after: 'absent' });
    return { ...verifiedMistake, status: 'absent' } as const;
  });
  const flags = invented > 0 && !grade.flags.includes('low_confidence') ? [...grade.flags, 'low_confidence' as const] : grade.flags;
  return { grade: { ...grade, keyPoints, mistakes, flags }, repairs, verified, invented };
}

/** The exact substring of the candidate's texts a quote stands for (see `verifyEvidence`), or undefined. */
export function locateQuote(quote: string, candidateText: readonly string[]): string | undefined {
  return locate(quote, candidateText.map(compactOf));
}

interface Compact {
  readonly folded: FoldedText;
  /** Folded text without whitespace, and each character's index in the folded text. */
  readonly text: string;
  readonly at: readonly number[];
}

function compactOf(source: string): Compact {
  const folded = FoldedText.of(source);
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < folded.text.length; i++) {
    const ch = folded.text[i] ?? '';
    if (/\s/.test(ch)) continue;
    // I and l share glyphs; a model may have "corrected" either, so they compare equal.
    text += ch === '\ue000' || ch === 'l' ? 'i' : ch;
    at.push(i);
  }
  return { folded, text, at };
}

/** The exact original substring a quote stands for, or undefined if it is not there. */
function locate(quote: string, sources: readonly Compact[]): string | undefined {
  for (const s of sources) if (quote.length > 0 && s.folded.source.includes(quote)) return quote;
  // Models wrap quotes in quotation marks or ellipses; those are not the candidate's words.
  const trimmed = quote
    .trim()
    .replace(/^(?:["'“”‘’«»]|\.\.\.|…)+|(?:["'“”‘’«»]|\.\.\.|…)+$/g, '')
    .trim();
  const needle = compactOf(trimmed).text;
  if (needle.length < 3) return undefined;
  for (const s of sources) {
    const at = s.text.indexOf(needle);
    if (at === -1) continue;
    const from = s.at[at] ?? 0;
    const to = s.at[at + needle.length - 1] ?? from;
    return s.folded.sourceSlice(from, to + 1);
  }
  return undefined;
}
