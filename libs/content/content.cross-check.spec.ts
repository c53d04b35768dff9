import { fileURLToPath } from 'node:url';
import { crossCheckQuestion } from './content.cross-check.js';
import { loadContent } from './content.loader.js';
import type { ContentBundle } from './content.schema.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe(crossCheckQuestion.name, () => {
  let bundle: ContentBundle;
  beforeAll(async () => {
    bundle = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
  });

  it('requires a coding question to define its scaling run and mark the one key point that claims its complexity', () => {
    const lru = bundle.questions.get('lru-cache')!;
    expect(lru.kind === 'coding' && lru.scaling?.required).toBe('O(1)');
    expect(crossCheckQuestion(lru, bundle.roles)).toEqual([]);
    const bare = { ...lru, scaling: undefined, keyPoints: lru.keyPoints.map(({ claimsComplexity: _, ...k }) => k) };
    expect(crossCheckQuestion(bare, bundle.roles).map((i) => [i.path, i.message])).toEqual([
      ['scaling', 'a coding question must define its scaling run'],
      ['keyPoints', 'a coding question marks exactly one key point with claimsComplexity (found 0)'],
    ]);
    const wrongDimension = { ...lru, keyPoints: lru.keyPoints.map((k) => ({ ...k, claimsComplexity: k.dimension === 'testing' })) };
    expect(crossCheckQuestion(wrongDimension, bundle.roles).map((i) => i.message)).toEqual([
      'the key point claiming the complexity must count for the complexity dimension',
    ]);
  });

  it('refuses a complexity claim on a question with no code to measure', () => {
    const design = bundle.questions.get('url-shortener')!;
    const claimed = { ...design, keyPoints: design.keyPoints.map((k, i) => (i === 0 ? { ...k, claimsComplexity: true } : k)) };
    expect(crossCheckQuestion(claimed, bundle.roles)).toEqual([expect.objectContaining({ path: 'keyPoints[0].claimsComplexity' })]);
  });

  it("checks a board's expectations and board probes against the question's own key points, mistakes and checks", () => {
    const design = bundle.questions.get('realtime-notifications')!;
    if (design.kind !== 'system-design') throw new Error('realtime-notifications is a system-design question');
    const diagram = {
      components: [{ category: 'queue' as const, keyPoint: 'realtime-processing' }],
      flows: [{ path: ['service' as const, 'queue' as const, 'worker' as const], keyPoint: 'no-such-point' }],
      checks: [
        { id: 'client-to-database' as const, message: 'Clients should not reach the database.', mistake: 'no-fault-tolerance' },
        { id: 'queue-without-consumer-group' as const, message: 'One consumer.', keyPoint: 'horizontal-scaling', mistake: 'no-such-mistake' },
      ],
    };
    const boardProbe = {
      id: 'board-db',
      when: { board: ['single-stateful-write-path' as const] },
      text: 'I see {from} writes to {to}. What if it dies?',
    };
    // The shipped board probes are left out: this test declares its own checks.
    const probesOf = (k: (typeof design.keyPoints)[number]) => (k.probes ?? []).filter((p) => !p.when?.board);
    const keyPoints = design.keyPoints.map((k, i) => ({ ...k, probes: i === 0 ? [...probesOf(k), boardProbe] : probesOf(k) }));
    const sut = { ...design, diagram, keyPoints };
    expect(crossCheckQuestion(sut, bundle.roles).map((i) => [i.path, i.message])).toEqual([
      ['diagram.flows[0].keyPoint', 'unknown key point "no-such-point"'],
      ['diagram.checks[1].mistake', 'unknown mistake "no-such-mistake"'],
      [
        `keyPoints[0].probes[${keyPoints[0]!.probes.length - 1}].when.board[0]`,
        `check "single-stateful-write-path" is not among the question's diagram.checks`,
      ],
    ]);
  });
});
