import { z } from 'zod';
import { ROLES } from './user.entity.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(254));

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(1024),
});
export type LoginDto = z.infer<typeof loginSchema>;

export const createUserSchema = z.object({
  email: emailSchema,
  password: z.string().min(12, 'must be at least 12 characters').max(1024),
  role: z.enum(ROLES),
  /** Accounts an operator creates by hand get early access unless told otherwise (`--early-access false`). */
  earlyAccess: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(true),
});
export type CreateUserDto = z.input<typeof createUserSchema>;

/** `GET /api/admin/users`: every user, or those whose email contains `q`, of one role. */
export const userSearchSchema = z.object({ q: z.string().trim().min(1).max(254).optional(), role: z.enum(ROLES).optional() }).strict();
export type UserSearch = z.infer<typeof userSearchSchema>;

export type { AccessTokenDto, UserDto } from '#libs/protocol';
