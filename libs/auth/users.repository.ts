import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, type Repository } from 'typeorm';
import { col, firstRow, pgErrorCode, TransactionHost } from '#libs/db';
import { DomainError } from '#libs/errors';
import { z } from 'zod';
import { type Role, UserEntity } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';
const createdRow = z.object({ id: col.uuid });

@Injectable()
export class UsersRepository {
  private readonly host: TransactionHost;

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {
    this.host = new TransactionHost(users.manager.dataSource);
  }

  /**
   * An early-access candidate, written in the caller's transaction when there is one (an invite's redeem commits
   * the account with the spent code); null when the email already has an account (the transaction stays usable).
   */
  async createIfAbsent(input: { email: string; passwordHash: string; role: Role; earlyAccess: boolean }): Promise<string | null> {
    const created = firstRow(
      createdRow,
      await this.host.manager.query(
        `INSERT INTO users (email, password_hash, role, early_access) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [input.email, input.passwordHash, input.role, input.earlyAccess],
      ),
    );
    return created?.id ?? null;
  }

  /** The users of these ids (those that exist), each with their email and role. */
  async byIds(ids: readonly string[]): Promise<Pick<UserEntity, 'id' | 'email' | 'role'>[]> {
    if (ids.length === 0) return [];
    return this.users.find({ select: { id: true, email: true, role: true }, where: { id: In([...ids]) } });
  }

  async create(input: { email: string; passwordHash: string; role: Role; earlyAccess: boolean }): Promise<UserEntity> {
    try {
      return await this.users.save(this.users.create(input));
    } catch (err) {
      if (err instanceof QueryFailedError && pgErrorCode(err) === UNIQUE_VIOLATION) {
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

  /** What a token is checked against: null for a deleted or disabled user. */
  async currentTokenVersion(id: string): Promise<number | null> {
    const row = await this.users.findOne({ select: { tokenVersion: true, disabledAt: true }, where: { id } });
    return row && !row.disabledAt ? row.tokenVersion : null;
  }

  /** Idempotent: disabling twice keeps the first time. Null when there is no such user. */
  async disable(id: string): Promise<UserEntity | null> {
    await this.users
      .createQueryBuilder()
      .update(UserEntity)
      .set({ disabledAt: () => 'now()' })
      .where('id = :id AND disabled_at IS NULL', { id })
      .execute();
    return this.findById(id);
  }

  /** Oldest first; with `q`, those whose email contains it (case-insensitive), at most `limit`. */
  list(filter: { q?: string; role?: Role } = {}, limit = 500): Promise<UserEntity[]> {
    const query = this.users.createQueryBuilder('u').orderBy('u.created_at', 'ASC').limit(limit);
    if (filter.q) query.andWhere('strpos(lower(u.email), lower(:q)) > 0', { q: filter.q });
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    return query.getMany();
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
