import type { Question } from '#libs/content';
import type { DiagramFinding } from '#libs/diagram';
import { label } from './feedback-text.js';

/** Board elements are cited like rubric labels (‘…’): they are not the candidate's written words, so no “…”. */
const element = (text: string): string => `‘${text.replace(/\s+/g, ' ').trim()}’`;

/**
 * An improvement for each structural problem the board shows (one per check, the first place it shows), quoting the
 * elements and naming the mistake or key point it bears on.
 */
export function boardFindingLines(findings: readonly DiagramFinding[], question: Question): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of findings) {
    if (seen.has(f.check)) continue;
    seen.add(f.check);
    const about = f.mistake
      ? question.commonMistakes.find((m) => m.id === f.mistake)?.text
      : question.keyPoints.find((k) => k.id === f.keyPoint)?.text;
    lines.push(`On your board, ${element(f.text)}: ${f.message.trim().replace(/\.$/, '')}${about ? ` (see ${label(about)})` : ''}.`);
  }
  return lines;
}
