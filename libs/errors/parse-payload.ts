import type { z } from 'zod';
import { InvalidPayloadError } from './domain-error.js';

/** Validates untrusted input against a schema; the error names each bad field. Used by every transport. */
export function parsePayload<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidPayloadError(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}
