import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import type { Grade } from '#libs/grading';
import { buildReport, REPORT_MIN_COVERAGE } from './session-report.js';
import { storedReport } from './session-rows.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(buildReport.name, () => {
  let content: ContentBundle;
  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });

  type Score = 1 | 2 | 3 | 4;
  /** A dimension's score, or its score and the grader's reason. */
  const grade = (
    phaseId: string,
    dimensions: Record<string, Score | [Score, string]>,
    keyPoints: Record<string, 'covered' | 'partial' | 'missed'> = {},
    nextToStudy: string[] = [],
  ): Grade => ({
    questionId: 'realtime-notifications',
    phaseId,
    keyPoints: Object.entries(keyPoints).map(([id, status]) => ({ id, status, evidence: status === 'missed' ? [] : ['quote'] })),
    mistakes: [],
    dimensions: Object.entries(dimensions).map(([id, s]) => (Array.isArray(s) ? { id, score: s[0], reason: s[1] } : { id, score: s, reason: 'r' })),
    overall: 50,
    feedback: { strengths: [], improvements: [], nextToStudy },
    flags: [],
    provenance: {
      grader: 'rubric',
      model: null,
      rubricVersion: 'v',
      promptVersion: 'p',
      tokens: { prompt: 0, cached: 0, completion: 0 },
      latencyMs: 1,
    },
  });
  const report = (grades: Grade[]) => {
    const question = content.questions.get('realtime-notifications')!;
    return buildReport({ sessionId: 's', mode: 'practice', question, role: content.roles.get(question.role)!, grades, failedAnswers: 0 });
  };

  it('never lowers a dimension because a focused answer to a follow-up scored it lower in the same phase', () => {
    const sut = report([
      grade('deep-dive', { 'data-model-storage': 4, 'scalability-reliability': 3 }),
      grade('deep-dive', { 'data-model-storage': 3, 'scalability-reliability': 4 }),
    ]);
    const score = (id: string) => sut.dimensions.find((d) => d.id === id)!.score;
    expect(score('data-model-storage')).toBe(4);
    expect(score('scalability-reliability')).toBe(4);
  });

  it('says where a point of a dimension was covered when its own phase left it, so "only started on" never stands unexplained beside Covered', () => {
    const sut = report([
      grade('high-level-design', { 'high-level-architecture': [2, 'Only started on the delivery path'] }, { 'realtime-processing': 'partial' }),
      grade('deep-dive', { 'data-model-storage': 3 }, { 'realtime-processing': 'covered' }),
    ]);
    expect(sut.keyPoints.find((k) => k.id === 'realtime-processing')?.status).toBe('covered');
    const dimension = sut.dimensions.find((d) => d.id === 'high-level-architecture')!;
    expect(dimension.score).toBe(2);
    expect(dimension.comment).toMatch(
      /^Only started on the delivery path\. ‘.+’ was covered in Deep Dive; this score rates what the High-Level Design answers showed\.$/,
    );
    // Covered in its own phase: nothing to explain.
    const own = report([grade('high-level-design', { 'high-level-architecture': [4, 'You covered it'] }, { 'realtime-processing': 'covered' })]);
    expect(own.dimensions.find((d) => d.id === 'high-level-architecture')!.comment).toBe('You covered it.');
  });

  it('averages a dimension over the phases that assessed it', () => {
    const sut = report([
      grade('high-level-design', { communication: 4 }),
      grade('deep-dive', { communication: 2 }),
      grade('deep-dive', { communication: 1 }),
    ]);
    expect(sut.dimensions.find((d) => d.id === 'communication')!.score).toBe(3);
  });

  it('leaves out of "study next" what any answer covered, biggest gap first, each once', () => {
    const sut = report([
      grade('high-level-design', {}, { 'realtime-processing': 'missed' }, ['Real-time processing', 'Kafka consumer groups']),
      grade('deep-dive', {}, { 'realtime-processing': 'covered', 'queue-reliability': 'partial' }, ['kafka consumer groups']),
    ]);
    expect(sut.studyNext).not.toContain('Real-time processing');
    // horizontal-scaling (weight 2, missed: 2) and latency-vs-throughput (2, missed) before queue-reliability (3, partial: 1.5).
    expect(sut.studyNext.slice(0, 3)).toEqual(['Horizontal scaling strategies', 'Latency vs. throughput trade-offs', 'Message queue reliability']);
    expect(sut.studyNext.filter((s) => s.toLowerCase() === 'kafka consumer groups')).toHaveLength(1);
  });

  it('marks a session that assessed too little of the plan incomplete, and a whole one complete', () => {
    const one = report([grade('requirements-clarification', { requirements: 3, communication: 3 })]);
    expect(one.coverage).toBeLessThan(REPORT_MIN_COVERAGE);
    expect(one.complete).toBe(false);
    expect(one.overall).not.toBeNull(); // still computed, shown with the caveat
    const all = report([
      grade('requirements-clarification', { requirements: 3, communication: 3 }),
      grade('capacity-estimation', { 'capacity-estimation': 3 }),
      grade('high-level-design', { 'high-level-architecture': 3 }),
      grade('deep-dive', { 'data-model-storage': 3, 'scalability-reliability': 3 }),
      grade('trade-offs-scaling', { 'trade-offs': 3 }),
    ]);
    expect(all).toMatchObject({ coverage: 1, complete: true });
  });

  it('comments on each dimension with what the graders said of the answers that set its score, not the rubric descriptor', () => {
    const sut = report([
      grade('high-level-design', { communication: [3, 'Walks through the delivery path in order.'] }),
      grade('deep-dive', {
        communication: [2, 'Jumps between topics.'],
        'scalability-reliability': [2, 'Names Kafka without saying how it scales.'],
      }),
      grade('deep-dive', {
        communication: [4, 'Explains the retry path step by step'],
        'scalability-reliability': [4, 'Partitions the stream by user id so order holds.'],
      }),
      grade('trade-offs-scaling', { communication: [3, 'Walks through the delivery path in order.'] }),
      grade('requirements-clarification', { 'capacity-estimation': [3, 'Shown best by “2 million connections.”'] }),
    ]);
    const dim = (id: string) => sut.dimensions.find((d) => d.id === id)!;
    // The deep-dive's best answer (4) sets the score there; the weaker one's reason is not the report's to repeat.
    expect(dim('scalability-reliability')).toMatchObject({ score: 4, comment: 'Partitions the stream by user id so order holds.' });
    // Phases in the question's order, each reason once, each a sentence naming the phase it is about.
    expect(dim('communication').comment).toBe(
      'High-Level Design: Walks through the delivery path in order. Deep Dive: Explains the retry path step by step.',
    );
    for (const d of sut.dimensions.filter((x) => x.score !== null)) expect(d.comment).not.toBe(d.descriptor);
    // The same reason from two phases is one sentence, about the dimension as a whole: no phase named before it.
    const twice = report([
      grade('high-level-design', { 'high-level-architecture': [3, 'You covered the delivery path.'] }),
      grade('deep-dive', { 'high-level-architecture': [3, 'You covered the delivery path.'] }),
    ]);
    expect(twice.dimensions.find((d) => d.id === 'high-level-architecture')?.comment).toBe('You covered the delivery path.');
    expect(dim('capacity-estimation').comment).toBe('Shown best by “2 million connections.”');
    expect(dim('requirements')).toMatchObject({ score: null, comment: null });
  });

  it("turns the misses into a study plan, biggest gap first, with the rubric's explanation, references and practice prompt", () => {
    const question = content.questions.get('realtime-notifications')!;
    const sut = report([grade('deep-dive', {}, { 'realtime-processing': 'covered', 'queue-reliability': 'partial' })]);
    expect(sut.studyPlan.map((s) => [s.keyPointId, s.status])).toEqual([
      ['horizontal-scaling', 'missed'],
      ['latency-vs-throughput', 'missed'],
      ['queue-reliability', 'partial'],
    ]);
    const rubric = question.keyPoints.find((k) => k.id === 'queue-reliability')!;
    expect(sut.studyPlan[2]).toEqual({
      keyPointId: 'queue-reliability',
      text: rubric.text,
      status: 'partial',
      explanation: rubric.explanation,
      references: rubric.references,
      practice: rubric.practice,
    });
    expect(sut.studyPlan.every((s) => s.explanation && s.references.length > 0 && s.practice)).toBe(true);
  });

  it('shows where the board showed a mistake, once per place, and nothing for a mistake no grade found', () => {
    const shown = (text: string) => ({ source: 'diagram' as const, elements: [{ id: text, kind: 'node' as const, label: text }], text });
    const withMistakes = (mistakes: Grade['mistakes']): Grade => ({ ...grade('trade-offs-scaling', { 'trade-offs': 3 }), mistakes });
    const sut = report([
      withMistakes([{ id: 'no-fault-tolerance', status: 'present', evidence: [], diagramEvidence: [shown('Web app → Postgres')] }]),
      withMistakes([
        { id: 'no-fault-tolerance', status: 'present', evidence: [], diagramEvidence: [shown('Web app → Postgres'), shown('Mobile → Postgres')] },
        { id: 'ignores-horizontal-scaling', status: 'absent', evidence: [], diagramEvidence: [shown('Push worker')] },
      ]),
    ]);
    expect(sut.mistakes).toEqual([
      {
        id: 'no-fault-tolerance',
        text: 'Not addressing fault tolerance in the architecture',
        evidence: [],
        diagramEvidence: [shown('Web app → Postgres'), shown('Mobile → Postgres')],
      },
    ]);
  });

  it('is read back whole by the schema a stored report is parsed with (no field dropped)', () => {
    const answer = grade(
      'deep-dive',
      { communication: [3, 'Walks through it.'] },
      { 'realtime-processing': 'covered', 'queue-reliability': 'partial' },
    );
    const board = { source: 'diagram' as const, elements: [{ id: 'n1', kind: 'node' as const, label: 'Kafka' }], text: 'Kafka' };
    const sut = report([
      {
        ...answer,
        keyPoints: answer.keyPoints.map((k) => (k.status === 'covered' ? { ...k, diagramEvidence: [board] } : k)),
        mistakes: [{ id: 'no-fault-tolerance', status: 'present', evidence: [], diagramEvidence: [board] }],
      },
    ]);
    expect(sut.keyPoints.some((k) => k.diagramEvidence)).toBe(true);
    expect(sut.mistakes.some((m) => m.diagramEvidence)).toBe(true);
    expect(storedReport.parse(JSON.parse(JSON.stringify(sut)))).toEqual(sut);
  });

  it('carries the question title and its model answer for after the session', () => {
    const question = content.questions.get('realtime-notifications')!;
    const sut = report([]);
    expect(sut.questionTitle).toBe(question.title);
    expect(sut.modelAnswer).toEqual({ answerFramework: question.answerFramework, referenceAnswer: question.referenceAnswer });
  });
});
