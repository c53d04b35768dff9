import { BullMQOtel } from 'bullmq-otel';

let telemetry: BullMQOtel | undefined;

/**
 * BullMQ's OpenTelemetry add-on (one per process): given to every Queue and Worker while tracing is on, a job
 * carries its producer's trace context and the worker's spans join that trace.
 */
export function bullmqTelemetry(): BullMQOtel {
  telemetry ??= new BullMQOtel({ tracerName: 'mock-interview.queue' });
  return telemetry;
}
