export { HealthModule, WorkerHealthModule } from './health.module.js';
export { WorkerHealthServer, type WorkerReadiness } from './worker-health.server.js';
export { Readiness } from './readiness.js';
