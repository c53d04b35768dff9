import { loadConfig } from '#libs/config';
import type { CodingQuestion, ScalingSpec } from '#libs/content';
import type { CallOutcome, SandboxOutcome, SandboxRequest, SandboxService, StaticAnalysisOutcome } from '#libs/sandbox';
import { CodeFactsService } from './code-facts.service.js';

const scaling: ScalingSpec = {
  input: 'lru-operations',
  operation: 'put/get',
  per: 'operation',
  required: 'O(1)',
  sizes: { python: [1000, 2000, 4000, 8000], javascript: [2000, 4000, 8000, 16000] },
};
const question = {
  id: 'lru-cache',
  scaling,
  signature: { entryPoint: { python: 'lru_cache_operations', javascript: 'lruCacheOperations' }, params: [] },
} as unknown as CodingQuestion;
const call = (timeMs: number): CallOutcome => ({ ran: true, ok: true, stdout: '', stderr: '', timeMs });
/** A timing run's outcome: the warm-up, then one fastest time per size. */
const timed = (times: number[]): SandboxOutcome => ({
  termination: null,
  calls: [call(0.1), ...times.map(call)],
  stdout: '',
  stderr: '',
  wallMs: 400,
});

/** The sandbox's two entry points, answering timing runs from a script and recording what was asked. */
class ScriptedSandbox {
  readonly runs: SandboxRequest[] = [];
  constructor(private readonly outcomes: SandboxOutcome[]) {}
  analyse(): Promise<StaticAnalysisOutcome> {
    return Promise.resolve({ ok: false, reason: 'not analysed here' });
  }
  run(request: SandboxRequest): Promise<SandboxOutcome> {
    this.runs.push(request);
    return Promise.resolve(this.outcomes[this.runs.length - 1]!);
  }
}

const facts = (sandbox: ScriptedSandbox) =>
  new CodeFactsService(sandbox as unknown as SandboxService, loadConfig({})).compute({
    question,
    language: 'python',
    code: 'code',
    status: 'PASSED',
  });

describe(CodeFactsService.name, () => {
  it('takes a confident agreement from one timing run: its sizes were already timed in several rounds', async () => {
    const sandbox = new ScriptedSandbox([timed([1, 2, 4, 8])]);
    const sut = await facts(sandbox);
    expect(sut.complexity).toMatchObject({ measured: 'O(1)', confident: true, contradicts: false });
    expect(sandbox.runs).toHaveLength(1);
    expect(sandbox.runs[0]!.timing).toMatchObject({ rounds: 3 });
  });

  it('confirms a contradiction with a second run, each size keeping its fastest time', async () => {
    const real = new ScriptedSandbox([timed([1, 4, 16, 64]), timed([1.2, 4.1, 15, 70])]);
    expect((await facts(real)).complexity).toMatchObject({ measured: 'O(n)', confident: true, contradicts: true });
    expect(real.runs).toHaveLength(2);
    // A host busy during the first run's largest size: the second run shows the constant time per operation.
    const noise = new ScriptedSandbox([timed([1, 2, 4, 30]), timed([1.1, 2.1, 4.2, 8.1])]);
    const sut = await facts(noise);
    expect(noise.runs).toHaveLength(2);
    expect(sut.complexity).toMatchObject({ measured: 'O(1)', contradicts: false });
    expect(sut.complexity!.points.map((p) => p.ms)).toEqual([1, 2, 4, 8.1]);
  });

  it('runs the timing a second time when the first was too noisy to conclude, and keeps each size its fastest', async () => {
    // The first run's third size was slowed down so much that the fourth looks faster: no growth can be read.
    const sandbox = new ScriptedSandbox([timed([1, 4, 40, 30]), timed([1.1, 3.9, 16, 64])]);
    const sut = await facts(sandbox);
    expect(sandbox.runs).toHaveLength(2);
    expect(sut.complexity).toMatchObject({ confident: true });
    expect(sut.complexity!.points.map((p) => p.ms)).toEqual([1, 3.9, 16, 30]);
  });
});
