import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWaitlist1764216000000 implements MigrationInterface {
  name = 'CreateWaitlist1764216000000';

  async up(q: QueryRunner): Promise<void> {
    // Users who were here before the rollout keep their access; new accounts start without it.
    await q.query(`ALTER TABLE users ADD COLUMN early_access boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE users ALTER COLUMN early_access SET DEFAULT false`);

    await q.query(`CREATE TYPE waitlist_status AS ENUM ('waiting', 'invited', 'joined')`);
    await q.query(`
      CREATE TABLE waitlist_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
        name text,
        target_role text,
        years_experience integer CHECK (years_experience BETWEEN 0 AND 80),
        signup_number integer NOT NULL UNIQUE CHECK (signup_number > 0),
        referral_code text NOT NULL UNIQUE,
        token_hash text NOT NULL UNIQUE,
        referred_by uuid REFERENCES waitlist_entries(id) ON DELETE SET NULL,
        referral_count integer NOT NULL DEFAULT 0 CHECK (referral_count >= 0),
        status waitlist_status NOT NULL DEFAULT 'waiting',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX waitlist_entries_email_key ON waitlist_entries (lower(email))`);
    await q.query(`CREATE INDEX waitlist_entries_waiting_idx ON waitlist_entries (signup_number) WHERE status = 'waiting'`);

    // One invite per entry, ever: the unique entry_id is what makes "never invited twice" hold under any race.
    await q.query(`
      CREATE TABLE waitlist_invites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL UNIQUE REFERENCES waitlist_entries(id) ON DELETE CASCADE,
        code_hash text NOT NULL UNIQUE,
        cohort text NOT NULL,
        expires_at timestamptz NOT NULL,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        redeemed_at timestamptz,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX waitlist_invites_cohort_idx ON waitlist_invites (cohort)`);

    // Every message the service sends: written in the transaction that decided it, sent by the worker at most once.
    await q.query(`CREATE TYPE outbox_status AS ENUM ('pending', 'sending', 'sent', 'failed')`);
    await q.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        to_email text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status outbox_status NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        transport text,
        created_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz,
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbox_messages_to_idx ON outbox_messages (to_email, created_at)`);

    // The rollout limits an admin set (one row; absent = the configured defaults).
    await q.query(`
      CREATE TABLE rollout_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        max_live_sessions integer NOT NULL CHECK (max_live_sessions >= 0),
        sessions_per_user_per_day integer NOT NULL CHECK (sessions_per_user_per_day >= 0),
        daily_token_budget bigint NOT NULL CHECK (daily_token_budget >= 0),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Today's LLM spend is summed from the grades stored today.
    await q.query(`CREATE INDEX grades_created_at_idx ON grades (created_at)`);
    await q.query(`CREATE INDEX interview_sessions_started_idx ON interview_sessions (started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interview_sessions_started_idx`);
    await q.query(`DROP INDEX grades_created_at_idx`);
    await q.query(`DROP TABLE rollout_settings`);
    await q.query(`DROP TABLE outbox_messages`);
    await q.query(`DROP TYPE outbox_status`);
    await q.query(`DROP TABLE waitlist_invites`);
    await q.query(`DROP TABLE waitlist_entries`);
    await q.query(`DROP TYPE waitlist_status`);
    await q.query(`ALTER TABLE users DROP COLUMN early_access`);
  }
}
