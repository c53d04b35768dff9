/** A block of lines that repeats an earlier one (line numbers 1-based, counted in meaningful lines). */
export interface RepeatedBlock {
  line: number;
  endLine: number;
  firstLine: number;
  length: number;
}

/** Lines with no content of their own: brackets, `else`, bare keywords; they never make a block a repeat. */
const TRIVIAL = /^([{}()[\];,]+|\}?\s*else\s*\{?|else:|try:|finally:|pass|return;?|break;?|continue;?|"""|''')$/;
const COMMENT: Record<'python' | 'javascript', RegExp> = { python: /^#/, javascript: /^(\/\/|\/\*|\*)/ };
/** A repeat shorter than this many characters is a coincidence of short lines, not copied code. */
const MIN_CHARS = 40;

/**
 * Copy-pasted blocks: runs of at least `minLines` meaningful lines (whitespace-normalised; blank, comment and
 * bracket-only lines skipped) that already appeared earlier in the file, not overlapping their original. Text
 * only, no parsing: the same for every language.
 */
export function findRepeatedBlocks(
  code: string,
  language: 'python' | 'javascript',
  minLines = 3,
): { duplicatedLines: number; blocks: RepeatedBlock[] } {
  const lines = code
    .split('\n')
    .map((text, i) => ({ text: text.trim().replace(/\s+/g, ' '), line: i + 1 }))
    .filter((l) => l.text && !COMMENT[language].test(l.text) && !TRIVIAL.test(l.text));
  const firstAt = new Map<string, number>();
  const blocks: RepeatedBlock[] = [];
  let duplicatedLines = 0;
  for (let i = 0; i + minLines <= lines.length; i++) {
    const key = lines
      .slice(i, i + minLines)
      .map((l) => l.text)
      .join('\n');
    const j = firstAt.get(key);
    if (j === undefined) {
      firstAt.set(key, i);
      continue;
    }
    if (j + minLines > i || key.length < MIN_CHARS) continue;
    let length = minLines;
    while (i + length < lines.length && j + length < i && lines[j + length]!.text === lines[i + length]!.text) length++;
    blocks.push({ line: lines[i]!.line, endLine: lines[i + length - 1]!.line, firstLine: lines[j]!.line, length });
    duplicatedLines += length;
    i += length - 1;
  }
  return { duplicatedLines, blocks };
}
