/**
 * Review capability: scored transcripts and their export, candidate progress, session deletion, coach
 * assignments, corrections (append-only versions), annotations, disputes, the review queue, calibration of
 * the AI against coaches, and the export of coach labels for the grading eval.
 */
export { ReviewCoreModule, ReviewHttpModule, ReviewModule } from './review.module.js';
export { CalibrationService } from './calibration.service.js';
