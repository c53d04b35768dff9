import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK, resources, tracing } from '@opentelemetry/sdk-node';

export interface Tracing {
  /** Exports what is still buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry for one process (started by `instrumentProcess` when OTEL_EXPORTER_OTLP_ENDPOINT is set): spans
 * for HTTP in and out (fetch too: the LLM provider's calls), every Postgres query and Redis command, BullMQ (bullmq-otel, see libs/queue) and the
 * service's own (`withSpan`), sent as OTLP/HTTP JSON to `<endpoint>/v1/traces`. It must start before `http`, `pg`
 * and `ioredis` are loaded (see `instrumentProcess`).
 */
export function startTracing(endpoint: string, serviceName: string): Tracing {
  const sdk = new NodeSDK({
    resource: resources.resourceFromAttributes({ 'service.name': serviceName }),
    // Spans only: metrics are Prometheus' (GET /metrics), logs are pino's on stdout.
    spanProcessors: [new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }), { scheduledDelayMillis: 1_000 })],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      // Health checks and scrapes are not worth a trace each.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? '') }),
      // fetch(): the LLM provider's requests (the openai SDK), as children of the grader's span.
      new UndiciInstrumentation(),
      new PgInstrumentation(),
      new IORedisInstrumentation(),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
