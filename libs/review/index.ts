/**
 * Review capability: scored transcripts and their export, candidate progress, session deletion, coach
 * assignments, corrections (append-only versions), annotations, disputes, the review queue, calibration of
 * the AI against coaches, and the export of coach labels for the grading eval.
 */
export { ReviewCoreModule, ReviewHttpModule, ReviewModule } from './review.module.js';
export { CalibrationService, type CalibrationDto, type CalibrationGroup } from './calibration.service.js';
export { TranscriptService, type TranscriptDto, type TranscriptExportDto, type TranscriptTurn } from './transcript.service.js';
export { transcriptToMarkdown } from './transcript-markdown.js';
export { quadraticKappa, scoreAgreement, categoricalAgreement, type ScoreAgreement } from './agreement.js';
