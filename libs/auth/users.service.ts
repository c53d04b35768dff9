import { Injectable } from '@nestjs/common';
import { NotFoundError, parsePayload } from '#libs/errors';
import { type CreateUserDto, createUserSchema, type UserDto } from './auth.dto.js';
import { PasswordHasher } from './password-hasher.js';
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
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
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

  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(toUserDto);
  }

  recordLogin(userId: string, at: Date): Promise<void> {
    return this.users.recordLogin(userId, at);
  }
}
