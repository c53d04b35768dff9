import { fileURLToPath } from 'node:url';
import { type ContentBundle, loadContent } from '#libs/content';
import { anchorCorrectness, CodeAnchoredGrader, correctnessFromTests } from './code-correctness.js';
import type { CodeEvidence } from './grader.port.js';
import { RubricGrader } from './rubric.grader.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(anchorCorrectness.name, () => {
  let bundle: ContentBundle;
  beforeAll(async () => {
    bundle = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });

  const code = (passed: number, total = 6): CodeEvidence => ({
    language: 'python',
    code: 'def f(): pass',
    status: passed === total ? 'PASSED' : 'FAILED',
    visible: { passed: 2, total: 2 },
    hidden: { passed, total },
  });

  it('maps the hidden pass rate to a score, and nothing submitted to none', () => {
    expect([6, 5, 3, 2, 0].map((p) => correctnessFromTests({ passed: p, total: 6 }))).toEqual([4, 3, 2, 1, 1]);
    expect(correctnessFromTests({ passed: 0, total: 0 })).toBeNull();
  });

  it('replaces the words-based correctness with the computed one and recomputes the overall', () => {
    const question = bundle.questions.get('lru-cache')!;
    const role = bundle.roles.get(question.role)!;
    const input = {
      question,
      questionVersion: question.version,
      role,
      phaseId: 'implement',
      history: [],
      answer: 'I will use a hash map from key to node plus a doubly linked list, because both operations must be O(1).',
      promptVersion: 'p',
    };
    const words = new RubricGrader().gradeSync(input);
    const sut = (evidence: CodeEvidence) => anchorCorrectness(words, evidence, input);
    const all = sut(code(6));
    const none = sut(code(0));
    expect(all.dimensions.find((d) => d.id === 'correctness')).toMatchObject({ score: 4, reason: expect.stringContaining('6 of 6 hidden tests') });
    expect(none.dimensions.find((d) => d.id === 'correctness')?.score).toBe(1);
    expect(all.overall).toBeGreaterThan(none.overall);
    // Other dimensions are the grader's own.
    expect(all.dimensions.filter((d) => d.id !== 'correctness')).toEqual(words.dimensions.filter((d) => d.id !== 'correctness'));
    expect(anchorCorrectness(words, code(0, 0), input)).toBe(words);
  });
});

describe(CodeAnchoredGrader.name, () => {
  let bundle: ContentBundle;
  beforeAll(async () => {
    bundle = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });

  it('drops the below-band reason written for a score the tests then replaced', async () => {
    const question = bundle.questions.get('lru-cache')!;
    const input = {
      question,
      questionVersion: question.version,
      role: bundle.roles.get(question.role)!,
      phaseId: 'test',
      scope: 'phase' as const,
      history: [],
      answer: 'I would test eviction order, updating an existing key, a get of a missing key and capacity 1.',
      promptVersion: 'p',
    };
    const words = new RubricGrader().gradeSync(input);
    expect(words.feedback.improvements.some((l) => l.startsWith('Correctness is at 1 of 4'))).toBe(true);
    const passing: CodeEvidence = {
      language: 'python',
      code: 'def f(): pass',
      status: 'PASSED',
      visible: { passed: 2, total: 2 },
      hidden: { passed: 6, total: 6 },
    };
    const sut = await new CodeAnchoredGrader(new RubricGrader()).grade({ ...input, code: passing });
    expect(sut.dimensions.find((d) => d.id === 'correctness')?.score).toBe(4);
    expect(sut.feedback.improvements.some((l) => l.startsWith('Correctness is at'))).toBe(false);
  });
});
