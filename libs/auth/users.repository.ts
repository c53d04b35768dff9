import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type Repository } from 'typeorm';
import { DomainError } from '#libs/errors';
import { type Role, UserEntity } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async create(input: { email: string; passwordHash: string; role: Role; earlyAccess: boolean }): Promise<UserEntity> {
    try {
      return await this.users.save(this.users.create(input));
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError('CONFLICT', 'a user with this email already exists');
      }
      throw err;
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { createdAt: 'ASC' } });
  }

  /** Idempotent and order-independent: a retried or late job never moves the time backwards. */
  async recordLogin(id: string, at: Date): Promise<void> {
    await this.users
      .createQueryBuilder()
      .update(UserEntity)
      .set({ lastLoginAt: () => 'GREATEST(last_login_at, :at)' })
      .setParameter('at', at)
      .where('id = :id', { id })
      .execute();
  }
}
