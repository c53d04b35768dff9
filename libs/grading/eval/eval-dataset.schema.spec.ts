import { EvalDatasetError, parseEvalDataset } from './eval-dataset.schema.js';

const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'a', questionId: 'q', answer: 'x', band: 2, keyPoints: [], mistakes: [], tags: [], ...over });

describe(parseEvalDataset.name, () => {
  it('parses JSON Lines and skips blank lines', () => {
    const items = parseEvalDataset(`${line()}\n\n${line({ id: 'b', baseId: 'a' })}\n`);
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('reports every problem with its line number', () => {
    let caught: unknown;
    try {
      parseEvalDataset(
        [line(), 'not json', line({ band: 5 }), line({ keypoints: [] }), line(), line({ id: 'c', baseId: 'zz' })].join('\n'),
        'dev.jsonl',
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EvalDatasetError);
    const problems = (caught as EvalDatasetError).problems;
    expect(problems.some((p) => p.startsWith('dev.jsonl:2: not JSON'))).toBe(true);
    expect(problems.some((p) => p.startsWith('dev.jsonl:3: band'))).toBe(true);
    expect(problems.some((p) => p.startsWith('dev.jsonl:4:') && p.includes('keypoints'))).toBe(true);
    expect(problems.some((p) => p.startsWith('dev.jsonl:5: duplicate id "a"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('dev.jsonl:6: baseId "zz"'))).toBe(true);
  });
});
