import { customRunResult, judge, mergeSubmission, resultMatches, toCandidateResult } from './judge.js';
import type { SandboxOutcome } from './sandbox.types.js';

const outcome = (actuals: unknown[], termination: SandboxOutcome['termination'] = null): SandboxOutcome => ({
  termination,
  calls: actuals.map((a) =>
    a instanceof Error
      ? { ran: true, ok: false, error: a.message, stdout: '', stderr: '', timeMs: 1 }
      : { ran: true, ok: true, actual: a, stdout: 'out', stderr: '', timeMs: 1 },
  ),
  stdout: '',
  stderr: '',
  wallMs: 5,
});
const tests = [
  { name: 'visible one', args: [1], expected: [1, 2], hidden: false },
  { name: 'secret edge case', args: [2], expected: [3], hidden: true },
];

describe(judge.name, () => {
  it('passes when every call returns its expected value', () => {
    expect(judge(tests, outcome([[1, 2], [3]]), 'exact')).toMatchObject({
      status: 'PASSED',
      visible: { passed: 1, total: 1 },
      hidden: { passed: 1, total: 1 },
    });
  });

  it('fails exactly the tests whose value differs; an exception is a RUNTIME_ERROR', () => {
    const failed = judge(tests, outcome([[2, 1], [3]]), 'exact');
    expect([failed.status, failed.tests.map((t) => t.passed)]).toEqual(['FAILED', [false, true]]);
    expect(judge(tests, outcome([[2, 1], [3]]), 'unordered').status).toBe('PASSED');
    expect(judge(tests, outcome([[1, 2], new Error('boom')]), 'exact')).toMatchObject({ status: 'RUNTIME_ERROR', hidden: { passed: 0 } });
    expect(judge(tests, outcome([[1, 2], [3]], 'TIMEOUT'), 'exact').status).toBe('TIMEOUT');
  });

  it('shows hidden tests to the candidate as pass/fail only, without their names', () => {
    const shown = toCandidateResult(judge(tests, outcome([[1, 2], [4]]), 'exact'));
    expect(shown.tests[1]).toEqual({ name: 'hidden test 1', hidden: true, passed: false });
    expect(shown).not.toHaveProperty('wallMs');
    expect(JSON.stringify(shown)).not.toContain('secret');
    expect(resultMatches('unordered', [[1], [2]], [[2], [1]])).toBe(true);
  });

  it('shows a visible test its arguments; a hidden test keeps them on the server', () => {
    const result = judge(tests, outcome([[1, 2], [3]]), 'exact');
    expect(result.tests[0]).toMatchObject({ name: 'visible one', input: [1] });
    expect(result.tests[1]).not.toHaveProperty('input');
    expect(toCandidateResult(result).tests[0]).toMatchObject({ input: [1], expected: [1, 2], actual: [1, 2] });
  });
  it('merges a submission: the visible run stopping early wins, then the hidden run, else both must pass', () => {
    const visible = [tests[0]!];
    const hidden = [tests[1]!];
    const sut = (v: ReturnType<typeof judge>, h: ReturnType<typeof judge>) => mergeSubmission(v, h);
    const vPass = judge(visible, outcome([[1, 2]]), 'exact');
    const hPass = judge(hidden, outcome([[3]]), 'exact');
    const hFail = judge(hidden, outcome([[4]]), 'exact');
    const hTimeout = judge(hidden, outcome([[3]], 'TIMEOUT'), 'exact');
    expect(sut(vPass, hPass)).toMatchObject({ status: 'PASSED', visible: { passed: 1, total: 1 }, hidden: { passed: 1, total: 1 } });
    expect(sut(vPass, hFail).status).toBe('FAILED');
    expect(sut(vPass, hTimeout).status).toBe('TIMEOUT');
    expect(sut(judge(visible, outcome([new Error('x')]), 'exact'), hTimeout).status).toBe('RUNTIME_ERROR');
    expect(sut(vPass, hPass).tests.map((t) => t.name)).toEqual(['visible one', 'secret edge case']);
    // The hidden run's own message (an exit code, a signal) stays on the server.
    const hExit = {
      ...judge(hidden, outcome([[3]], 'RUNTIME_ERROR'), 'exact'),
      message: 'the program stopped before finishing the tests (exit code 43)',
    };
    const merged = sut(vPass, hExit);
    expect(merged).toMatchObject({ message: 'the program stopped early on the hidden tests (RUNTIME_ERROR)', hiddenDetail: hExit.message });
    expect(JSON.stringify(toCandidateResult(merged))).not.toContain('43');
  });
});

describe(customRunResult.name, () => {
  it('reports the one call on the candidate’s input: its value, output and time, no tests', () => {
    const sut = customRunResult([[3, 1]], { ...outcome([[1, 3]]), stdout: 'loading' });
    expect(sut).toMatchObject({ status: 'PASSED', tests: [], visible: { passed: 0, total: 0 }, hidden: { passed: 0, total: 0 } });
    expect(sut.custom).toEqual({ args: [[3, 1]], returned: true, value: [1, 3], stdout: 'loading\nout', timeMs: 1 });
  });

  it('an exception is a RUNTIME_ERROR with its error; a limit or a compile error keeps its status and says why', () => {
    expect(customRunResult([1], outcome([new Error('boom')]))).toMatchObject({ status: 'RUNTIME_ERROR', custom: { returned: false, error: 'boom' } });
    expect(customRunResult([1], { ...outcome([[1]], 'TIMEOUT'), message: 'wall time limit of 10000 ms' })).toMatchObject({
      status: 'TIMEOUT',
      message: 'wall time limit of 10000 ms',
    });
    const compile: SandboxOutcome = {
      termination: 'COMPILE_ERROR',
      message: 'SyntaxError: invalid syntax',
      calls: [],
      stdout: '',
      stderr: '',
      wallMs: 3,
    };
    const failed = customRunResult([1], compile);
    expect(failed).toMatchObject({ status: 'COMPILE_ERROR', compileError: 'SyntaxError: invalid syntax', custom: { args: [1], returned: false } });
    expect(failed.custom).not.toHaveProperty('value');
  });
});
