export { HttpExceptionFilter, type ErrorBody } from './http-exception.filter.js';
export { httpStatusFor } from './http-status.js';
