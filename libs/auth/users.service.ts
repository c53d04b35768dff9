import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError, parsePayload } from '#libs/errors';
import { AccessChanges } from './access-changes.js';
import { type CreateUserDto, createUserSchema, type UserDto, userSearchSchema } from './auth.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenVersions } from './token-versions.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export function toUserDto(u: UserEntity): UserDto {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    earlyAccess: u.earlyAccess,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    disabledAt: u.disabledAt?.toISOString() ?? null,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly versions: TokenVersions,
    private readonly accessChanges: AccessChanges,
  ) {}

  async create(input: CreateUserDto): Promise<UserDto> {
    const { email, password, role, earlyAccess } = parsePayload(createUserSchema, input);
    const passwordHash = await this.hasher.hash(password);
    return toUserDto(await this.users.create({ email, passwordHash, role, earlyAccess }));
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('user not found');
    return toUserDto(user);
  }

  async list(query: unknown = {}): Promise<UserDto[]> {
    return (await this.users.list(parsePayload(userSearchSchema, query ?? {}))).map(toUserDto);
  }

  /**
   * Disabling bumps the user's token version (a trigger), drops the cached copy and tells every api process,
   * so their HTTP requests are refused at once and their open sockets are closed. Login answers ACCOUNT_DISABLED.
   */
  async disable(adminId: string, id: string): Promise<UserDto> {
    if (adminId === id) throw new DomainError('CONFLICT', 'an admin cannot disable their own account');
    const user = await this.users.disable(id);
    if (!user) throw new NotFoundError('user not found');
    await this.versions.forget(id);
    await this.accessChanges.publish({ kind: 'user', userId: id });
    return toUserDto(user);
  }

  recordLogin(userId: string, at: Date): Promise<void> {
    return this.users.recordLogin(userId, at);
  }
}
