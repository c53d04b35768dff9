/** Metrics capability: the process's Prometheus registry, recorded through `MetricsService`, served by `metricsHandler`. */
export { MetricsModule } from './metrics.module.js';
export { MetricsService } from './metrics.service.js';
export { httpMetrics, isPrivateAddress, metricsHandler, type MetricsAccess } from './metrics-endpoint.js';
export type { GradeOutcome, QueueCounts, QueueCountsSource, TokenKind } from './metric-names.js';
