import { interpretRun, type ProcessEnd } from './harness-protocol.js';

const limits = { wallMs: 1000, cpuSeconds: 1, memoryMb: 64, outputBytes: 1000 };
const line = (obj: unknown, nonce = 'n1') => `@@${nonce}:${JSON.stringify(obj)}`;
const end = (stdout: string[], overrides: Partial<ProcessEnd> = {}): ProcessEnd => ({
  code: 0,
  signal: null,
  killedFor: null,
  oomKilled: false,
  stdout: stdout.join('\n'),
  stderr: '',
  wallMs: 10,
  ...overrides,
});

describe(interpretRun.name, () => {
  it('reads each call and keeps stray output apart', () => {
    const sut = interpretRun(
      end(['hello', line({ type: 'loaded' }), line({ type: 'call', index: 0, ok: true, actual: [1], timeMs: 1 }), line({ type: 'done' })]),
      'n1',
      1,
      limits,
    );
    expect(sut).toMatchObject({ termination: null, stdout: 'hello', calls: [{ ran: true, ok: true, actual: [1] }] });
  });

  it('ignores lines forged with another nonce', () => {
    const sut = interpretRun(
      end([line({ type: 'done' }, 'forged'), line({ type: 'call', index: 0, ok: true, actual: 2 }, 'forged')]),
      'n1',
      1,
      limits,
    );
    expect(sut.termination).toBe('RUNTIME_ERROR');
    expect(sut.calls[0]).toMatchObject({ ran: false, error: 'not finished: RUNTIME_ERROR' });
  });

  it('names the limit that stopped the run', () => {
    expect(interpretRun(end([], { killedFor: 'TIMEOUT', code: null, signal: 'SIGKILL' }), 'n1', 1, limits)).toMatchObject({
      termination: 'TIMEOUT',
      message: expect.stringContaining('wall time'),
    });
    expect(interpretRun(end([], { code: 128 + 24 }), 'n1', 1, limits)).toMatchObject({
      termination: 'TIMEOUT',
      message: expect.stringContaining('CPU time'),
    });
    expect(interpretRun(end([], { killedFor: 'OUTPUT_LIMIT' }), 'n1', 1, limits).termination).toBe('OUTPUT_LIMIT');
    expect(interpretRun(end([line({ type: 'output_limit' })]), 'n1', 1, limits).termination).toBe('OUTPUT_LIMIT');
    expect(
      interpretRun(
        end([], { code: 134, stderr: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' }),
        'n1',
        1,
        limits,
      ).termination,
    ).toBe('MEMORY_LIMIT');
    expect(interpretRun(end([line({ type: 'compile_error', message: 'SyntaxError: x' })]), 'n1', 1, limits)).toMatchObject({
      termination: 'COMPILE_ERROR',
      message: 'SyntaxError: x',
    });
    expect(interpretRun(end([line({ type: 'done' })], { code: 0, oomKilled: true }), 'n1', 1, limits).termination).toBe('MEMORY_LIMIT');
    expect(interpretRun(end([], { code: 137 }), 'n1', 1, limits)).toMatchObject({
      termination: 'RUNTIME_ERROR',
      message: expect.stringContaining('signal 9'),
    });
  });
});
