import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1764201600000 implements MigrationInterface {
  name = 'CreateUsers1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE user_role AS ENUM ('candidate', 'coach', 'admin')`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
        password_hash text NOT NULL,
        role user_role NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`);
    // Emails are stored normalised; the index on lower() keeps uniqueness case-insensitive even if that ever slips.
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TYPE user_role`);
  }
}
