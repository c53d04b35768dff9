import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { z } from 'zod';
import { col, firstRow } from '#libs/db';
import { RefreshTokenEntity } from './refresh-token.entity.js';

export interface NewRefreshToken {
  familyId: string;
  userId: string;
  tokenHash: string;
  tokenVersion: number;
  expiresAt: Date;
}

/** What presenting a refresh token found. `reused`: it was rotated already, and its family is now revoked. */
export type RotateResult =
  | { kind: 'rotated'; familyId: string; userId: string; tokenVersion: number }
  | { kind: 'unknown' | 'expired' | 'revoked' }
  | { kind: 'reused'; familyId: string; userId: string };

const claimedRow = z.object({ family_id: col.uuid, user_id: col.uuid, token_version: col.int });
type ClaimedRow = z.output<typeof claimedRow>;

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>) {}

  async insert(token: NewRefreshToken): Promise<void> {
    await this.tokens.insert(token);
  }

  /**
   * In one transaction: claims the presented token (one UPDATE, so of two concurrent presentations only one
   * wins and the other reads as reused), then adds its successor to the family. A rotated token presented again
   * revokes the family in the same transaction.
   */
  rotate(presentedHash: string, next: (claimed: ClaimedRow) => NewRefreshToken): Promise<RotateResult> {
    return this.tokens.manager.transaction(async (m) => {
      const claimed = firstRow(
        claimedRow,
        await m.query(
          `UPDATE refresh_tokens SET rotated_at = now()
            WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING family_id, user_id, token_version`,
          [presentedHash],
        ),
      );
      if (claimed) {
        await m.insert(RefreshTokenEntity, next(claimed));
        return { kind: 'rotated', familyId: claimed.family_id, userId: claimed.user_id, tokenVersion: claimed.token_version };
      }
      const row = await m.findOneBy(RefreshTokenEntity, { tokenHash: presentedHash });
      if (!row) return { kind: 'unknown' };
      if (row.revokedAt) return { kind: 'revoked' };
      if (row.rotatedAt) {
        await this.revokeFamilyWith(m, row.familyId);
        return { kind: 'reused', familyId: row.familyId, userId: row.userId };
      }
      return { kind: 'expired' };
    });
  }

  async familyOf(tokenHash: string): Promise<string | null> {
    return (await this.tokens.findOne({ select: { familyId: true }, where: { tokenHash } }))?.familyId ?? null;
  }

  /** Idempotent. */
  async revokeFamily(familyId: string): Promise<void> {
    await this.revokeFamilyWith(this.tokens.manager, familyId);
  }

  /** Expired rows of this user: nothing can be done with them any more, reuse check included. */
  async deleteExpired(userId: string): Promise<void> {
    await this.tokens.manager.query(`DELETE FROM refresh_tokens WHERE user_id = $1 AND expires_at < now()`, [userId]);
  }

  private async revokeFamilyWith(m: EntityManager, familyId: string): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }
}
