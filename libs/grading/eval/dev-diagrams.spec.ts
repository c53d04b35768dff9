import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadContent } from '#libs/content';
import { RubricGrader } from '../rubric.grader.js';
import { parseEvalDataset } from './eval-dataset.schema.js';
import { formatEvalReport } from './eval-report.js';
import { runEval, type EvalReport } from './eval-runner.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The development items answered with a board (test/fixtures/eval/dev-diagrams.jsonl), reported apart. */
describe('the diagram development set', () => {
  let report: EvalReport;

  beforeAll(async () => {
    const content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    const items = parseEvalDataset(readFileSync(`${root}test/fixtures/eval/dev-diagrams.jsonl`, 'utf8'), 'dev-diagrams.jsonl');
    const grader = new RubricGrader({ corpus: content.questions.values() });
    report = await runEval(items, grader, {
      questions: content.questions,
      roles: content.roles,
      promptVersion: content.prompts.get('grader')!.version,
    });
  });

  it('covers both questions with a board on every item, and the kinds of board the issue asks for', () => {
    expect(report.items).toBeGreaterThanOrEqual(12);
    expect(new Set(report.rows.map((r) => r.questionId))).toEqual(new Set(['realtime-notifications', 'observability-platform']));
    const tags = new Set(report.rows.flatMap((r) => r.tags));
    for (const tag of ['board-adds', 'bad-structure', 'keyword-boxes', 'board-only', 'injection', 'strong']) expect(tags).toContain(tag);
    expect(report.diagram?.items).toBe(report.items);
  });

  it('reads the board: diagram-aware key-point F1 above the words alone, and no point credited that the labels deny', () => {
    const diagram = report.diagram!;
    if ((diagram.keyPoints.f1 ?? 0) < 0.85) console.log(formatEvalReport(report));
    expect(diagram.keyPoints.f1).toBeGreaterThanOrEqual(0.85);
    expect(diagram.keyPoints.f1!).toBeGreaterThan(diagram.withoutBoard.f1!);
    expect(diagram.keyPoints.falsePositives).toBe(0);
  });

  it('gives a board with no words behind it, bare boxes and injected labels nothing', () => {
    const covered = (tag: string) => report.rows.filter((r) => r.tags.includes(tag)).reduce((n, r) => n + r.keyPoints.tp + r.keyPoints.fp, 0);
    for (const tag of ['board-only', 'keyword-boxes', 'injection']) expect(covered(tag)).toBe(0);
    expect(report.nonInflation.rate).toBe(1);
    expect(report.failed).toBe(0);
    expect(report.feedback.quotes.missing).toEqual([]);
  });
});
