import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedQuestion, type SystemDesignQuestion } from '#libs/content';
import { toComponentGraph, type SceneLike } from '#libs/diagram';
import { boardCredit } from './board-credit.js';
import { readBoard } from './board-reading.js';
import { GraderEngine } from './grader-engine.js';
import type { CoverageResult } from './coverage-judge.js';
import { gradingScope } from './grading-scope.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const scene = (name: string): SceneLike => JSON.parse(readFileSync(`${repoRoot}test/fixtures/diagrams/${name}`, 'utf8')) as SceneLike;

const diagram: NonNullable<SystemDesignQuestion['diagram']> = {
  components: [
    { category: 'queue', keyPoint: 'realtime-processing' },
    { category: 'load-balancer', keyPoint: 'horizontal-scaling' },
  ],
  flows: [{ path: [['service', 'gateway'], 'queue', 'worker'], keyPoint: 'realtime-processing' }],
  checks: [{ id: 'queue-without-consumer-group', message: 'One consumer reads the queue.', keyPoint: 'horizontal-scaling' }],
};

describe(boardCredit.name, () => {
  let base: LoadedQuestion;
  beforeAll(async () => {
    const content = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
    base = content.questions.get('realtime-notifications')!;
  });

  type Options = { phaseId?: string; session?: boolean; boardPhaseId?: string; expectations?: typeof diagram };
  const run = (text: Record<string, CoverageResult>, options: Options = {}) => {
    const question = { ...base, diagram: options.expectations ?? diagram } as LoadedQuestion;
    const compiled = new GraderEngine().compile(question, question.version);
    const reading = readBoard(question, { graph: toComponentGraph(scene('notification-pipeline.excalidraw')) })!;
    const scope = gradingScope({
      question,
      phaseId: options.phaseId ?? 'high-level-design',
      ...(options.session ? { scope: 'session' as const } : {}),
    });
    const sut = boardCredit({
      keyPoints: compiled.keyPoints,
      phaseIds: question.phases.map((p) => p.id),
      scope,
      reading,
      ...(options.boardPhaseId ? { boardPhaseId: options.boardPhaseId } : {}),
      text: new Map(Object.entries(text)),
    });
    return Object.fromEntries([...sut].map(([id, c]) => [id, [c.status, c.evidence.map((e) => e.text)]]));
  };
  const partial = (reasoning = false): CoverageResult => ({
    status: 'partial',
    evidence: [],
    lacks: { reasoning, concepts: reasoning ? [] : ['presence-routing'] },
  });

  it('completes a point the words got part of with a drawn flow, and shows the elements', () => {
    expect(run({ 'realtime-processing': partial() })).toEqual({
      'realtime-processing': ['covered', ['Notification service → Kafka → Push worker', 'Kafka (queue)']],
    });
  });

  it('gives at most partial for the board alone, and when the words lack the reasoning', () => {
    expect(run({})['realtime-processing']?.[0]).toBe('partial');
    expect(run({ 'realtime-processing': partial(true) })['realtime-processing']?.[0]).toBe('partial');
  });

  it('never completes a point with a bare box', () => {
    expect(run({ 'realtime-processing': partial() }, { expectations: { ...diagram, flows: [] } })['realtime-processing']).toEqual([
      'partial',
      ['Kafka (queue)'],
    ]);
  });

  it('credits nothing while the board shows a problem bearing on the point', () => {
    // One push worker reads Kafka (queue-without-consumer-group bears on horizontal-scaling).
    expect(run({}, { session: true })['horizontal-scaling']).toBeUndefined();
  });

  it("counts only for the answer's phase, and for phases at or after the board's", () => {
    expect(run({ 'realtime-processing': partial() }, { phaseId: 'requirements-clarification' })).toEqual({});
    expect(run({ 'realtime-processing': partial() }, { session: true, boardPhaseId: 'deep-dive' })).toEqual({});
    expect(run({ 'realtime-processing': partial() }, { session: true, boardPhaseId: 'high-level-design' })['realtime-processing']?.[0]).toBe(
      'covered',
    );
  });
});
