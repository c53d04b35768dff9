import { type Attributes, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('mock-interview');

/**
 * Runs `work` inside a span named `name` (a child of the current one; the api's no-op when tracing is off).
 * The span records an exception and ends with the work; `work` may add attributes found along the way.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: { setAttributes(a: Attributes): void }) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  });
}
