/**
 * Grading capability: the grade contract, the grader port, the offline rubric grader,
 * the shared checks every grader applies (verbatim evidence, injection, overall score)
 * and the eval harness.
 */
export * from './grade.schema.js';
export {
  GRADING_ERROR_CODES,
  GradingError,
  type Grader,
  type GradeInput,
  type CodeEvidence,
  type GradingErrorCode,
  type GradingErrorOptions,
  type TranscriptTurn,
} from './grader.port.js';
export { gradingScope, questionDimensions, type GradingScope } from './grading-scope.js';
export { computeOverall } from './compute-overall.js';
export { anchorCorrectness, correctnessFromTests, correctnessReason, CodeAnchoredGrader } from './code-correctness.js';
export { anchorCodeFacts, codeQualityReason } from './code-facts-anchor.js';
export { verifyEvidence, type EvidenceRepair, type VerifiedEvidence } from './evidence-verifier.js';
export { readBoard, type BoardReading, type GradeBoard } from './board-reading.js';
export { formatBoard } from './board-listing.js';
export { diagramEvidenceSchema, type DiagramEvidenceGrade } from './diagram-evidence.schema.js';
export { detectInjection, type InjectionFinding, type InjectionKind, type InjectionReport } from './injection-detector.js';
export { neutraliseDelimiters, DEFAULT_DATA_TAGS } from './delimiter-neutraliser.js';
export { RubricGrader, type RubricGraderOptions } from './rubric.grader.js';
export { GradingModule } from './grading.module.js';
export { GradingService, createGrader, type GraderDependencies } from './grading.service.js';
export { createOpenAiClient } from './openai.grader.js';
export { evalItemSchema, parseEvalDataset, EvalDatasetError, type EvalItem } from './eval/eval-dataset.schema.js';
export { runEval, type EvalContent, type EvalReport, type EvalRow, type EvalCounts } from './eval/eval-runner.js';
export { bandOf, BAND_CUTOFFS, spearman, averageRanks, precisionRecall, type PrecisionRecall } from './eval/eval-metrics.js';
export { checkThresholds, formatEvalReport, EVAL_TARGETS, EVAL_THRESHOLDS, type ThresholdCheck } from './eval/eval-report.js';
export { fuzzGaming, gamingVariants, type GamingReport } from './eval/gaming-variants.js';
