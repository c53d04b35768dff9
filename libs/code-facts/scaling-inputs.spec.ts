import { fileURLToPath } from 'node:url';
import { type CodingQuestion, loadContent, SCALING_INPUTS } from '#libs/content';
import { scalingArgs } from './scaling-inputs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(scalingArgs.name, () => {
  let coding: CodingQuestion[];
  beforeAll(async () => {
    const bundle = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    coding = [...bundle.questions.values()].filter((q): q is typeof q & CodingQuestion => q.kind === 'coding');
  });

  it('gives the same input for the same id and size, another for another size', () => {
    for (const input of SCALING_INPUTS) {
      expect(JSON.stringify(scalingArgs(input, 300))).toBe(JSON.stringify(scalingArgs(input, 300)));
      expect(JSON.stringify(scalingArgs(input, 300))).not.toBe(JSON.stringify(scalingArgs(input, 301)));
    }
  });

  it("fits each coding question's signature and the JavaScript reference solution runs on it at its smallest size", () => {
    expect(coding.length).toBeGreaterThanOrEqual(7);
    for (const question of coding) {
      const scaling = question.scaling!;
      for (const language of ['python', 'javascript'] as const) {
        expect(scalingArgs(scaling.input, scaling.sizes[language].at(-1)!)).toHaveLength(question.signature.params.length);
      }
      const entry = question.signature.entryPoint.javascript;
      const solve = new Function(`${question.referenceSolution.javascript}\nreturn ${entry};`)() as (...args: unknown[]) => unknown;
      expect(() => solve(...scalingArgs(scaling.input, scaling.sizes.javascript[0]!))).not.toThrow();
    }
  });

  it('keeps inside the constraints the candidates were given', () => {
    const [capacity, ops] = scalingArgs('lru-operations', 20000) as [number, unknown[][]];
    expect([capacity, ops.length]).toEqual([10000, 20000]);
    const [windows] = scalingArgs('maintenance-windows', 5000) as [number[][]];
    expect(windows.every(([s, e]) => 0 <= s! && s! < e! && e! <= 10080)).toBe(true);
    expect(new Set(windows.map(([s]) => s)).size).toBe(5000);
    const [limit, window, requests] = scalingArgs('rate-limit-requests', 160000) as [number, number, [number, string][]];
    expect([limit <= 10_000, window <= 86_400, requests.length <= 200_000]).toEqual([true, true, true]);
    expect(requests.every(([t], i) => i === 0 || t >= requests[i - 1]![0])).toBe(true);
    const [tasks, deps] = scalingArgs('task-graph', 10000) as [string[], string[][]];
    expect([new Set(tasks).size, deps.length <= 100_000]).toEqual([10000, true]);
    const [operations] = scalingArgs('versioned-operations', 1000) as [unknown[][]];
    const lastSet = new Map<unknown, number>();
    for (const op of operations.filter((o) => o[0] === 'set')) {
      expect(op[3] as number).toBeGreaterThan(lastSet.get(op[1]) ?? 0);
      lastSet.set(op[1], op[3] as number);
    }
  });
});
