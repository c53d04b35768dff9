import { Injectable, StandardSchemaValidationPipe } from '@nestjs/common';
import { InvalidPayloadError } from '#libs/errors';

/**
 * The one validation of HTTP input: every `@Body`, `@Query` or `@Param` that declares a `schema` (zod) is parsed
 * here, at the controller boundary, and handlers receive the parsed value. A refusal is `INVALID_PAYLOAD` naming
 * each bad field, as the socket's `parsePayload` answers.
 */
@Injectable()
export class ZodValidationPipe extends StandardSchemaValidationPipe {
  constructor() {
    super({
      exceptionFactory: (issues) =>
        new InvalidPayloadError(
          issues.map((i) => ({
            path: (i.path ?? []).map((s) => String(typeof s === 'object' ? s.key : s)).join('.'),
            message: i.message,
          })),
        ),
    });
  }
}
