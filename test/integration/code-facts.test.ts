import { fileURLToPath } from 'node:url';
import { CodeFactsService, scalingRequest } from '#libs/code-facts';
import { type CodingQuestion, loadContent } from '#libs/content';
import type { CodeFacts } from '#libs/protocol';
import { SandboxService } from '#libs/sandbox';
import { testConfig } from '../support/test-config.js';

// Real bubblewrap and the configured limits: static analysis and timing runs of candidate code, as a submission gets them.
const root = fileURLToPath(new URL('../../', import.meta.url));
const config = testConfig({ CODE_RUN_CONCURRENCY: '2' });
const sandbox = new SandboxService(config);
const sut = new CodeFactsService(sandbox, config);

const LRU = {
  /** O(n) per operation: `list.remove` and `pop(0)` walk the recency list. */
  pythonList: [
    'def lru_cache_operations(capacity, operations):',
    '    order = []',
    '    values = {}',
    '    results = []',
    '    for op in operations:',
    '        key = op[1]',
    '        if op[0] == "put":',
    '            if key in values:',
    '                order.remove(key)',
    '            elif len(order) == capacity:',
    '                del values[order.pop(0)]',
    '            order.append(key)',
    '            values[key] = op[2]',
    '            results.append(None)',
    '        elif key in values:',
    '            order.remove(key)',
    '            order.append(key)',
    '            results.append(values[key])',
    '        else:',
    '            results.append(-1)',
    '    return results',
    '',
  ].join('\n'),
  /** O(n) per operation: `indexOf` and `splice` walk the recency array. */
  javascriptArray: [
    'function lruCacheOperations(capacity, operations) {',
    '  const order = [];',
    '  const values = new Map();',
    '  const results = [];',
    '  for (const [op, key, value] of operations) {',
    "    if (op === 'put') {",
    '      if (values.has(key)) order.splice(order.indexOf(key), 1);',
    '      else if (order.length === capacity) values.delete(order.shift());',
    '      order.push(key);',
    '      values.set(key, value);',
    '      results.push(null);',
    '    } else if (values.has(key)) {',
    '      order.splice(order.indexOf(key), 1);',
    '      order.push(key);',
    '      results.push(values.get(key));',
    '    } else {',
    '      results.push(-1);',
    '    }',
    '  }',
    '  return results;',
    '}',
    '',
  ].join('\n'),
  pythonOrderedDict: [
    'from collections import OrderedDict',
    '',
    '',
    'def lru_cache_operations(capacity, operations):',
    '    cache = OrderedDict()',
    '    results = []',
    '    for op in operations:',
    '        key = op[1]',
    '        if op[0] == "put":',
    '            cache[key] = op[2]',
    '            cache.move_to_end(key)',
    '            if len(cache) > capacity:',
    '                cache.popitem(last=False)',
    '            results.append(None)',
    '        elif key in cache:',
    '            cache.move_to_end(key)',
    '            results.append(cache[key])',
    '        else:',
    '            results.append(-1)',
    '    return results',
    '',
  ].join('\n'),
  /** The clean 20-line Map LRU of the issue. */
  javascriptMap: [
    'function lruCacheOperations(capacity, operations) {',
    '  const cache = new Map();',
    '  return operations.map(([op, key, value]) => {',
    "    if (op === 'put') {",
    '      cache.delete(key);',
    '      cache.set(key, value);',
    '      if (cache.size > capacity) cache.delete(cache.keys().next().value);',
    '      return null;',
    '    }',
    '    if (!cache.has(key)) return -1;',
    '    const found = cache.get(key);',
    '    cache.delete(key);',
    '    cache.set(key, found);',
    '    return found;',
    '  });',
    '}',
    '',
  ].join('\n'),
};

