/**
 * How feedback sentences mark what they cite, the same for every grader: the candidate's own words sit in
 * double curly quotes (“…”, an excerpt of their text, checkable against it), a rubric text in single ones
 * (‘…’, a label, never spliced into a sentence's grammar).
 */

/** A quote short enough to read in a sentence: its first words, cut at a word, marked with … when cut. */
function excerpt(quote: string, max = 140): string {
  const text = quote.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > 40 ? cut : max).replace(/[,;:]$/, '')}…`;
}

/** The candidate's words, as cited in feedback (`max`: longer for a claim that is corrected, whose end may be the point). */
export const said = (quote: string, max?: number): string => `“${excerpt(quote, max)}”`;

/** A rubric text (key point, mistake), as cited in feedback. */
export const label = (text: string): string => `‘${text.trim()}’`;

/** The candidate quotes a feedback line cites, without the excerpt's trailing ellipsis. */
export function citedQuotes(line: string): string[] {
  return [...line.matchAll(/“([^”]*)”/g)].map((m) => (m[1] ?? '').replace(/…$/, '').trim()).filter((q) => q !== '');
}

/** Whether a cited quote is the candidate's text (whitespace-insensitive, as `excerpt` folds it). */
export function quoteOccursIn(quote: string, texts: readonly string[]): boolean {
  const needle = quote.replace(/\s+/g, ' ').trim();
  return texts.some((t) => t.replace(/\s+/g, ' ').includes(needle));
}

/** Up to three items as words: "a", "a or b", "a, b or c" (the rest left out). */
export function listOf(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  const shown = items.slice(0, 3);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown.at(-1)}`;
}
