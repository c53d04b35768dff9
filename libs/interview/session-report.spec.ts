import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import type { Grade } from '#libs/grading';
import { buildReport, REPORT_MIN_COVERAGE } from './session-report.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(buildReport.name, () => {
  let content: ContentBundle;
  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });

  const grade = (phaseId: string, dimensions: Record<string, 1 | 2 | 3 | 4>, keyPoints: Record<string, 'covered' | 'partial' | 'missed'> = {}, nextToStudy: string[] = []): Grade => ({
    questionId: 'realtime-notifications',
    phaseId,
    keyPoints: Object.entries(keyPoints).map(([id, status]) => ({ id, status, evidence: status === 'missed' ? [] : ['quote'] })),
    mistakes: [],
    dimensions: Object.entries(dimensions).map(([id, score]) => ({ id, score, reason: 'r' })),
    overall: 50,
    feedback: { strengths: [], improvements: [], nextToStudy },
    flags: [],
    provenance: { grader: 'rubric', model: null, rubricVersion: 'v', promptVersion: 'p', tokens: { prompt: 0, cached: 0, completion: 0 }, latencyMs: 1 },
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

  it('averages a dimension over the phases that assessed it', () => {
    const sut = report([grade('high-level-design', { communication: 4 }), grade('deep-dive', { communication: 2 }), grade('deep-dive', { communication: 1 })]);
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
});