describe('code facts', () => {
  let coding: CodingQuestion[];
  let lru: CodingQuestion;
  beforeAll(async () => {
    const bundle = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    coding = [...bundle.questions.values()].filter((q): q is typeof q & CodingQuestion => q.kind === 'coding');
    lru = coding.find((q) => q.id === 'lru-cache')!;
  });
  const facts = (question: CodingQuestion, language: 'python' | 'javascript', code: string): Promise<CodeFacts> =>
    sut.compute({ question, language, code, status: 'PASSED' });

  it.each([
    ['python', 'pythonList'],
    ['javascript', 'javascriptArray'],
  ] as const)('%s: an LRU that walks a list per operation is measured O(n) per put/get, contradicting O(1)', async (language, solution) => {
    const { complexity, missing } = await facts(lru, language, LRU[solution]);
    expect(missing).toEqual([]);
    expect(complexity).toMatchObject({
      required: 'O(1)',
      measured: 'O(n)',
      per: 'operation',
      operation: 'put/get',
      confident: true,
      contradicts: true,
    });
    expect(complexity!.note).toMatch(
      /^The time per put\/get grew linearly with n \(\d+× the operations took \d+× as long\), steeper than the required O\(1\)\./,
    );
  });

  it.each([
    ['python', 'pythonOrderedDict'],
    ['javascript', 'javascriptMap'],
  ] as const)('%s: the ordered-map LRU is measured O(1) per put/get and its clean code scores at least 3', async (language, solution) => {
    const { complexity, quality, missing } = await facts(lru, language, LRU[solution]);
    expect(missing).toEqual([]);
    expect(complexity).toMatchObject({ measured: 'O(1)', contradicts: false, summary: 'measured O(1) per put/get (required O(1))' });
    expect(quality!.score).toBeGreaterThanOrEqual(3);
    expect(quality!.functions.map((f) => f.name)).toContain(lru.signature.entryPoint[language]);
  });

  it.each([
    [
      'python',
      'seen = []\n\n\ndef lru_cache_operations(capacity, operations):\n    seen.append(len(operations))\n    if len(seen) == 20:\n        raise ValueError("sizes " + ",".join(map(str, seen)))\n    return []\n',
    ],
    [
      'javascript',
      "const seen = [];\nfunction lruCacheOperations(capacity, operations) {\n  seen.push(operations.length);\n  if (seen.length === 20) throw new Error('sizes ' + seen.join(','));\n  return [];\n}\n",
    ],
  ] as const)(
    '%s: the timing run times the sizes in rounds, each round in order, so a burst of load cannot pick on one size',
    async (language, code) => {
      // The solution raises on its 20th call with the sizes it was called with: the warm-up 8 times, then rounds.
      const sizes = lru.scaling!.sizes[language];
      const warmUp = sizes[0]! / 2;
      const outcome = await sandbox.run(
        scalingRequest(lru.scaling!, language, code, lru.signature.entryPoint[language], config.coding.scalingBudgetMs),
      );
      const rounds = [...Array<number>(8).fill(warmUp), ...sizes, warmUp, ...sizes, warmUp, sizes[0]!, sizes[1]!];
      expect(outcome.calls.map((c) => c.ok)).toEqual([true, true, false, true, true]);
      expect(outcome.calls[2]!.error).toContain(`sizes ${rounds.join(',')}`);
    },
  );

  it("every coding question's reference solution meets its own bar in both languages: clean code, no contradicted complexity", async () => {
    const misses: string[] = [];
    for (const question of coding) {
      for (const language of ['python', 'javascript'] as const) {
        const { quality, complexity, missing } = await facts(question, language, question.referenceSolution[language]);
        if (missing.length > 0 || !quality || quality.score < 3 || !complexity || complexity.contradicts) {
          misses.push(
            `${question.id} ${language}: quality ${quality?.score} ${quality?.findings.join(' ')}; ${complexity?.summary} ${complexity?.note}; ${missing.join('; ')}`,
          );
        }
      }
    }
    expect(misses).toEqual([]);
  }, 180_000);

  it('turns what cannot be analysed or timed into reasons, never into an error', async () => {
    // An expression nested deeper than the analyser recurses: it fails inside the sandbox, the timing still runs.
    const deep = `def lru_cache_operations(capacity, operations):\n    x = ${Array(1500).fill('1').join(' + ')}\n    return [None if op[0] == "put" else -1 for op in operations]\n`;
    const sut1 = await facts(lru, 'python', deep);
    expect(sut1.quality).toBeNull();
    expect(sut1.missing).toEqual(['not analysed: the analyser could not read the code (RecursionError: maximum recursion depth exceeded)']);
    expect(sut1.complexity).toMatchObject({ measured: 'O(1)' });
    const raising =
      'function lruCacheOperations(capacity, operations) {\n  if (operations.length > 100) throw new Error("too big");\n  return [];\n}\n';
    const sut2 = await facts(lru, 'javascript', raising);
    expect(sut2.complexity).toBeNull();
    expect(sut2.missing).toEqual([expect.stringContaining('raised an exception on a generated input')]);
    expect(sut2.quality).not.toBeNull();
    const compiled = await sut.compute({ question: lru, language: 'python', code: 'def lru_cache_operations(', status: 'COMPILE_ERROR' });
    expect(compiled).toEqual({
      quality: null,
      complexity: null,
      missing: ['not analysed: the code does not compile', 'not timed: the tests ended COMPILE_ERROR'],
    });
  });
});
