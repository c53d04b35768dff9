import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError, parsePayload } from '#libs/errors';
import { AccessChanges } from './access-changes.js';
import { type CreateUserDto, createUserSchema, type UserDto, type UserSearch } from './auth.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenVersions } from './token-versions.js';
import type { Role, UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

function toUserDto(u: UserEntity): UserDto {
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

  /**
   * A new early-access candidate with a password already hashed (an invite's redeem); runs in the caller's
   * transaction when there is one. Null when the email already has an account.
   */
  createInvitedCandidate(email: string, passwordHash: string): Promise<string | null> {
    return this.users.createIfAbsent({ email, passwordHash, role: 'candidate', earlyAccess: true });
  }

  /** Email and role of each existing user among `ids`, by id (unknown ids are absent). */
  async directory(ids: readonly string[]): Promise<Map<string, { email: string; role: Role }>> {
    const found = await this.users.byIds([...new Set(ids)]);
    return new Map(found.map((u) => [u.id, { email: u.email, role: u.role }]));
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('user not found');
    return toUserDto(user);
  }

  async list(query: UserSearch = {}): Promise<UserDto[]> {
    return (await this.users.list(query)).map(toUserDto);
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
