/**
 * Grading capability: the grade contract, the grader port, the offline rubric grader,
 * the shared checks every grader applies (verbatim evidence, injection, overall score)
 * and the eval harness.
 */
export * from './grade.schema.js';
export { GradingError, type Grader, type GradeInput, type CodeEvidence } from './grader.port.js';
export { computeOverall } from './compute-overall.js';
export { correctnessFromTests } from './code-correctness.js';
export { type DiagramEvidenceGrade } from './diagram-evidence.schema.js';
export { detectInjection, type InjectionKind } from './injection-detector.js';
export { RubricGrader } from './rubric.grader.js';
export { GradingModule } from './grading.module.js';
export { GradingService, createGrader } from './grading.service.js';
export { createOpenAiClient } from './openai.grader.js';
export { parseEvalDataset, EvalDatasetError, type EvalItem } from './eval/eval-dataset.schema.js';
export { runEval } from './eval/eval-runner.js';
export { bandOf } from './eval/eval-metrics.js';
export { checkThresholds, formatEvalReport, EVAL_TARGETS } from './eval/eval-report.js';
export { fuzzGaming } from './eval/gaming-variants.js';
