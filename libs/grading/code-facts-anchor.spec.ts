import { fileURLToPath } from 'node:url';
import { type ContentBundle, loadContent } from '#libs/content';
import type { CodeComplexityFacts, CodeQualityFacts } from '#libs/protocol';
import { anchorCodeFacts } from './code-facts-anchor.js';
import { gradeSchema } from './grade.schema.js';
import type { CodeEvidence, GradeInput } from './grader.port.js';
import { RubricGrader } from './rubric.grader.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const quality = (score: CodeQualityFacts['score'], findings: string[] = []): CodeQualityFacts => ({
  functions: [{ name: 'lruCacheOperations', line: 1, lines: 18, maxDepth: 3 }],
  longestFunction: { name: 'lruCacheOperations', lines: 18 },
  maxNesting: 3,
  namingIssues: [],
  deadCode: [],
  duplicatedLines: 0,
  score,
  findings,
});
const complexity = (contradicts: boolean): CodeComplexityFacts => ({
  required: 'O(1)',
  measured: contradicts ? 'O(n)' : 'O(1)',
  operation: 'put/get',
  per: 'operation',
  points: [
    { n: 2500, ms: 1 },
    { n: 20000, ms: contradicts ? 50 : 8.5 },
  ],
  confident: true,
  contradicts,
  note: contradicts
    ? 'The time per put/get grew linearly with n (8× the operations took 50× as long), steeper than the required O(1).'
    : 'The time per put/get stayed flat as n grew.',
  summary: `measured ${contradicts ? 'O(n)' : 'O(1)'} per put/get (required O(1))`,
});
const code = (facts: CodeEvidence['facts'], hiddenPassed = 6): CodeEvidence => ({
  language: 'javascript',
  code: 'function lruCacheOperations() {}',
  status: 'PASSED',
  visible: { passed: hiddenPassed > 0 ? 2 : 0, total: 2 },
  hidden: { passed: hiddenPassed, total: 6 },
  ...(facts ? { facts } : {}),
});

describe(anchorCodeFacts.name, () => {
  let bundle: ContentBundle;
  beforeAll(async () => {
    bundle = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });
  const input = (phaseId: string, answer: string): GradeInput => {
    const question = bundle.questions.get('lru-cache')!;
    return { question, questionVersion: question.version, role: bundle.roles.get(question.role)!, phaseId, history: [], answer, promptVersion: 'p' };
  };

  it('scores code quality from the static analysis, with its findings as the reason', () => {
    const i = input('implement', 'I keep a Map because it remembers insertion order, so deleting and re-inserting a key makes it the most recent.');
    const words = new RubricGrader().gradeSync(i);
    const clean = anchorCodeFacts(words, code({ quality: quality(4), complexity: null, missing: [] }), i);
    expect(clean.dimensions.find((d) => d.id === 'code-quality')).toEqual({
      id: 'code-quality',
      score: 4,
      reason: expect.stringContaining('from a static analysis of the submitted javascript code'),
    });
    const messy = anchorCodeFacts(
      words,
      code({
        quality: quality(2, ['`put` is 48 lines long (line 12): split it into helpers that each do one step.']),
        complexity: null,
        missing: [],
      }),
      i,
    );
    expect(messy.dimensions.find((d) => d.id === 'code-quality')).toMatchObject({
      score: 2,
      reason: expect.stringContaining('`put` is 48 lines long'),
    });
    expect(messy.feedback.improvements[0]).toBe('In your code: `put` is 48 lines long (line 12): split it into helpers that each do one step.');
    expect(clean.overall).toBeGreaterThan(messy.overall);
    expect(gradeSchema.safeParse(messy).success).toBe(true);
    // A stub that passes nothing is clean by every check: its quality is not anchored.
    expect(anchorCodeFacts(words, code({ quality: quality(4), complexity: null, missing: [] }, 0), i)).toBe(words);
    expect(anchorCodeFacts(words, code(undefined), i)).toBe(words);
  });

  it('does not let a complexity claim stand as covered when the measured growth contradicts it', () => {
    const i = input(
      'complexity-trade-offs',
      'Both get and put are O(1) average time because each does a constant number of hash map lookups and pointer updates, and memory is O(capacity). The list must be doubly linked because the prev pointer lets us unlink a node in constant time; a singly linked list would have to walk to the predecessor.',
    );
    const words = new RubricGrader().gradeSync(i);
    expect(words.keyPoints.find((k) => k.id === 'constant-time-analysis')?.status).toBe('covered');
    const sut = anchorCodeFacts(words, code({ quality: quality(4), complexity: complexity(true), missing: [] }), i);
    expect(sut.keyPoints.find((k) => k.id === 'constant-time-analysis')).toMatchObject({
      status: 'partial',
      note: expect.stringContaining('grew linearly with n (8× the operations took 50× as long)'),
    });
    expect(sut.dimensions.find((d) => d.id === 'complexity')).toMatchObject({
      score: expect.any(Number),
      reason: expect.stringContaining('Capped at 2 by timing the submitted code'),
    });
    expect(sut.dimensions.find((d) => d.id === 'complexity')!.score).toBeLessThanOrEqual(2);
    expect(sut.feedback.improvements[0]).toMatch(/^Your code does not yet meet the required O\(1\) per put\/get/);
    // The words' strength for that point is withdrawn: the feedback must not praise what the code contradicts.
    const label = `‘${i.question.keyPoints.find((k) => k.id === 'constant-time-analysis')!.text}’`;
    expect(words.feedback.strengths.some((s) => s.includes(label))).toBe(true);
    expect(sut.feedback.strengths.some((s) => s.includes(label))).toBe(false);
    expect(gradeSchema.safeParse(sut).success).toBe(true);
    // A measurement that agrees changes no status and only adds itself to the reason.
    const agreed = anchorCodeFacts(words, code({ quality: null, complexity: complexity(false), missing: [] }), i);
    expect(agreed.keyPoints).toEqual(words.keyPoints);
    expect(agreed.dimensions.find((d) => d.id === 'complexity')).toMatchObject({
      score: words.dimensions.find((d) => d.id === 'complexity')!.score,
      reason: expect.stringContaining('(Measured by the server: measured O(1) per put/get (required O(1)).)'),
    });
    // Noisy timings decide nothing.
    const noisy = anchorCodeFacts(
      words,
      code({ quality: null, complexity: { ...complexity(true), confident: false, contradicts: false }, missing: [] }),
      i,
    );
    expect(noisy).toBe(words);
  });
});
