import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh tokens (owned by libs/auth), stored as SHA-256 hashes. A sign-in starts a family; each refresh marks
 * its token rotated and adds the next one to the family. A rotated token presented again is a copy in someone
 * else's hands (or a replay): the whole family is revoked. Rows stay until they expire, for that check.
 */
export class CreateRefreshTokens1764237600000 implements MigrationInterface {
  name = 'CreateRefreshTokens1764237600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        token_version integer NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
  }
}
