import type { ProcessEnd } from './harness-protocol.js';
import { interpretAnalysis } from './static-analysis.js';

const limits = { wallMs: 1000, cpuSeconds: 1, memoryMb: 64, maxProcesses: 8, outputBytes: 1000, fileBytes: 0 };
const end = (stdout: string, overrides: Partial<ProcessEnd> = {}): ProcessEnd => ({
  code: 0,
  signal: null,
  killedFor: null,
  oomKilled: false,
  stdout,
  stderr: '',
  wallMs: 50,
  ...overrides,
});
const facts = {
  functions: [{ name: 'solve', line: 1, endLine: 3, lines: 2, maxDepth: 0 }],
  names: [{ name: 'solve', line: 1, kind: 'function' }],
  unreachable: [],
  unusedFunctions: [],
  unusedVariables: [],
};

describe(interpretAnalysis.name, () => {
  it("reads the analyser's facts from its nonce line only", () => {
    const sut = interpretAnalysis(
      end(
        `@@forged:${JSON.stringify({ type: 'analysis', facts: { ...facts, functions: [] } })}\n@@n1:${JSON.stringify({ type: 'analysis', facts })}`,
      ),
      'n1',
      limits,
    );
    expect(sut).toEqual({ ok: true, analysis: facts });
  });

  it('gives a reason, never a throw, when there are no facts', () => {
    expect(interpretAnalysis(end(`@@n1:${JSON.stringify({ type: 'analysis_error', message: 'SyntaxError: bad' })}`), 'n1', limits)).toEqual({
      ok: false,
      reason: 'the analyser could not read the code (SyntaxError: bad)',
    });
    expect(interpretAnalysis(end(`@@n1:${JSON.stringify({ type: 'analysis', facts: { functions: 'none' } })}`), 'n1', limits)).toEqual({
      ok: false,
      reason: 'the analyser returned malformed facts',
    });
    expect(interpretAnalysis(end('', { killedFor: 'TIMEOUT', code: null, signal: 'SIGKILL' }), 'n1', limits)).toEqual({
      ok: false,
      reason: expect.stringContaining('wall time limit'),
    });
  });
});
