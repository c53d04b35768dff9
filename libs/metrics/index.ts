/** Metrics capability: the process's Prometheus registry, recorded through `MetricsService`, served by `metricsHandler`. */
export { MetricsModule } from './metrics.module.js';
export { MetricsService } from './metrics.service.js';
export { httpMetrics, metricsHandler } from './metrics-endpoint.js';
export type { GradeOutcome, QueueCounts } from './metric-names.js';
