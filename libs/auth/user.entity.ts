import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['candidate', 'coach', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  /** May start sessions during the early-access rollout (coaches and admins may anyway). */
  @Column({ name: 'early_access', type: 'boolean', default: false })
  earlyAccess!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /** Every token names the version it was issued at; a trigger bumps it on a role, password or disabled change. */
  @Column({ name: 'token_version', type: 'integer', default: 1, insert: false, update: false })
  tokenVersion!: number;

  /** A disabled user cannot sign in, and their tokens stop working (the version moved). */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
