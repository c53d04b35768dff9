export { HandlesJob, type HandlerAvailability, type JobContext, type JobHandler } from './job-handler.js';
export { JOBS, QUEUE_NAMES, type JobName, type JobPayload } from './job-registry.js';
export { JobQueue } from './job-queue.service.js';
export { MissingJobHandlerError } from './handler-index.js';
export { QueueDashboardModule, QueueModule, QueueWorkerModule } from './queue.module.js';
export { QueueDashboard } from './queue-dashboard.js';
export { QueueWorkerService, WorkerStoppingError } from './queue-worker.service.js';
export type { ScheduleHealth } from './job-schedulers.js';
