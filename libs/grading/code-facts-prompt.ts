import type { CodeFacts } from '#libs/protocol';

/**
 * The server's code facts for the grader prompt's trusted section. Built from numbers and content-defined text
 * only: nothing from the candidate's code (names, parser messages) leaves <candidate_code>.
 */
export function formatCodeFacts(facts: CodeFacts | undefined): string {
  if (!facts) return '';
  const lines: string[] = [];
  const q = facts.quality;
  if (q) {
    const longest = q.longestFunction ? `longest function ${q.longestFunction.lines} lines` : 'no function';
    lines.push(
      `Static analysis of the submitted code (code-quality is anchored on its score): ${q.score}/4; ${longest}; deepest nesting ${q.maxNesting}; ${q.namingIssues.length} naming issue(s); ${q.deadCode.length} dead-code item(s); ${q.duplicatedLines} repeated line(s).`,
    );
  }
  const c = facts.complexity;
  if (c) {
    const points = c.points.map((p) => `n=${p.n}: ${p.ms} ms`).join(', ');
    const verdict = c.contradicts
      ? 'it contradicts the required class'
      : c.confident
        ? 'it does not contradict the required class'
        : 'the timings were not conclusive';
    lines.push(`Measured complexity (the server timed the submitted code on generated inputs): ${c.summary}; ${verdict}. Fastest times: ${points}.`);
  }
  if (facts.missing.length > 0)
    lines.push(`Not measured: ${facts.missing.length === 1 ? 'one fact' : 'some facts'} could not be computed for this submission.`);
  return lines.join('\n');
}
