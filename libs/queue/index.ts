export { HandlesJob, type HandlerAvailability, type JobContext, type JobHandler } from './job-handler.js';
export { JOB_NAMES, JOBS, QUEUE_NAMES, type JobName, type JobPayload, type QueueName } from './job-registry.js';
export { JobQueue, type EnqueueOptions } from './job-queue.service.js';
export { MissingJobHandlerError } from './handler-index.js';
export { QueueDashboardModule, QueueModule, QueueWorkerModule } from './queue.module.js';
export { QueueDashboard } from './queue-dashboard.js';
export { QueueWorkerService, WorkerStoppingError, type QueueConsumption } from './queue-worker.service.js';
export type { ScheduleHealth } from './job-schedulers.js';
