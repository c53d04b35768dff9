/**
 * Candidate and interviewer text is data: it goes into a fenced block whose fence is longer than any run of
 * backticks in it, so it cannot close the fence, start a heading, or carry HTML that a renderer would honour
 * (CommonMark renders a fenced block's content literally).
 */
export function fenced(text: string): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** One line of untrusted text inside Markdown prose: Markdown punctuation and HTML escaped, line breaks folded. */
export function inline(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1');
}

/** Prose with paragraphs (blank-line separated, hard-wrapped inside): one escaped line per paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => [inline(p), '']);
}

/** The AI's value, and the coach's beside it when a coach corrected it. */
export const side = (ai: unknown, corrected: unknown) =>
  corrected === undefined ? `${String(ai)}` : `${String(ai)} → **${String(corrected)}** (coach)`;
