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
    expect(crossCheckQuestion(wrongDimension, bundle.roles).map((i) => i.message)).toEqual(['the key point claiming the complexity must count for the complexity dimension']);
  });

  it('refuses a complexity claim on a question with no code to measure', () => {
    const design = bundle.questions.get('url-shortener')!;
    const claimed = { ...design, keyPoints: design.keyPoints.map((k, i) => (i === 0 ? { ...k, claimsComplexity: true } : k)) };
    expect(crossCheckQuestion(claimed, bundle.roles)).toEqual([expect.objectContaining({ path: 'keyPoints[0].claimsComplexity' })]);
  });
});
