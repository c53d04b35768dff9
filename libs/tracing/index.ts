/** Tracing capability: OpenTelemetry per process (off unless OTEL_EXPORTER_OTLP_ENDPOINT), spans and carried context. */
export { flushTracing, instrumentProcess } from './instrument.js';
export { bullmqTelemetry } from './queue-telemetry.js';
export { traceCarrier, withCarriedSpan, type TraceCarrier } from './propagation.js';
export { withSpan } from './span.js';
