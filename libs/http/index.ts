export { HttpExceptionFilter, type ErrorBody } from './http-exception.filter.js';
export { httpStatusFor } from './http-status.js';
export { IpRateLimit, IpRateLimitGuard, type IpRateBucket } from './ip-rate-limit.guard.js';
export { securityHeaders, WEB_CLIENT_CSP } from './security-headers.js';
export { webClientHandler } from './web-client.js';
export { ApiErrors, ApiFile, ApiNoContent, ApiPublic, ApiReturns } from './api-contract.js';
export { errorBodySchema } from './error-body.js';
export { buildOpenApiDocument, OPENAPI_JSON_PATH, serveOpenApi } from './openapi-document.js';
export { ZodValidationPipe } from './zod-validation.pipe.js';
