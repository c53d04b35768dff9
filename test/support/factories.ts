import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { type Role, type UserDto, UsersService } from '../../libs/auth/index.js';

export const DEFAULT_PASSWORD = 'a-long-enough-password';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.test`;
}

/** A real user through the real service (argon2 hash and all). */
export function createUser(
  app: INestApplicationContext,
  role: Role = 'candidate',
  overrides: { email?: string; password?: string; earlyAccess?: boolean } = {},
): Promise<UserDto> {
  return app.get(UsersService).create({
    email: overrides.email ?? uniqueEmail(role),
    password: overrides.password ?? DEFAULT_PASSWORD,
    role,
    earlyAccess: overrides.earlyAccess ?? true,
  });
}
