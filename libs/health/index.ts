export { HealthModule, WorkerHealthModule } from './health.module.js';
export { WorkerHealthServer } from './worker-health.server.js';
export { Readiness } from './readiness.js';
