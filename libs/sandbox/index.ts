/**
 * Sandbox capability: runs untrusted candidate code against test calls inside bubblewrap with rlimits, a
 * wall-clock kill and an output cap, and judges the results on the server side.
 */
export * from './sandbox.types.js';
export { SandboxRunner } from './sandbox-runner.js';
export { staticAnalysisSchema, type StaticAnalysis, type StaticAnalysisOutcome, type StaticAnalysisRequest } from './static-analysis.js';
export { CgroupLimits, type CgroupDetection, type CgroupSource } from './cgroup-limits.js';
export { checkSandbox, type MemoryBoundPolicy, type SandboxAvailability } from './sandbox-check.js';
export {
  customRunResult,
  judge,
  mergeSubmission,
  resultMatches,
  toCandidateResult,
  toCandidateTests,
  type CodeRunResult,
  type JudgedTestInput,
  type TestResult,
} from './judge.js';
export { NUL_SYMBOL, toStorable } from './storable-text.js';
export { SandboxService } from './sandbox.service.js';
export { SandboxModule } from './sandbox.module.js';
