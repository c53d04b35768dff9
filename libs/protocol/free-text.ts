import { z } from 'zod';

/**
 * Every string a client sends that the service stores or searches: Postgres `text` cannot hold NUL, so a NUL
 * is refused here as INVALID_PAYLOAD naming the field, instead of failing in the database as a 500. Chain the
 * field's own rules after it (`freeText().trim().min(1).max(100)`).
 */
export const freeText = () => z.string().refine((t) => !t.includes('\u0000'), 'must not contain NUL characters');
