/**
 * Sandbox capability: runs untrusted candidate code against test calls inside bubblewrap with rlimits, a
 * wall-clock kill and an output cap, and judges the results on the server side.
 */
export * from './sandbox.types.js';
export { SandboxRunner } from './sandbox-runner.js';
export { type StaticAnalysis, type StaticAnalysisOutcome } from './static-analysis.js';
export { checkSandbox } from './sandbox-check.js';
export { customRunResult, judge, mergeSubmission, toCandidateResult, toCandidateTests, type CodeRunResult, type JudgedTestInput } from './judge.js';
export { toStorable } from './storable-text.js';
export { SandboxService } from './sandbox.service.js';
export { SandboxModule } from './sandbox.module.js';
