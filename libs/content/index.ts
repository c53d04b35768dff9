/**
 * Content capability: role guides, questions (rubrics) and prompt templates as versioned,
 * validated data. The schemas are the single source of the content types.
 */
export * from './content.schema.js';
export { loadContent, type ContentDirectories } from './content.loader.js';
export { ContentValidationError, formatContentIssue, type ContentIssue } from './content-validation.error.js';
export { canonicalHash, canonicalJson } from './canonical-hash.js';
export {
  toCandidateQuestion,
  toCandidateRole,
  type CandidateQuestion,
  type CandidateSystemDesignQuestion,
  type CandidateCodingQuestion,
  type CandidateBehavioralQuestion,
  type CandidateRoleGuide,
} from './question-view.js';
export { renderPrompt, neutraliseDataTags, PromptRenderError, type PromptValues, type RenderedMessage } from './prompt-render.js';
export { ContentModule, ContentHttpModule } from './content.module.js';
export { ContentService } from './content.service.js';
