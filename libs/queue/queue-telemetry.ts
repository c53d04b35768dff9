import type { AppConfig } from '#libs/config';
import { bullmqTelemetry } from '#libs/tracing';

/**
 * The queues' telemetry option when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT): a job carries its producer's trace
 * context, so the worker's spans join the trace of the request or socket event that enqueued it. Off, nothing is
 * added to the queues' options.
 */
export function queueTelemetry(config: AppConfig): { telemetry?: ReturnType<typeof bullmqTelemetry> } {
  return config.tracing.otlpEndpoint ? { telemetry: bullmqTelemetry() } : {};
}
