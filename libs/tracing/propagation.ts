import { type Attributes, context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { withSpan } from './span.js';

/** A W3C trace context is a couple of short strings: anything bigger is not one. */
const MAX_CARRIER_CHARS = 1_024;
export type TraceCarrier = Record<string, string>;

/** The current trace context as W3C headers (`traceparent`, …) to carry in a message; undefined when tracing is off. */
export function traceCarrier(): TraceCarrier | undefined {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/** Runs `work` in a span that continues the trace a message carried (`traceCarrier` on the sending side). */
export function withCarriedSpan<T>(carrier: unknown, name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  if (!isCarrier(carrier)) return work();
  return context.with(propagation.extract(ROOT_CONTEXT, carrier), () => withSpan(name, attributes, work));
}

function isCarrier(value: unknown): value is TraceCarrier {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([, v]) => typeof v === 'string') && JSON.stringify(value).length <= MAX_CARRIER_CHARS;
}
