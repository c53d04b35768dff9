import { fileURLToPath } from 'node:url';
import { loadContent } from './content.loader.js';
import type { ContentBundle, QuestionKind } from './content.schema.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const realDirs = { rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` };

describe(loadContent.name, () => {
  let bundle: ContentBundle;

  beforeAll(async () => {
    bundle = await loadContent(realDirs);
  });

  it('loads the real content directory with files named relative to the content root', () => {
    const role = bundle.roles.get('senior-backend-developer');
    expect(role?.file).toBe('rubrics/roles/senior-backend-developer.yaml');
    expect(bundle.questions.get('url-shortener')?.file).toBe('rubrics/questions/url-shortener.yaml');
    expect(bundle.prompts.get('grader')?.file).toBe('prompts/grader.yaml');
    expect([...bundle.prompts.keys()].sort()).toEqual(['grader', 'interviewer']);
  });

  it('gives every item a sha256 version', () => {
    const items = [...bundle.roles.values(), ...bundle.questions.values(), ...bundle.prompts.values()];
    for (const item of items) expect(item.version).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(items.map((i) => i.version)).size).toBe(items.length);
  });

  it('contains the two seed questions with exactly the seed key points and mistakes', () => {
    const observability = bundle.questions.get('observability-platform');
    const notifications = bundle.questions.get('realtime-notifications');
    expect(observability?.kind).toBe('system-design');
    expect(notifications?.kind).toBe('system-design');
    expect(observability?.keyPoints.map((k) => [k.id, k.text])).toEqual([
      ['instrumentation-all-layers', 'Instrumentation at all service layers'],
      ['push-vs-pull', 'Data aggregation patterns (push vs pull models)'],
      ['realtime-vs-storage-cost', 'Trade-offs between real-time analytics and storage costs'],
    ]);
    expect(observability?.commonMistakes.map((m) => [m.id, m.text])).toEqual([
      ['ignores-monitoring-security', 'Ignoring security aspects of monitoring data'],
      ['ignores-metric-cardinality', 'Overlooking cardinality issues in metrics'],
      ['no-alerting', 'Not addressing alerting and notification mechanisms'],
    ]);
    expect(notifications?.keyPoints.map((k) => [k.id, k.text])).toEqual([
      ['realtime-processing', 'Real-time processing'],
      ['queue-reliability', 'Message queue reliability'],
      ['horizontal-scaling', 'Horizontal scaling strategies'],
      ['latency-vs-throughput', 'Latency vs. throughput trade-offs'],
    ]);
    expect(notifications?.commonMistakes.map((m) => [m.id, m.text])).toEqual([
      ['ignores-message-loss-replay', 'Ignoring message loss/replay scenarios'],
      ['ignores-horizontal-scaling', 'Overlooking horizontal scaling requirements'],
      ['no-fault-tolerance', 'Not addressing fault tolerance in the architecture'],
    ]);
  });

  it('meets the minimum question counts per kind', () => {
    const count = (kind: QuestionKind) => [...bundle.questions.values()].filter((q) => q.kind === kind).length;
    expect(count('system-design')).toBeGreaterThanOrEqual(10);
    expect(count('coding')).toBeGreaterThanOrEqual(6);
    expect(count('behavioral')).toBeGreaterThanOrEqual(4);
  });

  it("uses only dimensions and phases defined by each question's role guide", () => {
    for (const question of bundle.questions.values()) {
      const plan = bundle.roles.get(question.role)?.sessions[question.kind];
      expect(plan).toBeDefined();
      const dimensions = new Set(plan?.dimensions.map((d) => d.id));
      expect(question.phases.map((p) => p.id)).toEqual(plan?.phases.map((p) => p.id));
      for (const dimension of question.phases.flatMap((p) => p.dimensions)) {
        expect(`${question.id}:${dimension}:${dimensions.has(dimension)}`).toBe(`${question.id}:${dimension}:true`);
      }
    }
  });

  it('keeps the seed role guide data: stages, assessment mix and the system-design phase plan', () => {
    const role = bundle.roles.get('senior-backend-developer');
    expect(role?.stages.map((s) => [s.name, s.minutes])).toEqual([
      ['Phone Screen', 45],
      ['Technical Coding Interview', 60],
      ['System Design Interview', 75],
      ['Architecture Deep Dive', 45],
      ['Behavioral & Leadership', 30],
      ['Final Managerial Interview', 30],
    ]);
    expect(role?.assessmentMix.map((a) => [a.kind, a.percent])).toEqual([
      ['system-design', 60],
      ['coding', 40],
    ]);
    expect(role?.sessions['system-design'].phases.map((p) => [p.id, p.minMinutes, p.maxMinutes])).toEqual([
      ['requirements-clarification', 5, 10],
      ['capacity-estimation', 5, 5],
      ['high-level-design', 10, 15],
      ['deep-dive', 15, 20],
      ['trade-offs-scaling', 5, 10],
    ]);
  });

  it('freezes loaded content so one consumer cannot change the rubric under another', () => {
    const question = bundle.questions.get('url-shortener');
    expect(Object.isFrozen(question)).toBe(true);
    expect(Object.isFrozen(question?.keyPoints[0]?.signals.concepts)).toBe(true);
  });
});
