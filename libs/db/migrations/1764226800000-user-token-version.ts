import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tokens carry the user's `token_version`; a token of another version is refused. The trigger bumps it on
 * every change that must end what the user's tokens allow (role, password, disabling), even one made by
 * hand in SQL. A deleted user has no row, so no version, and every token of theirs is refused too.
 */
export class UserTokenVersion1764226800000 implements MigrationInterface {
  name = 'UserTokenVersion1764226800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 1, ADD COLUMN disabled_at timestamptz`);
    await q.query(`
      CREATE FUNCTION users_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role IS DISTINCT FROM OLD.role
           OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
           OR NEW.disabled_at IS DISTINCT FROM OLD.disabled_at THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER users_token_version BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION users_bump_token_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_token_version ON users`);
    await q.query(`DROP FUNCTION users_bump_token_version()`);
    await q.query(`ALTER TABLE users DROP COLUMN disabled_at, DROP COLUMN token_version`);
  }
}
