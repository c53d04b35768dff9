export { HttpExceptionFilter, type ErrorBody } from './http-exception.filter.js';
export { httpStatusFor } from './http-status.js';
export { IpRateLimit, IpRateLimitGuard, type IpRateBucket } from './ip-rate-limit.guard.js';
export { securityHeaders, WEB_CLIENT_CSP } from './security-headers.js';
export { webClientHandler } from './web-client.js';
