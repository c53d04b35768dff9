/**
 * Content capability: role guides, questions (rubrics) and prompt templates as versioned,
 * validated data. The schemas are the single source of the content types.
 */
export * from './content.schema.js';
export { loadContent } from './content.loader.js';
export { ContentValidationError } from './content-validation.error.js';
export { canonicalHash } from './canonical-hash.js';
export { renderPrompt, type RenderedMessage } from './prompt-render.js';
export { ContentModule, ContentHttpModule } from './content.module.js';
export { ContentService } from './content.service.js';
