import type { ScalingSpec } from '#libs/content';
import type { CallOutcome, SandboxOutcome } from '#libs/sandbox';
import { complexityFromRuns, scalingRequest } from './scaling-run.js';

const scaling: ScalingSpec = {
  input: 'lru-operations',
  operation: 'put/get',
  per: 'operation',
  required: 'O(1)',
  sizes: { python: [1000, 2000, 4000, 8000], javascript: [2000, 4000, 8000, 16000] },
};
const call = (timeMs: number): CallOutcome => ({ ran: true, ok: true, stdout: '', stderr: '', timeMs });
const notRun: CallOutcome = { ran: false, ok: false, stdout: '', stderr: '', timeMs: 0 };
/** A timing run: the warm-up call first, then one call per size. */
const run = (times: (number | null)[], termination: SandboxOutcome['termination'] = null): SandboxOutcome => ({
  termination,
  calls: [call(0.1), ...times.map((t) => (t === null ? notRun : call(t)))],
  stdout: '',
  stderr: '',
  wallMs: 300,
});

describe(scalingRequest.name, () => {
  it('calls a warm-up at half the first size, then each size, in rounds within the budget', () => {
    const sut = scalingRequest(scaling, 'python', 'code', 'solve', 900);
    expect(sut.calls.map((c) => (c.args[1] as unknown[]).length)).toEqual([500, 1000, 2000, 4000, 8000]);
    // Only the warm-up repeats in a row; each size is timed once per round, so its repeats are spread over the run.
    expect(sut.calls.map((c) => c.repeat ?? 1)).toEqual([8, 1, 1, 1, 1]);
    expect(sut.timing).toEqual({ callBudgetMs: 300, totalBudgetMs: 900, rounds: 3, wallMs: 1700 });
  });
});

describe(complexityFromRuns.name, () => {
  it('reports per-size times without the warm-up, classified against the requirement', () => {
    const sut = complexityFromRuns(scaling, 'python', [run([1, 2, 4.1, 8.3])], true);
    expect(sut).toEqual({
      facts: expect.objectContaining({
        required: 'O(1)',
        measured: 'O(1)',
        points: [
          { n: 1000, ms: 1 },
          { n: 2000, ms: 2 },
          { n: 4000, ms: 4.1 },
          { n: 8000, ms: 8.3 },
        ],
        confident: true,
        contradicts: false,
        summary: 'measured O(1) per put/get (required O(1))',
      }),
    });
  });

  it('says which operation grew and how much, and where growth was cut short', () => {
    const sut = complexityFromRuns(scaling, 'python', [run([1, 4, 16, null])], true);
    expect(sut).toEqual({
      facts: expect.objectContaining({ measured: 'O(n)', contradicts: true, summary: 'measured O(n) per put/get (required O(1))' }),
    });
    const { note } = (sut as { facts: { note: string } }).facts;
    expect(note).toBe(
      'The time per put/get grew linearly with n (4× the operations took 16× as long), steeper than the required O(1). Growth stopped after n=4000: the next size would have run past the time budget.',
    );
  });

  it('keeps the fastest time of each size over several runs: noise only adds time', () => {
    const sut = complexityFromRuns(scaling, 'python', [run([1, 9, 4, 8]), run([1.2, 2, 30, 8.5])], false);
    expect(sut).toEqual({
      facts: expect.objectContaining({
        points: [
          { n: 1000, ms: 1 },
          { n: 2000, ms: 2 },
          { n: 4000, ms: 4 },
          { n: 8000, ms: 8 },
        ],
        contradicts: false,
      }),
    });
    expect((sut as { facts: { note: string } }).facts.note).toMatch(/failed some tests/);
  });

  it('says why there is no measurement', () => {
    const raised = run([1, 2]);
    raised.calls[2] = { ...notRun, ran: true, error: 'boom' };
    expect(complexityFromRuns(scaling, 'python', [raised], true)).toEqual({
      missing: 'not timed: the entry point raised an exception on a generated input of size 2000',
    });
    expect(complexityFromRuns(scaling, 'python', [{ ...run([]), calls: [notRun], termination: 'COMPILE_ERROR' }], true)).toEqual({
      missing: expect.stringContaining('did not load'),
    });
    const forged = run([1, 2, 4, 8]);
    forged.calls[1] = { ...call(1), timeMs: 'fast' as unknown as number };
    expect(complexityFromRuns(scaling, 'python', [forged], true)).toEqual({ missing: 'not timed: the timing run reported malformed times' });
    const slow = complexityFromRuns(scaling, 'python', [{ ...run([null, null, null, null]), termination: 'TIMEOUT' }], true);
    expect(slow).toEqual({
      facts: expect.objectContaining({
        measured: null,
        points: [{ n: 500, ms: 0.1 }],
        note: 'Too little could be timed to classify the growth per put/get. The call at n=1000 did not finish within the time budget.',
      }),
    });
  });

  it('counts the warm-up as a point when growth was cut short after fewer than three sizes', () => {
    const quadratic = run([1.6, null, null, null]);
    quadratic.calls[0] = call(0.4);
    const sut = complexityFromRuns({ ...scaling, per: 'call', required: 'O(n log n)' }, 'python', [quadratic], true);
    expect(sut).toEqual({
      facts: expect.objectContaining({
        points: [
          { n: 500, ms: 0.4 },
          { n: 1000, ms: 1.6 },
        ],
        measured: 'O(n²)',
        confident: true,
        contradicts: true,
      }),
    });
  });
});
