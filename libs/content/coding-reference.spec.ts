import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadContent } from './content.loader.js';
import type { CodingQuestion, TestCase } from './content.schema.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Multiset comparison of the top-level array for `comparison: unordered`. */
function matches(question: CodingQuestion, actual: unknown, expected: TestCase['expected']): boolean {
  if (question.comparison === 'exact' || !Array.isArray(actual) || !Array.isArray(expected)) {
    return isDeepStrictEqual(actual, expected);
  }
  const key = (v: unknown) => JSON.stringify(v);
  return isDeepStrictEqual(actual.map(key).sort(), expected.map(key).sort());
}

// The reference solutions exist to prove the test data right: if a hidden test's expected
// value were wrong, candidates would be failed by our mistake.
describe('coding questions', () => {
  it('pass all their visible and hidden tests with the JavaScript reference solution', async () => {
    const bundle = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
    const coding = [...bundle.questions.values()].filter((q): q is typeof q & CodingQuestion => q.kind === 'coding');
    expect(coding.length).toBeGreaterThanOrEqual(6);
    const failures: string[] = [];
    for (const question of coding) {
      const entry = question.signature.entryPoint.javascript;
      const solve = new Function(`${question.referenceSolution.javascript}\nreturn ${entry};`)() as (...args: unknown[]) => unknown;
      for (const test of [...question.tests.visible, ...question.tests.hidden]) {
        const actual = solve(...structuredClone(test.args));
        if (!matches(question, actual, test.expected)) failures.push(`${question.id}: ${test.name}`);
      }
      expect(question.starterCode.javascript).toContain(`function ${entry}(`);
      expect(question.starterCode.python).toContain(`def ${question.signature.entryPoint.python}(`);
    }
    expect(failures).toEqual([]);
  });
});
