import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import type { Grade } from '../grade.schema.js';
import type { GradeInput, Grader } from '../grader.port.js';
import { RubricGrader } from '../rubric.grader.js';
import { parseEvalDataset, type EvalItem } from './eval-dataset.schema.js';
import { checkThresholds, EVAL_TARGETS, formatEvalReport } from './eval-report.js';
import { runEval, type EvalReport } from './eval-runner.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The development split (tuned on); the held-out split (heldout*.jsonl) is never read here. */
const DEV_FILES = ['dev.jsonl', 'dev-reasoning.jsonl', 'dev-2.jsonl', 'dev-3.jsonl', 'dev-4.jsonl', 'dev-5.jsonl', 'dev-6.jsonl', 'dev-7.jsonl'];

/** The development split CI evaluates (test/fixtures/eval/dev*.jsonl) with the rubric grader. */
describe(runEval.name, () => {
  let content: ContentBundle;
  let items: EvalItem[];
  let grades: Map<string, Grade>;
  let report: EvalReport;

  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    items = DEV_FILES.flatMap((file) => parseEvalDataset(readFileSync(`${root}test/fixtures/eval/${file}`, 'utf8'), file));
    const rubric = new RubricGrader({ corpus: content.questions.values() });
    grades = new Map();
    // Records each grade so the evidence of every item can be checked below.
    const recording: Grader = {
      name: 'rubric',
      async grade(input: GradeInput) {
        const grade = rubric.gradeSync(input);
        grades.set(items.find((i) => i.answer === input.answer && i.questionId === input.question.id)?.id ?? '?', grade);
        return grade;
      },
    };
    report = await runEval(items, recording, {
      questions: content.questions,
      roles: content.roles,
      promptVersion: content.prompts.get('grader')!.version,
    });
  });

  it('is a development set of the size and variety the issue asks for', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    const questions = new Set(items.map((i) => i.questionId));
    expect(questions.size).toBeGreaterThanOrEqual(4);
    expect([...questions]).toEqual(expect.arrayContaining(['observability-platform', 'realtime-notifications']));
    const tags = new Set(items.flatMap((i) => i.tags));
    for (const tag of [
      'excellent',
      'good',
      'weak',
      'terse-expert',
      'keyword-stuffed',
      'padded',
      'wrong-concept',
      'off-topic',
      'non-answer',
      'injected',
      'look-alike',
    ]) {
      expect(tags).toContain(tag);
    }
    expect(items.filter((i) => i.tags.includes('injected')).every((i) => i.baseId !== undefined)).toBe(true);
  });

  it('meets the targets (above the CI gates) with the rubric grader', () => {
    const check = checkThresholds(report, EVAL_TARGETS);
    if (!check.passed) console.log(formatEvalReport(report, check));
    expect(check.failures).toEqual([]);
    expect(report.keyPoints.f1).toBeGreaterThanOrEqual(EVAL_TARGETS.keyPointF1);
    expect(report.spearman).toBeGreaterThanOrEqual(EVAL_TARGETS.spearman);
    expect(report.nonInflation.rate).toBe(1);
    expect(report.failed).toBe(0);
  });

  it('quotes only verbatim substrings of the answer, for every item', () => {
    expect(grades.size).toBe(items.length);
    for (const item of items) {
      const grade = grades.get(item.id);
      const quotes = [...(grade?.keyPoints ?? []), ...(grade?.mistakes ?? [])].flatMap((x) => x.evidence);
      for (const quote of quotes) expect({ id: item.id, found: item.answer.includes(quote) }).toEqual({ id: item.id, found: true });
    }
  });

  it('flags every injected item and no clean one', () => {
    for (const row of report.rows) {
      expect({ id: row.id, flagged: row.flags.includes('injection_suspected') }).toEqual({ id: row.id, flagged: row.tags.includes('injected') });
    }
  });
});

describe(checkThresholds.name, () => {
  const base = {
    grader: 'rubric',
    items: 2,
    failed: 0,
    keyPoints: { truePositives: 8, falsePositives: 1, falseNegatives: 1, precision: 0.9, recall: 0.9, f1: 0.9 },
    mistakes: { truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1, f1: 1 },
    spearman: 0.9,
    bandMae: 0.2,
    nonInflation: { checked: 1, held: 1, rate: 1 },
    flagRates: {},
    feedback: {
      quotes: { checked: 3, found: 3, missing: [] },
      mostShared: { sentence: 'x.', answers: 1, share: 0.05 },
      belowBand: { checked: 1, withReason: 1, without: [] },
    },
    rows: [],
  } satisfies EvalReport;

  it('passes at or above every threshold', () => {
    expect(checkThresholds(base)).toEqual({ passed: true, failures: [] });
  });

  it('fails below a threshold, on any inflation, on a failed item and on an unmeasurable metric', () => {
    const sut = checkThresholds({
      ...base,
      spearman: null,
      failed: 1,
      nonInflation: { checked: 2, held: 1, rate: 0.5 },
      keyPoints: { ...base.keyPoints, f1: 0.79 },
    });
    expect(sut.passed).toBe(false);
    expect(sut.failures).toHaveLength(4);
  });

  it('fails on feedback a candidate should not get: an invented quote, boilerplate, a low score without a reason', () => {
    const sut = checkThresholds({
      ...base,
      feedback: {
        quotes: { checked: 3, found: 2, missing: [{ id: 'a', quote: 'never said' }] },
        mostShared: { sentence: 'Be more detailed.', answers: 3, share: 0.3 },
        belowBand: { checked: 2, withReason: 1, without: ['b'] },
      },
    });
    expect(sut.failures).toEqual([
      '1 feedback quote(s) not in their answer',
      'a feedback sentence is shared by 0.300 of answers > 0.1',
      '1 below-band grade(s) without a reason',
    ]);
  });
});
