export { HttpExceptionFilter } from './http-exception.filter.js';
export { IpRateLimit } from './ip-rate-limit.guard.js';
export { securityHeaders } from './security-headers.js';
export { webClientHandler } from './web-client.js';
export { ApiErrors, ApiFile, ApiNoContent, ApiPublic, ApiReturns } from './api-contract.js';
/** @public `buildOpenApiDocument`: scripts/openapi-contract.mjs reads it from dist/ (`npm run openapi:generate`). */
export { buildOpenApiDocument, serveOpenApi } from './openapi-document.js';
export { ZodValidationPipe } from './zod-validation.pipe.js';
