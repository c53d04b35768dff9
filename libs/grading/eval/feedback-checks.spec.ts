import type { Grade } from '../grade.schema.js';
import { checkFeedback, sentencesOf } from './feedback-checks.js';

const grade = (overall: number, strengths: string[], improvements: string[]): Grade => ({
  questionId: 'q',
  phaseId: 'p',
  keyPoints: [],
  mistakes: [],
  dimensions: [],
  overall,
  feedback: { strengths, improvements, nextToStudy: ['Same study title everywhere'] },
  flags: [],
  provenance: {
    grader: 'rubric',
    model: null,
    rubricVersion: 'r',
    promptVersion: 'p',
    tokens: { prompt: 0, cached: 0, completion: 0 },
    latencyMs: 0,
  },
});

describe(checkFeedback.name, () => {
  it('finds quotes that are not in their answer, the most shared sentence and low scores without a reason', () => {
    const sut = checkFeedback([
      {
        id: 'a',
        answer: 'We use   a token bucket in Redis.',
        grade: grade(80, ['“We use a token bucket in Redis.” covers ‘Atomic counters. In Redis’.'], ['Size it.']),
      },
      { id: 'b', answer: 'Counters everywhere.', grade: grade(20, [], ['Size it.', '“Counters every…” is a start.']) },
      { id: 'c', answer: 'Nothing.', grade: grade(10, ['“Something I never said”: good.'], []) },
    ]);
    expect(sut.quotes).toEqual({ checked: 3, found: 2, missing: [{ id: 'c', quote: 'Something I never said' }] });
    expect(sut.mostShared).toEqual({ sentence: 'Size it.', answers: 2, share: 2 / 3 });
    expect(sut.belowBand).toEqual({ checked: 2, withReason: 1, without: ['c'] });
  });
});

describe(sentencesOf.name, () => {
  it('splits on sentence ends but never inside a quote or a label', () => {
    expect(sentencesOf('“We shard. Then replicate.” covers ‘Sharding. Replication’. Say why! Next?')).toEqual([
      '“We shard. Then replicate.” covers ‘Sharding. Replication’.',
      'Say why!',
      'Next?',
    ]);
  });
});
