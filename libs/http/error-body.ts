import { z } from 'zod';
import { ERROR_CODES } from '#libs/errors';

/** The body of every refusal the api answers (the one HTTP filter writes it): a stable code and a safe message. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      /** The same request may succeed later (see `isRetryable`); `Retry-After` says when, if known. */
      retryable: z.boolean(),
      /** The request's id in the logs (always on a 500). */
      requestId: z.string().optional(),
      /** `INVALID_PAYLOAD`: `issues` (`{ path, message }` per bad field); refusals with a wait: `retryAfterMs` or `retryAt`. */
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof errorBodySchema>;
